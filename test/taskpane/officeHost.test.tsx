// @vitest-environment jsdom
// Office as it really behaves: Office.onReady may take minutes in a shared runtime on the web (office-js
// #6946), so the pane waits, says so, offers the preview, and opens on the workbook once ready; an Excel
// without ExcelApi 1.13 is told so; and functions are recalculated when their data change.
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BenchmarkWorkbook } from "../../src/excel/workbook.js";
import { Startup } from "../../src/taskpane/Startup.js";
import { installFakeOffice } from "../fakes/fakeExcel.js";
import { openSession } from "../excel/harness.js";
import { freshPaneEachTest } from "./freshPane.js";

freshPaneEachTest();

/** An Office.onReady that answers only when the test says. */
function slowOffice() {
  let answer!: (info: { host: string }) => void;
  const ready = new Promise<{ host: string }>((ok) => (answer = ok));
  return { onReady: () => ready, answer };
}

const workbookServices = () => {
  const workbook = new BenchmarkWorkbook(() => openSession());
  return (host: string | null) =>
    host ? { session: () => workbook.data(), workbook: async () => workbook } : undefined;
};

describe("starting the pane", () => {
  it("without office.js opens the preview at once", () => {
    render(<Startup />);
    expect(screen.getByText("Preview: not running inside Excel")).toBeTruthy();
  });

  it("waits for a slow Office, says so, and opens on the workbook when Excel is ready minutes later", async () => {
    installFakeOffice(globalThis);
    const office = slowOffice();
    render(<Startup onReady={office.onReady} slowAfterMs={30} services={workbookServices()} />);
    expect(screen.getByRole("status").textContent).toBe("Connecting to Excel…");
    expect(await screen.findByText(/Still waiting for Excel to start the add-in/)).toBeTruthy();
    // Long past the old 3-second fallback it is still waiting, not a preview for good.
    await new Promise((ok) => setTimeout(ok, 100));
    expect(screen.queryByText("Preview: not running inside Excel")).toBeNull();
    office.answer({ host: "Excel" });
    expect(await screen.findByText("Connected to Excel")).toBeTruthy();
    expect(screen.queryByText(/Still waiting/)).toBeNull();
  });

  it("offers the preview while it waits, and still becomes the workbook's pane when Excel is ready", async () => {
    installFakeOffice(globalThis);
    const office = slowOffice();
    render(<Startup onReady={office.onReady} slowAfterMs={30} services={workbookServices()} />);
    fireEvent.click(await screen.findByRole("button", { name: /Look at benchmarks meanwhile/ }));
    expect(screen.getByText("Preview: not running inside Excel")).toBeTruthy();
    expect(screen.getByText(/Still waiting for Excel/)).toBeTruthy();
    office.answer({ host: "Excel" });
    expect(await screen.findByText("Connected to Excel")).toBeTruthy();
    expect(screen.queryByText("Preview: not running inside Excel")).toBeNull();
  });

  it("opens the preview when office.js answers with no host (a plain browser)", async () => {
    render(<Startup onReady={async () => ({ host: null })} />);
    expect(await screen.findByText("Preview: not running inside Excel")).toBeTruthy();
  });

  it("on an Excel without ExcelApi 1.13 says tables cannot be written, instead of failing at refresh", async () => {
    const excel = installFakeOffice(globalThis);
    excel.requirementSets.ExcelApi = "1.12";
    render(<Startup onReady={async () => ({ host: "Excel" })} services={workbookServices()} />);
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /This version of Excel cannot insert or refresh benchmark tables: they need ExcelApi 1\.13/,
    );
    expect(screen.queryByText("Connected to Excel")).toBeNull();
  });
});

describe("writing tables on an Excel without ExcelApi 1.13", () => {
  it("refuses an insert and a refresh at once with the reason, changing nothing", async () => {
    const excel = installFakeOffice(globalThis);
    excel.requirementSets.ExcelApi = "1.12";
    const workbook = new BenchmarkWorkbook(() => openSession());
    const spec = { metric: "household-waste-recycling-rate", period: "latest" };
    await expect(workbook.insertTable(spec)).rejects.toThrow(/need ExcelApi 1\.13/);
    await expect(workbook.refreshAll()).rejects.toThrow(/need ExcelApi 1\.13/);
    expect(excel.tableNames()).toEqual([]);
    expect(excel.syncs).toBe(0);
  });

  it("the fake host, like Excel, has no Table.resize below ExcelApi 1.13", async () => {
    const excel = installFakeOffice(globalThis);
    const workbook = new BenchmarkWorkbook(() => openSession());
    const { table: name } = await workbook.insertTable({
      metric: "household-waste-recycling-rate",
      period: "latest",
    });
    excel.requirementSets.ExcelApi = "1.12";
    await expect(
      Excel.run(async (context) => {
        const table = context.workbook.tables.getItem(name);
        table.resize("A1:B3");
        await context.sync();
      }),
    ).rejects.toThrow(/Table.resize needs ExcelApi 1.13/);
  });
});

describe("recalculating the functions", () => {
  it("a refresh that wrote tables ends with a full calculation, so METRIC and the rest are not stale", async () => {
    const excel = installFakeOffice(globalThis);
    const workbook = new BenchmarkWorkbook(() => openSession());
    await workbook.insertTable({ metric: "household-waste-recycling-rate", period: "latest" });
    expect(excel.calculations).toEqual([]);
    await workbook.refreshAll();
    expect(excel.calculations).toEqual(["Full"]);
  });

  it("the pane's Recalculate functions runs one, for edits of ComparatorGroups or Evidence", async () => {
    const excel = installFakeOffice(globalThis);
    render(<Startup onReady={async () => ({ host: "Excel" })} services={workbookServices()} />);
    fireEvent.click(await screen.findByRole("button", { name: "Recalculate functions" }));
    expect(await screen.findByText(/Recalculated every formula/)).toBeTruthy();
    expect(excel.calculations).toEqual(["Full"]);
  });
});

describe("a table left partly written", () => {
  it("is offered for Restore in the pane, and Restore puts every cell back", async () => {
    const excel = installFakeOffice(globalThis);
    const workbook = new BenchmarkWorkbook(() => openSession());
    const { table } = await workbook.insertTable({
      metric: "household-waste-recycling-rate",
      period: "latest",
    });
    const before = excel.snapshot();
    // The refresh's write fails part-way, and so does putting the table back.
    excel.failSync({ match: (op) => op === "Range.values=", afterOperations: 20 });
    excel.failSync({ match: (op) => op === "Range.formulas=" });
    const report = await workbook.refreshAll();
    expect(report.failed.map((f) => f.table)).toEqual([table]);
    expect(excel.snapshot()).not.toEqual(before);

    render(
      <Startup
        onReady={async () => ({ host: "Excel" })}
        services={() => ({ session: () => workbook.data(), workbook: async () => workbook })}
      />,
    );
    expect(await screen.findByText("Partly written after a failed refresh")).toBeTruthy();
    expect(screen.getAllByText(new RegExp(`${table} on sheet`)).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole("button", { name: "Restore" }));
    expect(await screen.findByText(new RegExp(`Restored ${table} as it was`))).toBeTruthy();
    expect(screen.queryByText("Partly written after a failed refresh")).toBeNull();
    const after = excel.snapshot();
    expect({ sheets: after.sheets, tables: after.tables }).toEqual({
      sheets: before.sheets,
      tables: before.tables,
    });
  });
});
