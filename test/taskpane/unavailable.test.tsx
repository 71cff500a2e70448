// @vitest-environment jsdom
// Metrics with no data in the loaded data: shown as unavailable, with the reason in words, never offered
// for insert; and available as soon as loaded data supply them. Messages name metrics, not ids.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { buildSnapshot, serializeSnapshot } from "../../src/core/snapshot.js";
import { App } from "../../src/taskpane/App.js";
import { freshPaneEachTest } from "./freshPane.js";

const COUNCIL_TAX = "council-tax-collection-rate";
const COUNCIL_TAX_NAME = "Percentage of council tax collected in the year";

freshPaneEachTest();

const metricSelect = () => screen.getByRole("combobox", { name: "Metric" }) as HTMLSelectElement;
const option = (name: string) =>
  screen.getByRole("option", { name: new RegExp(`^${name}`) }) as HTMLOptionElement;
const insertButton = () => screen.getByRole("button", { name: "Insert table" }) as HTMLButtonElement;

/** The text of the elements that describe an element (its aria-describedby), as a screen reader reads it. */
const description = (el: Element) =>
  (el.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");

/** A snapshot file holding one year of council tax collection rates for three districts. */
function councilTaxFile(): File {
  const rows: [string, string, number][] = [
    ["E07000245", "West Suffolk", 97.5],
    ["E07000244", "East Suffolk", 96.1],
    ["E07000200", "Babergh", 97.9],
  ];
  const text = serializeSnapshot(
    buildSnapshot(
      rows.map(([areacd, areanm, value]) => ({
        metric: COUNCIL_TAX,
        period: "2023-24",
        areacd,
        areanm,
        value,
      })),
      {
        created: "2025-01-01",
        attribution: [{ publisher: "A test publisher", licence: "OGL", metrics: [COUNCIL_TAX] }],
      },
    ),
  );
  const file = new File([text], "council-tax.json", { type: "application/json" });
  // jsdom's File has no text(); the pane reads the file with it, as browsers do.
  return Object.assign(file, { text: async () => text });
}

describe("metrics without data in the task pane", () => {
  it("lists one under its domain, disabled, with the reason read out with the list", () => {
    render(<App host={null} />);
    const councilTax = option(COUNCIL_TAX_NAME);
    expect(councilTax.disabled).toBe(true);
    // The option's own name says so, and it stays under its domain (Finance), not hidden.
    expect(councilTax.textContent).toBe(`${COUNCIL_TAX_NAME} (no data)`);
    expect((councilTax.parentElement as HTMLOptGroupElement).label).toBe("Finance");
    // The reason is visible and is the list's description.
    const reason = description(metricSelect());
    expect(reason).toMatch(
      /^Not available \(no data: no published all-council file was found for it; add one/,
    );
    expect(reason).toMatch(new RegExp(COUNCIL_TAX_NAME));
    expect(screen.getByText(/^Not available \(no data/)).toBeTruthy();
    // By name, never by id.
    expect(document.body.textContent).not.toMatch(/council-tax-collection-rate|planning-appeals-overturned/);
  });

  it("cannot be inserted: choosing it leaves Insert disabled and no error appears", async () => {
    render(<App host={null} />);
    fireEvent.change(metricSelect(), { target: { value: COUNCIL_TAX } });
    await waitFor(() => expect(screen.queryByText("Loading data…")).toBeNull());
    expect(insertButton().disabled).toBe(true);
    fireEvent.click(insertButton());
    expect(screen.queryByText("The table was not inserted")).toBeNull();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("becomes available when loaded data supply it, and the notice names it", async () => {
    render(<App host={null} />);
    expect(option(COUNCIL_TAX_NAME).disabled).toBe(true);
    const input = screen.getByLabelText("Load a snapshot file");
    fireEvent.change(input, { target: { files: [councilTaxFile()] } });

    expect(await screen.findByText(`Loaded council-tax.json: 1 metric (${COUNCIL_TAX_NAME}).`)).toBeTruthy();
    await waitFor(() => expect(option(COUNCIL_TAX_NAME).disabled).toBe(false));
    expect(option(COUNCIL_TAX_NAME).textContent).toBe(COUNCIL_TAX_NAME);
    expect(description(metricSelect())).not.toMatch(new RegExp(COUNCIL_TAX_NAME));

    fireEvent.change(metricSelect(), { target: { value: COUNCIL_TAX } });
    await waitFor(() => expect(insertButton().disabled).toBe(false));
    fireEvent.click(insertButton());
    // The preview table loads as a chunk of its own on first use: allow it time on a busy machine.
    const preview = await screen.findByRole("table", {}, { timeout: 5000 });
    const row = within(preview).getByText("West Suffolk").closest("tr")!;
    expect([...row.querySelectorAll("td")].slice(0, 4).map((td) => td.textContent)).toEqual([
      "E07000245",
      "West Suffolk",
      "2023-24",
      "97.5",
    ]);
  });
});
