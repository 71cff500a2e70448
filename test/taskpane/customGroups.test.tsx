// @vitest-environment jsdom
// The pane's custom comparator groups, inside Excel (the fake host): made, listed and offered as groups.
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BenchmarkWorkbook } from "../../src/excel/workbook.js";
import { resetShippedBenchmarks } from "../../src/sources/shipped.js";
import { App } from "../../src/taskpane/App.js";
import { installFakeOffice, uninstallFakeOffice, type FakeExcelHost } from "../fakes/fakeExcel.js";
import { openSession, typeGroupRows } from "../excel/harness.js";
import { repoDataFetch } from "../excel/shipped.js";

const RECYCLING = "household-waste-recycling-rate";
let excel: FakeExcelHost;
let workbook: BenchmarkWorkbook;

beforeEach(() => {
  vi.stubGlobal("fetch", repoDataFetch);
  resetShippedBenchmarks();
  excel = installFakeOffice(globalThis);
  workbook = new BenchmarkWorkbook(() => openSession());
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  uninstallFakeOffice(globalThis);
});

const renderPane = () =>
  render(<App host="Excel" services={{ session: () => workbook.data(), workbook: async () => workbook }} />);
const panel = () => screen.getByRole("group", { name: "Custom comparator groups" });
const groupSelect = () => screen.getByRole("combobox", { name: /Comparator group/ }) as HTMLSelectElement;

describe("custom comparator groups in the task pane", () => {
  it("adds the ComparatorGroups table when the workbook has none", async () => {
    renderPane();
    fireEvent.click(await screen.findByRole("button", { name: "Create the ComparatorGroups table" }));
    expect(
      await screen.findByText(/Added the ComparatorGroups table on sheet Comparator groups/),
    ).toBeTruthy();
    expect(excel.tableNames()).toEqual(["ComparatorGroups"]);
    expect(await within(panel()).findByText("No groups yet: add rows to the table.")).toBeTruthy();
    expect(within(panel()).queryByRole("button")).toBeNull();
  });

  it("lists the workbook's groups, reads them again on focus and offers them as comparator groups", async () => {
    await workbook.createCustomGroupsTable();
    typeGroupRows(excel, [
      ["Suffolk", "Ipswich"],
      ["Suffolk", "East Suffolk"],
    ]);
    renderPane();
    expect(await within(panel()).findByText("Suffolk (2 councils)")).toBeTruthy();

    typeGroupRows(excel, [
      ["Suffolk", "Ipswich"],
      ["Suffolk", "East Suffolk"],
      ["Norfolk", "Norwich"],
    ]);
    fireEvent.focus(window);
    expect(await within(panel()).findByText("Norfolk (1 council)")).toBeTruthy();
    const offered = [...groupSelect().querySelectorAll("optgroup option")].map((o) => o.textContent);
    expect(offered).toEqual(["Suffolk", "Norfolk"]);
  });

  it("inserts a table compared within a custom group", async () => {
    await workbook.createCustomGroupsTable();
    typeGroupRows(excel, [["Suffolk", "Ipswich"]]);
    renderPane();
    await within(panel()).findByText("Suffolk (1 council)");

    fireEvent.change(screen.getByRole("combobox", { name: "Metric" }), { target: { value: RECYCLING } });
    await waitFor(() => expect(screen.getByRole("option", { name: "Latest (2023-24)" })).toBeTruthy());
    fireEvent.change(groupSelect(), { target: { value: "Suffolk" } });
    const council = screen.getByRole("combobox", { name: /^Council/ });
    fireEvent.click(council); // opens the list
    fireEvent.change(council, { target: { value: "West Suff" } });
    fireEvent.click(await screen.findByRole("option", { name: "West Suffolk Council" }));
    fireEvent.click(screen.getByRole("button", { name: "Insert table" }));

    expect(await screen.findByText(/Inserted table Bench_household_waste_recycling_rate/)).toBeTruthy();
    expect(excel.values(`'${RECYCLING}'!A1:A1`)[0][0]).toMatch(/compared within Suffolk$/);
    // The tables list names the group's council, not its code.
    expect(await screen.findByText(/"Suffolk" group of West Suffolk$/)).toBeTruthy();
  });
});
