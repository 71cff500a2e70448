// The command line as a user runs it: real process, stdout, stderr and exit codes.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { repoRoot, sharedFile } from "../support/paths.js";

const tsx = resolve(repoRoot, "node_modules/.bin/tsx");
const cli = (...args: string[]) =>
  spawnSync(tsx, ["src/cli/main.ts", ...args], { cwd: repoRoot, encoding: "utf8" });

describe("cli process", () => {
  it("scores the whole LADE ASC1-4 file and agrees with the published columns", () => {
    const out = execFileSync(tsx, ["src/cli/main.ts", "score", sharedFile("oflog-lade-asc1-4.csv")], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    const ours = csvParse(out);
    const published = csvParse(readFileSync(sharedFile("oflog-lade-asc1-4.csv"), "utf8"));
    expect(ours).toHaveLength(published.length);
    ours.forEach((r, i) => {
      const p = published[i];
      expect(r.areacd).toBe(p["Local authority code"]);
      if (p["MADs_from_median"] === "") {
        expect([r.mad_score, r.band]).toEqual(["", "missing"]);
      } else {
        const want = Number(p["MADs_from_median"]);
        expect(Math.abs(Number(r.mad_score) - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
        expect(Number(r.median)).toBeCloseTo(Number(p["MEDIAN"]), 12);
      }
    });
  });

  it("bad input: one line on stderr and exit code 2", () => {
    for (const args of [
      ["score", "no-such-file.csv"],
      ["score", "package.json"],
      ["score", "--metric", "nope"],
      ["frobnicate"],
    ]) {
      const r = cli(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^error: /);
    }
  });

  it("names unknown and missing columns", () => {
    const r = cli("score", sharedFile("oflog-lade-asc1-4.csv"), "--format", "tidy");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /missing column\(s\) "areacd", "areanm", "period", "indicator", "value"; unknown column\(s\) "Financial year"/,
    );
  });
});
