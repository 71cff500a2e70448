// @vitest-environment jsdom
// Best Value ratings in the pane's council profile, each opening its evidence; inside Excel, the Insert
// profile and Best Value summary buttons and the Evidence table.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NOT_RATED } from "../../src/core/bestValue.js";
import { themeReport } from "../../src/core/themeReport.js";
import { BenchmarkWorkbook } from "../../src/excel/workbook.js";
import { App } from "../../src/taskpane/App.js";
import { installFakeOffice, uninstallFakeOffice, type FakeExcelHost } from "../fakes/fakeExcel.js";
import { openSession } from "../excel/harness.js";
import { shippedBenchmarks } from "../excel/shipped.js";
import { freshPaneEachTest } from "./freshPane.js";

freshPaneEachTest({ clearStorage: true });

/** Picks a council in "My council" by typing its code and choosing the one option. */
async function pickCouncil(code: string, name: string) {
  // The combobox loads on demand (a disabled box stands in until it is there).
  const box = await screen.findByRole("combobox", { name: "My council" });
  fireEvent.focus(box);
  await waitFor(() => expect(screen.queryByText("Loading the list of councils…")).toBeNull(), {
    timeout: 10_000,
  });
  fireEvent.keyDown(box, { key: code[0] });
  fireEvent.change(box, { target: { value: code } });
  fireEvent.click(within(await screen.findByRole("listbox")).getByRole("option", { name }));
  await screen.findByText(new RegExp(`^Profile of ${name}:`), {}, { timeout: 10_000 });
}

describe("Best Value themes in the profile", () => {
  it.each([
    ["E07000245", "West Suffolk"],
    ["E10000029", "Suffolk"],
  ])(
    "lists the seven ratings for %s as themeReport gives them, each opening its evidence",
    async (code, name) => {
      render(<App host={null} />);
      await pickCouncil(code, name);
      const section = (
        await screen.findByRole("heading", { name: "Best Value themes" }, { timeout: 10_000 })
      ).closest("section")!;
      const report = themeReport(shippedBenchmarks(), code);
      for (const t of report)
        expect(
          within(section).getByRole("button", { name: new RegExp(`^${t.theme.title}: ${t.rating.rating}`) }),
        ).toBeTruthy();
      expect(report.find((t) => t.theme.id === "leadership")!.rating.rating).toBe(NOT_RATED);
      fireEvent.click(within(section).getByRole("button", { name: /^Service delivery:/ }));
      const list = await within(section).findByRole("list", { name: "Evidence for Service delivery" });
      const service = report.find((t) => t.theme.id === "service-delivery")!;
      expect(within(list).getAllByRole("listitem")).toHaveLength(service.evidence.length);
    },
  );
});

describe("inside Excel", () => {
  let excel: FakeExcelHost;
  let workbook: BenchmarkWorkbook;
  beforeEach(() => {
    excel = installFakeOffice(globalThis);
    workbook = new BenchmarkWorkbook(() => openSession());
  });
  afterEach(() => uninstallFakeOffice(globalThis));

  it("Insert profile writes the profile sheet; the themes offer the summary sheet and the Evidence table", async () => {
    render(
      <App host="Excel" services={{ session: () => workbook.data(), workbook: async () => workbook }} />,
    );
    await pickCouncil("E07000245", "West Suffolk");
    fireEvent.click(screen.getByRole("button", { name: "Insert profile" }));
    expect(
      await screen.findByText(
        /Inserted the profile of West Suffolk on sheet Profile West Suffolk/,
        {},
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    expect(excel.table("Bench_Profile_West_Suffolk")).toBeTruthy();

    fireEvent.click(
      await screen.findByRole("button", { name: "Add the Evidence table" }, { timeout: 10_000 }),
    );
    expect(await screen.findByText(/Added the Evidence table on sheet Evidence/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Insert Best Value summary" }));
    expect(
      await screen.findByText(/Inserted the Best Value summary of West Suffolk/, {}, { timeout: 10_000 }),
    ).toBeTruthy();
  });
});
