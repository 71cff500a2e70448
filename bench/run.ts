// Every benchmark of docs/performance.md in one run, one after another (each in its own process, so one's
// garbage does not slow the next): statistics against simple-statistics and mathjs, the custom functions'
// caches, the first-paint bundle (built first when dist/ is missing), Excel writes on the fake host, and the
// CLI on a million-row file. Each prints its figures and a PASS or MISS line per target.
// Run: npm run bench
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const BENCHES = ["stats.ts", "functions.ts", "bundle.ts", "excel.ts", "cli.ts", "proxyLoad.ts"];

const run = (command: string, args: string[]) =>
  spawnSync(command, args, { cwd: root, stdio: "inherit" }).status ?? 1;

if (!existsSync(join(root, "dist/taskpane.html")) && run("npm", ["run", "--silent", "build"]) !== 0)
  throw new Error("The build failed, so the bundle cannot be measured");
let failed = 0;
for (const bench of BENCHES) {
  console.log(`\n== bench/${bench}`);
  // Statistics by CPU time: on a shared machine the wall clock moves their ratios with the load.
  const args = bench === "stats.ts" ? ["--cpu"] : [];
  if (run(process.execPath, ["--import", "tsx", join(root, "bench", bench), ...args]) !== 0) failed++;
}
if (failed) process.exitCode = 1;
