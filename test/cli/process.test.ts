// The command line as a user runs it: real process, stdout, stderr and exit codes.
import { execFileSync, spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { expectClose, LADE_FILES, ladeRows, PUBLISHED_SCORES, TOLERANCE } from "../support/lade.js";
import { repoRoot, sharedFile } from "../support/paths.js";

const tsx = resolve(repoRoot, "node_modules/.bin/tsx");
const cli = (...args: string[]) =>
  spawnSync(tsx, ["src/cli/main.ts", ...args], { cwd: repoRoot, encoding: "utf8" });

describe("cli process", () => {
  it.each(LADE_FILES)("scores the whole LADE file %s and agrees with the published columns", (file) => {
    const out = execFileSync(tsx, ["src/cli/main.ts", "score", sharedFile(file)], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    const ours = csvParse(out);
    const published = ladeRows(file);
    expect(ours).toHaveLength(published.length);
    let scores = 0;
    ours.forEach((r, i) => {
      const p = published[i];
      expect(r.areacd).toBe(p["Local authority code"]);
      if (p["MADs_from_median"] === "") {
        expect([r.mad_score, r.band]).toEqual(["", "missing"]);
      } else {
        expectClose(Number(r.mad_score), Number(p["MADs_from_median"]), TOLERANCE[file]);
        expectClose(Number(r.median), Number(p["MEDIAN"]), TOLERANCE[file]);
        scores++;
      }
    });
    expect(scores).toBe(PUBLISHED_SCORES[file]);
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
