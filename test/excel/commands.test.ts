// The ribbon's Refresh all button, as Office calls it through Office.actions.associate.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { addinWorkbook } from "../../src/excel/addin.js";
import { resetShippedBenchmarks } from "../../src/sources/shipped.js";
import { installFakeOffice, uninstallFakeOffice, type FakeExcelHost } from "../fakes/fakeExcel.js";
import { addinFetch } from "./harness.js";

let excel: FakeExcelHost;

beforeEach(() => {
  excel = installFakeOffice(globalThis);
  vi.stubGlobal("location", new URL("https://addin.test/taskpane.html"));
  vi.stubGlobal("fetch", addinFetch());
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("council-benchmarks.addin")];
  resetShippedBenchmarks();
  vi.resetModules();
});
afterEach(() => {
  vi.unstubAllGlobals();
  uninstallFakeOffice(globalThis);
});

/** Loads commands.ts as taskpane.html does and returns the handler it registered for the button. */
async function pressRefreshAll(): Promise<{ completed: ReturnType<typeof vi.fn> }> {
  await import("../../src/commands/commands.js");
  await Promise.resolve();
  const handler = excel.actions.get("refreshAll");
  expect(handler).toBeTypeOf("function");
  const event = { completed: vi.fn() };
  await handler!(event);
  return event;
}

describe("Refresh all (ribbon)", () => {
  it("refreshes every benchmark table and tells Office it has finished", async () => {
    const { table, sheet } = await addinWorkbook().insertTable({ metric: "ASC1", period: "latest" });
    const first = excel
      .table(table)!
      .address.replace(/!A(\d+):J\d+$/, (_m, r: string) => `!D${Number(r) + 1}`);
    const published = excel.values(first)[0][0];
    excel.enter(first, [[-1]]);

    const event = await pressRefreshAll();

    expect(event.completed).toHaveBeenCalledOnce();
    expect(excel.values(first)[0][0]).toBe(published);
    expect(sheet).toBe("ASC1");
  });

  it("tells Office it has finished even when the data cannot be loaded", async () => {
    vi.stubGlobal("fetch", async () => new Response("down", { status: 404 }));
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const event = await pressRefreshAll();
    expect(event.completed).toHaveBeenCalledOnce();
    expect(errors).toHaveBeenCalledWith("Refresh all failed:", expect.stringMatching(/404/));
  });
});
