// `cli score FILE` on a 1,000,000-row LADE file, run as users run it (the built CLI, a child process,
// stdout to a file), against the targets of under 3 s and under 400 MB; and the CLI's start-up, built and
// through tsx. Run: npx tsx bench/cli.ts [--rows N] [--runs N] [--compare] [--keep]
//   --compare  also times today's in-memory scoring (scoreFile, through tsx) and checks the bytes agree
import { execFileSync, spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeLadeFile } from "./ladeFile.js";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("rows", 1_000_000);
const RUNS = arg("runs", 3);
const TARGET = { seconds: 3, mb: 400 };
const TIME = "/usr/bin/time";

interface Run {
  seconds: number;
  /** User + system CPU time: what the run costs however busy the machine is. */
  cpu: number;
  mb: number;
  status: number | null;
  stderr: string;
}

/**
 * Runs a command with stdout to `outFile`; wall time, CPU time and peak resident memory (/usr/bin/time -v, or
 * where it is missing from the child's own process.resourceUsage() at exit).
 */
function measure(command: string, args: string[], outFile: string, dir: string): Promise<Run> {
  const rssFile = join(dir, "maxrss");
  rmSync(rssFile, { force: true });
  const useTime = existsSync(TIME);
  const preload = join(dir, "maxrss.mjs");
  if (!useTime)
    writeFileSync(
      preload,
      `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => { const u = process.resourceUsage(); ` +
        `writeFileSync(${JSON.stringify(rssFile)}, \`\${u.maxRSS} \${(u.userCPUTime + u.systemCPUTime) / 1e6}\`); });\n`,
    );
  const [cmd, argv] = useTime
    ? [TIME, ["-v", command, ...args]]
    : [command, command === "node" ? ["--import", preload, ...args] : args];
  const out = openSync(outFile, "w");
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(cmd, argv, { cwd: root, stdio: ["ignore", out, "pipe"] });
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", fail);
    child.on("close", (status) => {
      const seconds = (performance.now() - started) / 1000;
      closeSync(out);
      const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(stderr)?.[1] ?? NaN);
      const [kb, cpu] = useTime
        ? [
            field("Maximum resident set size \\(kbytes\\)"),
            field("User time \\(seconds\\)") + field("System time \\(seconds\\)"),
          ]
        : (existsSync(rssFile) ? readFileSync(rssFile, "utf8") : "NaN NaN").split(" ").map(Number);
      if (useTime) stderr = stderr.slice(0, stderr.search(/\s*Command (being timed|exited)/));
      done({ seconds, cpu, mb: kb / 1024, status, stderr });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const mb = (x: number) => `${x.toFixed(0)} MB`;
const s = (x: number) => `${x.toFixed(2)} s`;
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

function startup(label: string, command: string, args: string[], runs = 5): string {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    execFileSync(command, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    times.push((performance.now() - t) / 1000);
  }
  return `  ${label.padEnd(34)} ${s(median(times))}  (median of ${runs})`;
}

const dir = mkdtempSync(join(tmpdir(), "cli-bench-"));
try {
  const file = join(dir, "lade.csv");
  let t = performance.now();
  const made = await writeLadeFile(file, ROWS, join(root, "data/councils.json"));
  console.log(
    `LADE file: ${ROWS.toLocaleString("en-GB")} rows, ${made.metrics} metrics × ${made.periods} periods, ` +
      `${made.areas} councils, ${(made.bytes / 1e6).toFixed(0)} MB (written in ${s((performance.now() - t) / 1000)})`,
  );
  t = performance.now();
  execFileSync("node", ["scripts/cli.mjs", "--build"], { cwd: root, stdio: "inherit" });
  console.log(`built dist-cli/cli.mjs in ${s((performance.now() - t) / 1000)}`);
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on this machine\n`,
  );

  const outFile = join(dir, "scores.csv");
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await measure("node", ["dist-cli/cli.mjs", "score", file], outFile, dir);
    if (r.status !== 0) throw new Error(`cli score failed (exit ${r.status}): ${r.stderr}`);
    runs.push(r);
    console.log(`  run ${i + 1}: ${s(r.seconds)} (cpu ${s(r.cpu)}), peak ${mb(r.mb)}`);
  }
  const lines = readFileSync(outFile, "latin1").split("\n").length - 2; // header, final line break
  const wall = median(runs.map((r) => r.seconds));
  const peak = Math.max(...runs.map((r) => r.mb));
  console.log(`\ncli score (built), ${lines.toLocaleString("en-GB")} rows out, median of ${RUNS}:`);
  console.log(
    `  wall time   ${s(wall).padEnd(10)} ${verdict(wall < TARGET.seconds)} (< ${TARGET.seconds} s)`,
  );
  console.log(`  rows/s      ${Math.round(ROWS / wall).toLocaleString("en-GB")}`);
  console.log(
    `  cpu time    ${s(median(runs.map((r) => r.cpu)))} (user + system; wall time grows with the load)`,
  );
  console.log(`  peak memory ${mb(peak).padEnd(10)} ${verdict(peak < TARGET.mb)} (< ${TARGET.mb} MB)`);

  if (process.argv.includes("--compare")) {
    const script = join(dir, "inMemory.mts");
    writeFileSync(
      script,
      `import { scoreFile } from ${JSON.stringify(join(root, "src/cli/scoreFile.ts"))};\n` +
        `import { findMetric } from ${JSON.stringify(join(root, "src/core/catalogue/index.ts"))};\n` +
        `const { text } = await scoreFile(process.argv[2], { knownPolarity: (m) => findMetric(m)?.polarity });\n` +
        `process.stdout.write(text);\n`,
    );
    const oldFile = join(dir, "scores-in-memory.csv");
    const r = await measure(join(root, "node_modules/.bin/tsx"), [script, file], oldFile, dir);
    const same = readFileSync(oldFile).equals(readFileSync(outFile));
    console.log(
      `\nin-memory scoreFile (today's path, through tsx): ${s(r.seconds)} (cpu ${s(r.cpu)}), peak ${mb(r.mb)}`,
    );
    console.log(`  output byte for byte the same as streamed: ${same ? "yes" : "NO"}`);
  }

  console.log("\nstart-up, cli --help:");
  console.log(startup("built (node dist-cli/cli.mjs)", "node", ["dist-cli/cli.mjs", "--help"]));
  console.log(startup("npm run cli (launcher, built)", "npm", ["run", "--silent", "cli", "--", "--help"]));
  console.log(
    startup("tsx (tsx src/cli/main.ts)", join(root, "node_modules/.bin/tsx"), ["src/cli/main.ts", "--help"]),
  );
} finally {
  if (process.argv.includes("--keep")) console.log(`\nfiles kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
