// `npm run server` as a real process: a bad PORT or a port already taken is one plain line, exit code 1.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.js";

function runServer(env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(resolve(repoRoot, "node_modules/.bin/tsx"), ["server/main.ts"], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", fail);
    child.on("close", (status) => done({ status, stderr }));
    setTimeout(() => child.kill(), 20_000); // a server that started is killed: status null fails the test
  });
}

const oneLine = (stderr: string) => stderr.trimEnd().split("\n");

describe("starting the server", () => {
  it.each(["web", "70000", "-1", "3.5"])("PORT=%s is one line and exit code 1", async (port) => {
    const { status, stderr } = await runServer({ PORT: port });
    expect(status).toBe(1);
    expect(oneLine(stderr)).toEqual([`council-benchmarks server: PORT must be a port number, not ${port}`]);
  });

  it("a port in use is one line naming it, and exit code 1", async () => {
    const taken = createServer();
    await new Promise<void>((ok) => taken.listen(0, "127.0.0.1", ok));
    const port = (taken.address() as { port: number }).port;
    try {
      const { status, stderr } = await runServer({ PORT: String(port), HOST: "127.0.0.1" });
      expect(status).toBe(1);
      expect(oneLine(stderr)).toEqual([
        `council-benchmarks server: port ${port} on 127.0.0.1 is in use: stop what uses it, or set PORT`,
      ]);
    } finally {
      taken.close();
    }
  });
});
