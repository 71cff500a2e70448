// The shared runtime in Chromium with the fake Office host: functions.js registers every function in
// functions.json, and BENCH.* answer from the data served beside the page (never from the bundle).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2E, type E2E, type OpenedPage } from "./support/harness.js";
import { e2eDist, repoRoot } from "./support/paths.js";

let env: E2E;
let pane: OpenedPage;

beforeAll(async () => {
  env = await startE2E();
  pane = await env.open("taskpane.html");
  // The functions register when functions.js runs, which is before the load event.
  await pane.page.waitForFunction(() => (window.__fakeOffice?.functions.size ?? 0) > 0, null, {
    timeout: 15_000,
  });
});

afterAll(async () => {
  await env?.close();
});

/** Calls an associated function in the page; error values come back as { error: code, message }. */
function call(id: string, ...args: unknown[]): Promise<unknown> {
  return pane.page.evaluate(
    async ({ id, args }) => {
      const office = window.__fakeOffice!;
      const fn = office.functions.get(id);
      if (!fn) throw new Error(`${id} is not associated`);
      // What Excel passes as the last argument of a @cancelable function.
      const invocation = { address: "Sheet1!B2", functionName: id, onCanceled: undefined };
      const result = await fn(...args.map((a) => (a === "<invocation>" ? invocation : a)));
      if (result instanceof CustomFunctions.Error) {
        return { error: result.code, message: result.message, isCustomFunctionsError: true };
      }
      return result;
    },
    { id, args },
  );
}

describe("custom functions in the shared runtime", () => {
  it("associates every function in functions.json, each once, and nothing else", async () => {
    const metadata = JSON.parse(readFileSync(join(e2eDist, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    };
    const expected = metadata.functions.map((f) => f.id).sort();
    expect(expected).toContain("METRIC");
    const associations = await pane.page.evaluate(() => window.__fakeOffice!.associations);
    expect([...associations].sort()).toEqual(expected);
    expect(pane.errors).toEqual([]);
  });

  it("BENCH.METRIC answers West Suffolk's 2023-24 recycling rate from data/default-snapshot.json", async () => {
    const value = await call(
      "METRIC",
      "West Suffolk",
      "household-waste-recycling-rate",
      "2023-24",
      null,
      "<invocation>",
    );
    expect(value).toBe(37.1);
    // Loaded from beside the page (on first use, or already by the task pane in the same runtime).
    expect(pane.requests).toContain(`${env.baseUrl}/data/default-snapshot.json`);
    expect(
      await call("METRIC", "E07000245", "household-waste-recycling-rate", "2023-24", "value", null),
    ).toBe(37.1);
    expect(pane.blocked).toEqual([]);
  });

  it("ships the data as a file, not inside any bundle", () => {
    const text = readFileSync(join(repoRoot, "data/default-snapshot.json"), "utf8");
    const { metrics } = JSON.parse(text) as { metrics: Record<string, Record<string, unknown[]>> };
    // Runs of numbers from the snapshot's value arrays: no quotes, so they read the same in any JS string
    // (a bundled JSON module, a string literal or a minified object).
    const probes = ["household-waste-recycling-rate", "ASC1", "non-major-planning-decisions-in-time"].map(
      (id) => {
        const periods = Object.values(metrics[id] ?? {});
        expect(periods.length, id).toBeGreaterThan(0);
        return JSON.stringify(periods.at(-1)).slice(1, 161);
      },
    );
    for (const probe of probes) {
      expect(probe).toMatch(/^[\d.,null-]{160}$/);
      expect(text).toContain(probe);
    }
    // Every script of the build, the preview's chunks (in preview/) too.
    const bundles = readdirSync(e2eDist, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".js"),
    );
    expect(bundles).toEqual(expect.arrayContaining(["functions.js", "taskpane.js", "preview.js"]));
    for (const file of bundles) {
      const bundle = readFileSync(join(e2eDist, file), "utf8");
      for (const probe of probes)
        expect(bundle.includes(probe), `${file} contains snapshot data`).toBe(false);
    }
  });

  it("BENCH.MADSCORE scores a value against a 2-D range, ignoring text and blanks", async () => {
    // Numbers 1, 2, 3, 4, 100: median 3, MAD 1, so 5 scores (5 - 3) / 1 = 2.
    expect(
      await call("MADSCORE", 5, [
        [1, 2, "text"],
        [3, 4, 100],
        ["", null, true],
      ]),
    ).toBe(2);
    expect(await call("MADSCORE", 5, [[7], [7], [7]])).toMatchObject({ error: "#DIV/0!" });
  });

  it("BENCH.MAD reads a blank cell a build passes as 0 as blank, asking the sheet (the bundled path)", async () => {
    // A1:A6 holds 10, 20, blank, 0, 40, blank: numbers 10, 20, 0, 40, median 15, MAD 10 (5 with the
    // blanks counted as zeros).
    const mad = await pane.page.evaluate(async () => {
      await Excel.run(async (context) => {
        const cells = [[10], [20], [""], [0], [40], [""]];
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A6").values = cells;
        await context.sync();
      });
      const fn = window.__fakeOffice!.functions.get("MAD")!;
      return fn([[10], [20], [0], [0], [40], [0]], null, { parameterAddresses: ["Sheet1!A1:A6", ""] });
    });
    expect(mad).toBe(10);
  });

  it("an unknown council is #N/A with a message, as a CustomFunctions.Error", async () => {
    const result = await call(
      "METRIC",
      "Nowhere Borough Council",
      "household-waste-recycling-rate",
      "2023-24",
    );
    expect(result).toMatchObject({ error: "#N/A", isCustomFunctionsError: true });
    expect((result as { message?: string }).message).toMatch(/Nowhere Borough Council/);
  });
});
