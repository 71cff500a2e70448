// The command line as a real process, run asynchronously so a test's own http server can answer it
// (spawnSync would block the event loop the server runs on).
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { repoRoot } from "../support/paths.js";

const tsx = resolve(repoRoot, "node_modules/.bin/tsx");

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(tsx, ["src/cli/main.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", fail);
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}
