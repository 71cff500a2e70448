// Builds the add-in once (production, deployment base URL set) into a temp folder and checks what Office
// would load: functions.js (custom functions and ribbon commands) must run with nothing but the Office and
// CustomFunctions globals.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT_MS, productionBuild, scriptSources, type ProductionBuild } from "./build.js";

const BASE_URL = "https://example.org/addin/";

let build: ProductionBuild | undefined;
const read = (file: string) => readFileSync(join(build!.out, file), "utf8");

beforeAll(async () => {
  build = await productionBuild({ ADDIN_BASE_URL: BASE_URL });
}, BUILD_TIMEOUT_MS + 10_000);

// Fail each test (rather than skip them all, as a throwing beforeAll would) so a broken build is counted.
beforeEach(() => {
  if (build?.error) throw build.error;
});

afterAll(() => build?.remove());

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
      "taskpane.js",
      "preview.js",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
    ]) {
      expect(existsSync(join(build!.out, file)), file).toBe(true);
    }
  });

  it("rewrites every manifest URL to ADDIN_BASE_URL", () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest).toContain(`${BASE_URL}functions.json`);
  });

  it("loads office.js, then functions (with the commands), then the pane in taskpane.html; only the pane in preview.html", () => {
    expect(scriptSources(read("taskpane.html"))).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "taskpane.js",
    ]);
    // preview.js is the pane on its own: taskpane.js needs functions.js (its webpack runtime) loaded first.
    expect(scriptSources(read("preview.html"))).toEqual(["preview.js"]);
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
    // Excel's JavaScript-only custom functions runtime has no ribbon (no Office.actions).
    const Office = {
      onReady: (cb?: () => void) =>
        Promise.resolve(cb?.()).then(() => ({ host: "Excel", platform: "OfficeOnline" })),
    };
    await runIsolated("functions.js", { Office, CustomFunctions });
    expect([...associated.keys()].sort()).toEqual([...ids].sort());
    for (const [id, fn] of associated) expect(typeof fn, id).toBe("function");
  });

  it("associates refreshAll in functions.js and always completes the event", async () => {
    const actions = new Map<string, (event: { completed(): void }) => Promise<void>>();
    const Office = {
      onReady: (cb?: () => void) => Promise.resolve(cb?.()),
      actions: {
        associate: (name: string, fn: (event: { completed(): void }) => Promise<void>) =>
          actions.set(name, fn),
      },
    };
    await runIsolated("functions.js", { Office });
    const handler = actions.get("refreshAll");
    expect(handler).toBeTypeOf("function");
    let completed = 0;
    await handler?.({ completed: () => completed++ });
    expect(completed).toBe(1);
  });

  it("loads functions.js without throwing where neither Office nor CustomFunctions exists", async () => {
    await expect(runIsolated("functions.js", {})).resolves.toBeUndefined();
  });
});
