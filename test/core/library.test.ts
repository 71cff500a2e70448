// The Node library: `npm run build` emits src/core as ESM with types; plain Node imports it.
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.js";

// Inside the repository so the build's imports (d3-dsv) resolve as they would for a user.
const out = resolve(repoRoot, "node_modules/.cache/library-test");
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("Node library build", () => {
  it("compiles src/core to ESM with declarations that plain Node can import", () => {
    execFileSync(resolve(repoRoot, "node_modules/.bin/tsc"), ["-p", "tsconfig.lib.json", "--outDir", out], {
      cwd: repoRoot,
    });
    expect(existsSync(join(out, "index.d.ts"))).toBe(true);
    const script = `import("${join(out, "index.js")}").then((m) => console.log(JSON.stringify([m.median([3, 1, 2, 10]), m.mad([1, 2, 3, 4, 100]), m.madScores([1, 2, 3, null, 100]), m.band(-3.2, "lower")])))`;
    const printed = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
    // median of 1,2,3,10 is 2.5; MAD of 1..4,100 is 1; for 1,2,3,100 the median is 2.5 and the MAD 1.
    expect(JSON.parse(printed)).toEqual([2.5, 1, [-1.5, -0.5, 0.5, null, 97.5], "much-better"]);
  });
});
