// What every reader of outside bytes promises: it returns, or throws one of the codebase's own errors
// with a short plain message a council officer can act on (no JavaScript internals, no stack).
import { expect } from "vitest";
import type { Observation } from "../../src/core/model.js";
import { FormatError } from "../../src/core/parsers/csv.js";
import { SchemaError } from "../../src/core/schema.js";
import { SnapshotError } from "../../src/core/snapshot.js";
import { LayoutError } from "../../src/core/spreadsheet/table.js";
import { SpreadsheetError } from "../../src/core/spreadsheet/types.js";

export const TYPED_ERRORS = [FormatError, SnapshotError, SpreadsheetError, LayoutError, SchemaError] as const;

/** Long enough for a message naming a line, a column and a council; a page of text is not a message. */
export const MAX_MESSAGE = 500;

/** Text that only a program's internals write: a reader let a JavaScript error or value through. */
const INTERNALS =
  /undefined|\[object |Cannot read propert|is not a function|is not iterable|Maximum call stack|Invalid array length|\n\s+at \S/;

/** Fails (with the problem in the message) unless `e` is a typed error with a plain, bounded message. */
export function expectTypedError(e: unknown): void {
  const name = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  expect(
    TYPED_ERRORS.some((T) => e instanceof T),
    `not a typed error: ${name}`,
  ).toBe(true);
  const message = (e as Error).message;
  expect(typeof message === "string" && message.trim().length > 0, `empty message: ${name}`).toBe(true);
  expect(message.length, `message too long: ${message.slice(0, 200)}…`).toBeLessThanOrEqual(MAX_MESSAGE);
  expect(message, `internals in the message: ${message}`).not.toMatch(INTERNALS);
}

/** Runs `read`; a value is returned, a throw must be a typed error. */
export function returnsOrTypedError<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    expectTypedError(e);
    return undefined;
  }
}

/** Accepted rows are well formed: text keys, a finite number or null with its reason. */
export function expectWellFormed(observations: readonly Observation[]): void {
  for (const o of observations) {
    for (const k of ["metric", "period", "areacd", "areanm"] as const)
      expect(typeof o[k], `${k} of ${JSON.stringify(o)}`).toBe("string");
    if (o.value === null)
      expect(
        typeof o.missing === "string" && o.missing.length > 0,
        `null without a reason: ${JSON.stringify(o)}`,
      ).toBe(true);
    else expect(Number.isFinite(o.value), `value ${o.value} in ${JSON.stringify(o)}`).toBe(true);
  }
}

/** Fixed seeds so CI runs the same cases; a failure prints its seed and path to replay it. */
export const runs = (numRuns: number, seed: number) => ({ numRuns, seed, endOnFailure: true });
