// @vitest-environment jsdom
// The council profile in the task pane: pick my council (by name, former name or code), choose what to
// compare it with, read every metric's value, band, rank and trend, and open a metric's detail.
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { councilProfile, rankText, bandWords, type ProfileRow } from "../../src/core/profile.js";
import { BenchmarkWorkbook } from "../../src/excel/workbook.js";
import { App } from "../../src/taskpane/App.js";
import { MEMORY_KEY } from "../../src/taskpane/profile/memory.js";
import { installFakeOffice, uninstallFakeOffice, type FakeExcelHost } from "../fakes/fakeExcel.js";
import type { FakeSettings } from "../fakes/settings.js";
import { openSession, typeGroupRows } from "../excel/harness.js";
import { shippedBenchmarks } from "../excel/shipped.js";
import { freshPaneEachTest } from "./freshPane.js";

const benchmarks = shippedBenchmarks();

freshPaneEachTest({ clearStorage: true });

const councilBox = () => screen.getByRole("combobox", { name: "My council" }) as HTMLInputElement;
const comparisonSelect = () =>
  screen.getByRole("combobox", { name: /Compare my council with/ }) as HTMLSelectElement;

/** Types into "My council" and waits for the options (the councils load on first use). */
async function typeCouncil(text: string): Promise<HTMLElement[]> {
  // The combobox loads on demand (a disabled box stands in until it is there).
  const box = await screen.findByRole("combobox", { name: "My council" });
  fireEvent.focus(box);
  await waitFor(() => expect(screen.queryByText("Loading the list of councils…")).toBeNull(), {
    timeout: 10_000,
  });
  fireEvent.keyDown(box, { key: text[0] }); // typing opens the list
  fireEvent.change(box, { target: { value: text } });
  const listbox = await screen.findByRole("listbox");
  return within(listbox).getAllByRole("option");
}

/** Picks an option with the keyboard: arrow down to it, then Enter. */
async function chooseWithKeyboard(text: string, option: string): Promise<void> {
  await typeCouncil(text);
  const box = councilBox();
  for (let i = 0; i < 30; i++) {
    const active = box.getAttribute("aria-activedescendant");
    if (active && document.getElementById(active)?.textContent === option) break;
    fireEvent.keyDown(box, { key: "ArrowDown" });
  }
  const active = box.getAttribute("aria-activedescendant");
  expect(active && document.getElementById(active)?.textContent).toBe(option);
  fireEvent.keyDown(box, { key: "Enter" });
  await screen.findByText(
    new RegExp(`^Profile of ${option.replace(/ \(formerly .*\)$/, "")}:`),
    {},
    { timeout: 10_000 },
  );
}

const rowOf = (metric: string) => document.querySelector(`li[data-metric="${metric}"]`) as HTMLElement;

describe("choosing my council", () => {
  it("finds a council by name, by a former council's name and by its code", async () => {
    render(<App host={null} />);
    expect((await typeCouncil("West Suff")).map((o) => o.textContent)).toContain("West Suffolk");
    const former = (await typeCouncil("St Edmundsbury")).map((o) => o.textContent);
    expect(former[0]).toBe("West Suffolk (formerly St Edmundsbury)");
    expect((await typeCouncil("E07000245")).map((o) => o.textContent)).toEqual(["West Suffolk"]);
    // A former council's code leads to its successor too; Cumbria to both of its successors.
    expect((await typeCouncil("E07000204")).map((o) => o.textContent)).toEqual([
      "West Suffolk (formerly St Edmundsbury)",
    ]);
    const cumbria = (await typeCouncil("Cumbria")).map((o) => o.textContent);
    expect(cumbria).toEqual(
      expect.arrayContaining(["Cumberland (formerly Cumbria)", "Westmorland and Furness (formerly Cumbria)"]),
    );
  });

  it("picks a former council's successor with the keyboard and remembers it in the browser", async () => {
    render(<App host={null} />);
    await chooseWithKeyboard("St Edmundsbury", "West Suffolk (formerly St Edmundsbury)");
    expect(councilBox().value).toBe("West Suffolk");
    expect(await screen.findByText(/remembered in this browser/)).toBeTruthy();
    expect(JSON.parse(localStorage.getItem(MEMORY_KEY)!)).toEqual({ council: "E07000245", group: "" });

    // Next time the pane opens on the same council.
    cleanup();
    render(<App host={null} />);
    expect(await screen.findByText(/^Profile of West Suffolk:/, {}, { timeout: 10_000 })).toBeTruthy();
  });
});

describe("the profile", () => {
  it("lists every metric by domain for West Suffolk among its nearest neighbours, ranked as the core ranks", async () => {
    render(<App host={null} />);
    await chooseWithKeyboard("West Suffolk", "West Suffolk");
    fireEvent.change(comparisonSelect(), { target: { value: "nearest" } });
    await screen.findByText(
      /^Profile of West Suffolk: \d+ metrics, compared within CIPFA nearest neighbours/,
    );

    const expected = councilProfile(benchmarks, "West Suffolk", { group: "nearest" });
    expect(expected.rows.length).toBeGreaterThan(10);
    for (const row of expected.rows) {
      const item = rowOf(row.metric);
      expect(item, row.metric).toBeTruthy();
      const text = item.textContent!;
      expect(text, row.metric).toContain(row.metricName);
      expect(text, row.metric).toContain(rankText(row));
      expect(text, row.metric).not.toMatch(/slightly-|much-|E0\d{7}/); // words, not ids or codes
    }
    const recycling = rowOf("household-waste-recycling-rate");
    expect(recycling.textContent).toContain("37.1%");
    expect(recycling.textContent).toContain("slightly worse");
    expect(recycling.textContent).toContain("Rank 15 of 16");
    // The strip chart (loaded lazily) says the same in words.
    const chart = await within(recycling).findByRole("img");
    expect(chart.getAttribute("aria-label")).toBe(
      "West Suffolk 37.1%, England median 42.3%, group median 49.5%, 15 of 16 in the group",
    );
    // Domains are headed in words.
    for (const domain of ["Adult social care", "Waste", "Planning", "Finance"])
      expect(screen.getByRole("heading", { name: domain })).toBeTruthy();
  });

  it("shows the waste metrics as not applicable for Suffolk, a county that does not collect waste", async () => {
    render(<App host={null} />);
    await chooseWithKeyboard("Suffolk", "Suffolk");
    const expected = councilProfile(benchmarks, "Suffolk");
    const waste = expected.rows.filter((r: ProfileRow) => r.domain === "waste");
    expect(waste.length).toBe(3);
    for (const row of waste) {
      const item = rowOf(row.metric);
      expect(within(item).getByText("not applicable")).toBeTruthy();
      expect(item.textContent).not.toMatch(/Rank \d/);
      expect(within(item).queryByRole("img")).toBeNull();
    }
    // A service it does provide has a band and a rank.
    const asc = expected.rows.find((r) => r.metric === "ASC1")!;
    expect(rowOf("ASC1").textContent).toContain(bandWords(asc.band));
    expect(rowOf("ASC1").textContent).toContain(`Rank ${rankText(asc)}`);
  });

  it("opens a metric's detail from its button and returns focus to it with Escape or Back", async () => {
    render(<App host={null} />);
    await chooseWithKeyboard("West Suffolk", "West Suffolk");
    const button = within(rowOf("household-waste-recycling-rate")).getByRole("button", {
      name: /household waste sent for reuse/,
    });
    // A native button: Enter and Space activate it in every browser (the e2e test presses Enter).
    expect(button.tagName).toBe("BUTTON");
    button.focus();
    fireEvent.click(button);

    const heading = await screen.findByRole(
      "heading",
      { name: /household waste sent for reuse/, level: 3 },
      { timeout: 10_000 }, // the detail loads in its own chunk
    );
    expect(document.activeElement).toBe(heading);
    expect(screen.getByRole("heading", { name: "Where West Suffolk stands" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Trend over every period" })).toBeTruthy();
    const source = screen.getByRole("heading", { name: "Source" }).parentElement!;
    expect(source.textContent).toMatch(/Department for Environment, Food & Rural Affairs/);
    expect(
      within(source)
        .getByRole("link", { name: /publisher's page/ })
        .getAttribute("href"),
    ).toMatch(/^https:\/\/www\.gov\.uk\//);
    expect(screen.getByRole("heading", { name: "Who to learn from" })).toBeTruthy();
    const trend = screen.getByRole("table", { name: /by period$/ });
    expect(within(trend).getByText("2023-24").closest("tr")!.textContent).toContain("37.1%");

    fireEvent.keyDown(heading, { key: "Escape" });
    await waitFor(() =>
      expect(document.activeElement?.textContent).toMatch(/household waste sent for reuse/),
    );

    fireEvent.click(within(rowOf("recycling-contamination-rate")).getByRole("button"));
    fireEvent.click(await screen.findByRole("button", { name: "Back to the profile" }, { timeout: 10_000 }));
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Recycling contamination rate/));
  });
});

describe("the profile inside Excel", () => {
  let excel: FakeExcelHost;
  let workbook: BenchmarkWorkbook;
  beforeEach(() => {
    excel = installFakeOffice(globalThis);
    workbook = new BenchmarkWorkbook(() => openSession());
  });
  afterEach(() => uninstallFakeOffice(globalThis));

  const renderPane = () =>
    render(
      <App host="Excel" services={{ session: () => workbook.data(), workbook: async () => workbook }} />,
    );

  it("warns of a small comparison in a custom group of three councils, and remembers the choice in the workbook", async () => {
    await workbook.createCustomGroupsTable();
    typeGroupRows(excel, [
      ["West Suffolk and neighbours", "West Suffolk"],
      ["West Suffolk and neighbours", "Ipswich"],
      ["West Suffolk and neighbours", "Babergh"],
    ]);
    renderPane();
    await chooseWithKeyboard("West Suffolk", "West Suffolk");
    expect(await screen.findByText(/remembered in this workbook/)).toBeTruthy();
    await waitFor(() =>
      expect(
        within(comparisonSelect()).getByRole("option", { name: "West Suffolk and neighbours" }),
      ).toBeTruthy(),
    );
    fireEvent.change(comparisonSelect(), { target: { value: "West Suffolk and neighbours" } });

    const expected = councilProfile(
      benchmarks.withCustomGroups([
        { name: "West Suffolk and neighbours", members: ["West Suffolk", "Ipswich", "Babergh"] },
      ]),
      "West Suffolk",
      { group: "West Suffolk and neighbours" },
    );
    const small = expected.rows.filter((r) => r.flags.includes("small-comparison"));
    expect(small.length).toBeGreaterThan(0);
    const warning = (await screen.findByText("Small comparison")).closest('[role="status"]')!;
    expect(warning.textContent).toContain(
      `fewer than 5 councils with a value (as few as ${Math.min(...small.map((r) => r.compared))})`,
    );
    // Next to the comparison it warns about, and on each metric it concerns.
    expect(warning.previousElementSibling?.textContent).toMatch(/Compare my council with/);
    for (const row of small)
      expect(rowOf(row.metric).textContent).toContain(
        `Small comparison: only ${row.compared} councils have a value`,
      );
    const settings = (
      globalThis as unknown as { Office: { context: { document: { settings: FakeSettings } } } }
    ).Office.context.document.settings;
    await waitFor(() =>
      expect(settings.saved.get(MEMORY_KEY)).toEqual({
        council: "E07000245",
        group: "West Suffolk and neighbours",
      }),
    );
  });

  it("says so beside the council picker when the workbook cannot save the choice", async () => {
    const settings = (
      globalThis as unknown as { Office: { context: { document: { settings: FakeSettings } } } }
    ).Office.context.document.settings;
    settings.failNextSave("the workbook is read-only");
    renderPane();
    await chooseWithKeyboard("Ipswich", "Ipswich");
    const notice = await screen.findByText("Your choice was not remembered");
    expect(notice.closest('[role="status"]')!.textContent).toMatch(/read-only/);
  });
});
