// Builds the add-in once (production, deployment base URL set) into a temp folder and checks what Office
// would load: functions.js must run with nothing but the Office and CustomFunctions globals.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import vm from "node:vm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BASE_URL = "https://example.org/addin/";
const BUILD_TIMEOUT_MS = 240_000;

let out: string;
let buildError: Error | undefined;
const read = (file: string) => readFileSync(join(out, file), "utf8");

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "council-benchmarks-build-"));
  const webpackCli = join(root, "node_modules/webpack/bin/webpack.js");
  try {
    await promisify(execFile)(process.execPath, [webpackCli, "--mode", "production"], {
      cwd: root,
      env: { ...process.env, BUILD_OUT: out, ADDIN_BASE_URL: BASE_URL },
      maxBuffer: 64 * 1024 * 1024,
      timeout: BUILD_TIMEOUT_MS,
    });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    buildError = new Error(`webpack build failed:\n${stdout ?? ""}\n${stderr ?? ""}`);
  }
}, BUILD_TIMEOUT_MS + 10_000);

// Fail each test (rather than skip them all, as a throwing beforeAll would) so a broken build is counted.
beforeEach(() => {
  if (buildError) throw buildError;
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

/** Runs a bundle in a fresh context whose only globals (beyond JS built-ins) are `globals`. */
async function runIsolated(file: string, globals: Record<string, unknown>): Promise<void> {
  const context = vm.createContext({ ...globals });
  vm.runInContext(read(file), context, { filename: file });
  // Let Office.onReady callbacks and other promise continuations run.
  await new Promise((r) => setTimeout(r, 0));
}

describe("production bundle", () => {
  it("emits the files the manifest and the pages refer to", () => {
    for (const file of [
      "manifest.xml",
      "taskpane.html",
      "preview.html",
      "functions.js",
      "functions.json",
      "commands.js",
      "taskpane.js",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
    ]) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
  });

  it("rewrites every manifest URL to ADDIN_BASE_URL", () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest).toContain(`${BASE_URL}functions.json`);
  });

  it("loads office.js then functions, commands and taskpane in taskpane.html; only the pane in preview.html", () => {
    const scripts = (html: string) => [...html.matchAll(/<script[^>]*\ssrc="?([^\s">]+)/g)].map((m) => m[1]);
    expect(scripts(read("taskpane.html"))).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "commands.js",
      "taskpane.js",
    ]);
    expect(scripts(read("preview.html"))).toEqual(["taskpane.js"]);
  });

  it("registers every function in functions.json when functions.js runs without a DOM", async () => {
    const ids: string[] = (JSON.parse(read("functions.json")).functions as Array<{ id: string }>).map(
      (f) => f.id,
    );
    const associated = new Map<string, unknown>();
    const CustomFunctions = {
      associate: (id: string, fn: unknown) => {
        associated.set(id, fn);
      },
    };
    const Office = { onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }) };
    await runIsolated("functions.js", { Office, CustomFunctions });
    expect([...associated.keys()].sort()).toEqual([...ids].sort());
    for (const [id, fn] of associated) expect(typeof fn, id).toBe("function");
  });

  it("associates refreshAll in commands.js and always completes the event", async () => {
    const actions = new Map<string, (event: { completed(): void }) => Promise<void>>();
    const Office = {
      onReady: (cb?: () => void) => Promise.resolve(cb?.()),
      actions: {
        associate: (name: string, fn: (event: { completed(): void }) => Promise<void>) =>
          actions.set(name, fn),
      },
    };
    await runIsolated("commands.js", { Office });
    const handler = actions.get("refreshAll");
    expect(handler).toBeTypeOf("function");
    let completed = 0;
    await handler?.({ completed: () => completed++ });
    expect(completed).toBe(1);
  });

  it("loads commands.js without throwing where Office is absent", async () => {
    await expect(runIsolated("commands.js", {})).resolves.toBeUndefined();
  });
});
