// @vitest-environment jsdom
// The task pane on the preview page (no Excel) and inside Excel (the fake host).
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BenchmarkWorkbook } from "../../src/excel/workbook.js";
import { App } from "../../src/taskpane/App.js";
import { DOMAINS } from "../../src/taskpane/labels.js";
import { installFakeOffice, uninstallFakeOffice } from "../fakes/fakeExcel.js";
import { openSession } from "../excel/harness.js";
import { freshPaneEachTest } from "./freshPane.js";

const RECYCLING = "household-waste-recycling-rate";

freshPaneEachTest();

const metricSelect = () => screen.getByRole("combobox", { name: "Metric" }) as HTMLSelectElement;

describe("task pane (preview page)", () => {
  it("renders its sections and says the scores are not official", () => {
    render(<App host={null} />);
    expect(screen.getByRole("heading", { name: "Council Benchmarks" })).toBeTruthy();
    expect(screen.getByText("Preview: not running inside Excel")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Insert a benchmark table" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Data" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Tables in this workbook" })).toBeNull();
    expect(screen.getByText(/not official Oflog output/)).toBeTruthy();
  });

  it("lists metrics under all six domains", () => {
    render(<App host={null} />);
    const groups = [...metricSelect().querySelectorAll("optgroup")];
    expect(groups.map((g) => g.label)).toEqual(DOMAINS.map((d) => d.label));
    for (const g of groups) expect(g.querySelectorAll("option").length).toBeGreaterThan(0);
  });

  it("shows metrics without data as unavailable, with the reason, and never offers to insert them", async () => {
    render(<App host={null} />);
    const option = (name: RegExp) => screen.getByRole("option", { name }) as HTMLOptionElement;
    const councilTax = option(/Percentage of council tax collected in the year/);
    expect(councilTax.disabled).toBe(true);
    expect(councilTax.textContent).toMatch(/\(no data\)$/);
    expect(option(/Workforce turnover rate/).disabled).toBe(false); // ASC7 ships now
    expect(screen.getByText(/^Not available \(no data: no published all-council file/).textContent).toMatch(
      /Percentage of council tax collected in the year/,
    );
    // A disabled option cannot be chosen; had it been, Insert stays disabled rather than failing.
    fireEvent.change(metricSelect(), { target: { value: "council-tax-collection-rate" } });
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Insert table" })).toHaveProperty("disabled", true),
    );
    expect(screen.queryByText(/council-tax-collection-rate/)).toBeNull();
  });

  it("shows the metric's unit, polarity and caveats", () => {
    render(<App host={null} />);
    fireEvent.change(metricSelect(), { target: { value: RECYCLING } });
    const about = screen.getByLabelText("About this metric");
    expect(about.textContent).toMatch(/Unit: percent\. Higher is better/);
    expect(about.textContent).toMatch(/provisional/);
  });

  it("shows which release of the publisher's file the metric's values are from, and when it was checked", async () => {
    render(<App host={null} />);
    fireEvent.change(metricSelect(), { target: { value: RECYCLING } });
    const about = screen.getByLabelText("About this metric");
    await waitFor(() =>
      expect(about.textContent).toMatch(
        /Release: Local Authority Collected Waste Statistics - Local Authority data 2023-24, published 27 Mar 2025; checked 26 Nov 2026\./,
      ),
    );
  });

  it("shows the inserted table in the pane, with a council's published value", async () => {
    render(<App host={null} />);
    fireEvent.change(metricSelect(), { target: { value: RECYCLING } });
    await waitFor(() => expect(screen.getByRole("option", { name: "Latest (2023-24)" })).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: "Insert table" }));

    // The preview table loads as a chunk of its own on first use, then renders 300-odd rows: allow time.
    const preview = await screen.findByRole("table", {}, { timeout: 5000 });
    const row = within(preview).getByText("West Suffolk").closest("tr")!;
    const cells = [...row.querySelectorAll("td")].map((td) => td.textContent);
    expect(cells.slice(0, 4)).toEqual(["E07000245", "West Suffolk", "2023-24", "37.1"]);
    expect(cells[7]).toBe("slightly-worse");
    expect(screen.getByText(/Source: Department for Environment, Food & Rural Affairs/)).toBeTruthy();
  });

  it("lists every publisher and licence once the data is loaded", async () => {
    render(<App host={null} />);
    fireEvent.click(screen.getByRole("button", { name: "Show the publishers of the built-in data" }));
    const list = await screen.findByRole("list", {}, { timeout: 5000 });
    expect(list.textContent).toMatch(/Department for Transport/);
    expect(list.textContent).toMatch(/Open Government Licence/);
  });

  it("says why when the data cannot be loaded, and offers to try again", async () => {
    vi.stubGlobal("fetch", async () => new Response("gone", { status: 404, statusText: "Not Found" }));
    render(<App host={null} />);
    fireEvent.change(metricSelect(), { target: { value: RECYCLING } });
    expect(await screen.findByText("Could not load the data")).toBeTruthy();
    expect(screen.getByText(/default-snapshot\.json: HTTP 404/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});

describe("task pane (inside Excel)", () => {
  afterEach(() => uninstallFakeOffice(globalThis));

  it("inserts a table into the workbook, lists it and refreshes it", async () => {
    const excel = installFakeOffice(globalThis);
    const workbook = new BenchmarkWorkbook(() => openSession());
    render(
      <App host="Excel" services={{ session: () => workbook.data(), workbook: async () => workbook }} />,
    );
    expect(await screen.findByText("No benchmark tables yet: insert one above.")).toBeTruthy();

    fireEvent.change(metricSelect(), { target: { value: "ASC2" } });
    await waitFor(() => expect(screen.getByRole("option", { name: /^Latest \(/ })).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: "Insert table" }));
    expect(await screen.findByText(/Inserted table Bench_ASC2 on sheet ASC2/)).toBeTruthy();
    expect(excel.tableNames()).toEqual(["Bench_ASC2"]);
    expect(await screen.findByText(/^Refreshed .*, \d+ rows$/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Refresh Bench_ASC2" }));
    expect(await screen.findByText("Refreshed 1 table.")).toBeTruthy();
  });
});
