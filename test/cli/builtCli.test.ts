// `npm run cli` as users run it: scripts/cli.mjs builds dist-cli/cli.mjs when needed and runs it. The
// built CLI finds the shipped data, writes what the in-memory path writes, and ends quietly when the
// reader of its output goes away (`cli score FILE | head`).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findMetric } from "../../src/core/catalogue/index.js";
import { scoreFile } from "../../src/cli/scoreFile.js";
import { repoRoot, sharedFile } from "../support/paths.js";

const cli = (...args: string[]) =>
  spawnSync("node", ["scripts/cli.mjs", ...args], { cwd: repoRoot, encoding: "utf8", maxBuffer: 1 << 26 });

describe("the built command line", () => {
  it("scores a LADE file to stdout and to --out as the in-memory path does", async () => {
    const file = sharedFile("oflog-lade-asc5-7.csv");
    const want = (await scoreFile(file, { knownPolarity: (m) => findMetric(m)?.polarity })).text;
    const r = cli("score", file);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(r.stdout === want).toBe(true);
    const out = join(mkdtempSync(join(tmpdir(), "built-cli-")), "scores.csv");
    expect(cli("score", file, "--out", out).status).toBe(0);
    expect(readFileSync(out, "utf8") === want).toBe(true);
  });

  it("reads the shipped data from the repository, not from dist-cli", () => {
    const r = cli("score", "--metric", "household-waste-recycling-rate", "--council", "West Suffolk");
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toMatch(/^metric,period,areacd,.*\nhousehold-waste-recycling-rate,.*,E07000245,/s);
  });

  it("ends quietly, exit 0, when `| head -1` stops reading", () => {
    // pipefail: the pipeline's status is the CLI's, not head's.
    for (const file of ["oflog-lade-asc5-7.csv", "waste/household-waste-recycling-rate.csv"]) {
      const r = spawnSync(
        "bash",
        ["-o", "pipefail", "-c", `node scripts/cli.mjs score "${sharedFile(file)}" | head -1`],
        { cwd: repoRoot, encoding: "utf8" },
      );
      expect([r.status, r.stdout, r.stderr]).toEqual([
        0,
        "metric,period,areacd,areanm,value,median,mad,mad_score,band,outlier,note\n",
        "",
      ]);
    }
  });

  it("`npm run cli` runs it, printing nothing but the command's output", () => {
    const out = execFileSync("npm", ["run", "--silent", "cli", "--", "--help"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(out).toMatch(/^Usage:\n {2}cli score FILE/);
  });
});
