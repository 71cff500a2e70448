// The two published LADE adult social care files (ASC1–ASC4 and ASC5–ASC7), read in place, with their
// published medians and scores: the reference every conformance test compares with.
import { readFileSync } from "node:fs";
import { csvParse, type DSVRowString } from "d3-dsv";
import { expect } from "vitest";
import { sharedFile } from "./paths.js";

export const LADE_FILES = ["oflog-lade-asc1-4.csv", "oflog-lade-asc5-7.csv"] as const;

/** Published scores in the two files: 2,850 (ASC1–ASC4) + 3,228 (ASC5–ASC7). */
export const PUBLISHED_SCORES = { "oflog-lade-asc1-4.csv": 2850, "oflog-lade-asc5-7.csv": 3228 } as const;

export const ladeText = (file: string): string => readFileSync(sharedFile(file), "utf8");
export const ladeRows = (file: string): DSVRowString[] => csvParse(ladeText(file));

/** Rows by measure and year, in file order: the sets LADE scored together. */
export function ladeGroups(file: string): DSVRowString[][] {
  const groups = new Map<string, DSVRowString[]>();
  for (const r of ladeRows(file)) {
    const key = `${r["Code"]} ${r["Financial year"]}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}

export const num = (s: string | undefined): number | null =>
  s === undefined || s.trim() === "" ? null : Number(s);

/**
 * How close to a published number ours must be, relative. ASC1–ASC4's values are exact to one decimal, so
 * scores agree to 1e-9. ASC7's values are printed to 10 significant digits while LADE scored the unrounded
 * ones, so its scores can differ by a few 1e-9 (largest 2.9e-9): 1e-8 for that file.
 */
export const TOLERANCE: Record<string, number> = {
  "oflog-lade-asc1-4.csv": 1e-9,
  "oflog-lade-asc5-7.csv": 1e-8,
};

/** Within `relative` of a published number. */
export function expectClose(actual: unknown, published: number, relative = 1e-9): void {
  expect(typeof actual, String(actual)).toBe("number");
  expect(Math.abs((actual as number) - published)).toBeLessThanOrEqual(
    relative * Math.max(1, Math.abs(published)),
  );
}
