// The snapshot reader over arbitrary JSON and over a real small snapshot with one part changed: it loads
// well-formed rows or refuses the file with a SnapshotError naming the field.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readObservations } from "../../src/core/load.js";
import { parseSnapshot, snapshotObservations, SnapshotError } from "../../src/core/snapshot.js";
import { repoRoot } from "../support/paths.js";
import { expectTypedError, expectWellFormed, runs } from "./typedError.js";

/** The shipped snapshot cut to three areas and two metrics of two periods: a real file, small. */
function smallSnapshot(): Record<string, unknown> {
  const s = JSON.parse(readFileSync(resolve(repoRoot, "data/default-snapshot.json"), "utf8")) as {
    metrics: Record<string, Record<string, (number | null)[]>>;
    areas: unknown[];
  } & Record<string, unknown>;
  const metrics = Object.fromEntries(
    Object.entries(s.metrics)
      .slice(0, 2)
      .map(([m, periods]) => [
        m,
        Object.fromEntries(
          Object.keys(periods)
            .slice(0, 2)
            .map((p) => [p, [0, 1.5, 1, null, 2, -3]]),
        ),
      ]),
  );
  return { ...s, areas: s.areas.slice(0, 3), metrics };
}
const SMALL = smallSnapshot();

/** Reads `text` as the add-in does; accepted snapshots give well-formed rows. */
function check(text: string): void {
  let rows;
  try {
    rows = readObservations(text, "snapshot");
  } catch (e) {
    expect(e).toBeInstanceOf(SnapshotError);
    expectTypedError(e);
    return;
  }
  expectWellFormed(rows);
}

/** A path into the small snapshot: a key at each level, chosen by numbers. */
function pathsOf(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(v)) return here.concat(...v.map((x, i) => pathsOf(x, [...path, i])));
  if (v && typeof v === "object")
    return here.concat(...Object.entries(v).map(([k, x]) => pathsOf(x, [...path, k])));
  return here;
}
const PATHS = pathsOf(SMALL).filter((p) => !(p[0] === "attribution" || p[0] === "releases") || p.length < 4);

/** A copy with the value at `path` replaced (or the key removed, for `undefined`). */
function replaced(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const [k, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<
    string | number,
    unknown
  >;
  if (value === undefined && !rest.length) delete copy[k];
  else copy[k] = replaced(copy[k], rest, value);
  return copy;
}

const odd = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(undefined, null, -1, 0.5, 3, 1e308, -0, "", "__proto__", [], {}, [0], [0, 1, 2], ["0", 1]),
);

describe("parseSnapshot fuzzed", () => {
  it("arbitrary JSON: a snapshot's rows or a SnapshotError", () => {
    fc.assert(fc.property(fc.json({ maxDepth: 4 }), check), runs(600, 22_101));
  });

  it("arbitrary JSON with a snapshot's format and version: rows or a SnapshotError naming the field", () => {
    const near = fc.dictionary(
      fc.constantFrom("created", "attribution", "releases", "areas", "metrics", "__proto__", "x"),
      fc.jsonValue({ maxDepth: 4 }),
    );
    fc.assert(
      fc.property(near, (rest) =>
        check(JSON.stringify({ format: "council-benchmarks-snapshot", version: 1, ...rest })),
      ),
      runs(600, 22_102),
    );
  });

  it("a real small snapshot with one value changed or removed: rows or a SnapshotError", () => {
    expect(snapshotObservations(parseSnapshot(JSON.stringify(SMALL)))).toHaveLength(12);
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), odd, (path, value) =>
        check(JSON.stringify(replaced(SMALL, path, value))),
      ),
      runs(1000, 22_103),
    );
  });

  it("a real small snapshot's text cut, or with one character changed: rows or a SnapshotError", () => {
    const text = JSON.stringify(SMALL);
    fc.assert(
      fc.property(fc.nat(text.length), fc.string({ maxLength: 2 }), fc.boolean(), (at, s, cut) =>
        check(cut ? text.slice(0, at) : text.slice(0, at) + s + text.slice(at + 1)),
      ),
      runs(600, 22_104),
    );
  });

  it("deeply nested JSON is refused, not a stack overflow", () => {
    check(`{"metrics":${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    check("[".repeat(1_000_000));
  });
});
