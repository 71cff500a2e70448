// @vitest-environment jsdom
// Feedback where the user is: each notice beside the control that caused it, in a live region; a
// determinate progress bar while inserting and refreshing; a refresh time that changes on every refresh.
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BenchmarkWorkbook } from "../../src/excel/workbook.js";
import { resetShippedBenchmarks } from "../../src/sources/shipped.js";
import { App } from "../../src/taskpane/App.js";
import { installFakeOffice, uninstallFakeOffice } from "../fakes/fakeExcel.js";
import { openSession } from "../excel/harness.js";
import { repoDataFetch } from "../excel/shipped.js";

let clock: number;
let workbook: BenchmarkWorkbook;

beforeEach(() => {
  vi.stubGlobal("fetch", repoDataFetch);
  resetShippedBenchmarks();
  installFakeOffice(globalThis);
  clock = Date.UTC(2025, 5, 3, 13, 5, 9);
  workbook = new BenchmarkWorkbook(
    () => openSession(),
    () => new Date(clock),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  uninstallFakeOffice(globalThis);
});

const metricSelect = () => screen.getByRole("combobox", { name: "Metric" });

async function chooseMetric(id: string) {
  fireEvent.change(metricSelect(), { target: { value: id } });
  await waitFor(() => expect(screen.getByRole("option", { name: /^Latest \(/ })).toBeTruthy());
}

describe("feedback beside the control", () => {
  it("shows a determinate progress bar while inserting, then the notice beside the Insert button", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let gated = false;
    const open = async () => {
      if (gated) await gate;
      return workbook;
    };
    render(<App host="Excel" services={{ session: () => workbook.data(), workbook: open }} />);
    await chooseMetric("ASC2");
    gated = true; // the workbook now waits until the test lets it go on
    fireEvent.click(screen.getByRole("button", { name: "Insert table" }));

    const bar = await screen.findByRole("progressbar", { name: "Inserting the table" });
    // The bar may appear at 0 while the Excel code loads on demand; it must reach step 1 and wait there.
    await waitFor(() => expect(bar.getAttribute("aria-valuenow")).toBe("1"));
    expect(bar.getAttribute("aria-valuemax")).toBe("3");
    expect(screen.getByText("Computing the table: 1 of 3 steps done")).toBeTruthy();
    release();

    const notice = await screen.findByText(/Inserted table Bench_ASC2 on sheet ASC2/);
    await waitFor(() =>
      expect(screen.queryByRole("progressbar", { name: "Inserting the table" })).toBeNull(),
    );
    const region = notice.closest('[role="status"]')!;
    expect(region.getAttribute("aria-live")).toBe("polite");
    const insertSection = screen.getByRole("region", { name: "Insert a benchmark table" });
    expect(insertSection.contains(region)).toBe(true);
    // Right after the Insert button, not at the top of the pane.
    expect(
      region.previousElementSibling?.contains(screen.getByRole("button", { name: "Insert table" })),
    ).toBe(true);
  });

  it("refreshes a table with its notice in the table's row and a time that changes on every refresh", async () => {
    render(
      <App host="Excel" services={{ session: () => workbook.data(), workbook: async () => workbook }} />,
    );
    await chooseMetric("ASC1");
    fireEvent.click(screen.getByRole("button", { name: "Insert table" }));
    await screen.findByText(/Inserted table/);
    const first = await screen.findByText(/^Refreshed .*, \d+ rows$/);
    const before = first.textContent;
    expect(before).toMatch(/\d\d:\d\d:\d\d/); // to the second

    clock += 1000;
    const row = first.closest("li")!;
    fireEvent.click(within(row).getByRole("button", { name: /^Refresh Bench_/ }));
    const done = await within(row).findByText("Refreshed 1 table.");
    expect(done.closest('[role="status"]')).toBeTruthy();
    await waitFor(() =>
      expect(within(row).getByText(/^Refreshed .*, \d+ rows$/).textContent).not.toBe(before),
    );

    // Refresh all reports beside its own button, with the workbook's steps on a progress bar meanwhile.
    clock += 1000;
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    expect(await screen.findByRole("progressbar", { name: "Refreshing" })).toBeTruthy();
    const all = await screen.findByText("Refreshed 1 table.");
    expect(row.contains(all)).toBe(false);
    const actions = screen.getByRole("button", { name: "Refresh all" }).parentElement!;
    expect(all.closest('[role="status"]')?.previousElementSibling).toBe(actions);
  });
});
