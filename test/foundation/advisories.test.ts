// Known advisories of the runtime dependencies, checked against package-lock.json. `npm audit` cannot run
// here (the registry answers its advisory endpoints with 405), so docs/reliability.md lists the advisories
// published for each runtime package by hand, with the first fixed version; this test fails when the lock
// holds a version below it, e.g. after a downgrade or a new transitive copy.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { repoRoot } from "../support/paths.js";

interface LockEntry {
  version?: string;
  dev?: boolean;
}

/** Package → [advisory, first fixed version in each major line]. */
const ADVISORIES: Record<string, [string, string[]][]> = {
  uuid: [["GHSA-w5hq-g745-h8pq (v3/v5/v6 buffer bounds)", ["11.1.1", "12.0.1", "13.0.1", "14.0.0"]]],
  tmp: [["CVE-2025-54798 (symlink write)", ["0.2.4"]]],
  "brace-expansion": [
    [
      "CVE-2025-5889, CVE-2026-33750, CVE-2026-13149, CVE-2026-14257, CVE-2026-69152 (ReDoS / memory)",
      ["1.1.18", "2.1.3"],
    ],
  ],
  minimatch: [["CVE-2026-26996, CVE-2026-27903, CVE-2026-27904 (ReDoS)", ["3.1.4", "5.1.8"]]],
  fstream: [["CVE-2019-13173 (hard-link overwrite)", ["1.0.12"]]],
  jszip: [["CVE-2021-23413, CVE-2022-48285 (prototype pollution, zip slip)", ["3.8.0"]]],
  unzipper: [["CVE-2018-1002203 (zip slip)", ["0.8.13"]]],
  "fast-csv": [["CVE-2020-26256 (ReDoS)", ["4.3.6"]]],
  "@fast-csv/parse": [["CVE-2020-26256 (ReDoS)", ["4.3.6"]]],
  "@babel/runtime": [["CVE-2025-27789 (RegExp named groups)", ["7.26.10"]]],
};

function parse(version: string): number[] {
  return version.split(/[.+-]/).slice(0, 3).map(Number);
}

function atLeast(version: string, fixed: string): boolean {
  const [a, b] = [parse(version), parse(fixed)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

/** Fixed when the installed version is at or above the fix of its own major line (or of a later line). */
function isFixed(version: string, fixes: readonly string[]): boolean {
  const major = parse(version)[0];
  const line = fixes.find((f) => parse(f)[0] === major);
  if (line) return atLeast(version, line);
  return fixes.every((f) => parse(f)[0] < major);
}

const lock = JSON.parse(readFileSync(resolve(repoRoot, "package-lock.json"), "utf8")) as {
  packages: Record<string, LockEntry>;
};
const runtime = Object.entries(lock.packages)
  .filter(([path, entry]) => path !== "" && entry.dev !== true && entry.version)
  .map(([path, entry]) => ({ name: path.split("node_modules/").pop()!, version: entry.version!, path }));

describe("runtime dependencies and their known advisories", () => {
  it("reads the runtime tree from the lock (exceljs and react are in it, vitest is not)", () => {
    const names = new Set(runtime.map((p) => p.name));
    expect(names.has("exceljs") && names.has("react") && names.has("fflate")).toBe(true);
    expect(names.has("vitest")).toBe(false);
  });

  it("compares versions per major line", () => {
    expect(isFixed("8.3.2", ["11.1.1", "14.0.0"])).toBe(false);
    expect(isFixed("11.1.0", ["11.1.1"])).toBe(false);
    expect(isFixed("11.1.1", ["11.1.1"])).toBe(true);
    expect(isFixed("1.1.22", ["1.1.18", "2.1.3"])).toBe(true);
    expect(isFixed("2.1.2", ["1.1.18", "2.1.3"])).toBe(false);
    expect(isFixed("3.0.0", ["1.1.18", "2.1.3"])).toBe(true);
  });

  it("holds no runtime package below the fix of an advisory published for it", () => {
    const vulnerable = runtime.flatMap((p) =>
      (ADVISORIES[p.name] ?? [])
        .filter(([, fixes]) => !isFixed(p.version, fixes))
        .map(([advisory]) => `${p.path} ${p.version}: ${advisory}`),
    );
    expect(vulnerable).toEqual([]);
  });
});
