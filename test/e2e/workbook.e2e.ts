// taskpane.html with the fake Office host: the pane inserts a real table into the (fake) workbook, Refresh all
// (the pane's button and the ribbon command) rewrites it unchanged, and a refresh whose publisher fails says
// so and leaves every sheet exactly as it was. The tests run in order on one page, as a user would.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scalar } from "../fakes/fakeExcel.js";
import { PUBLISHER, screenshot, startE2E, type E2E, type OpenedPage } from "./support/harness.js";

const METRIC = "household-waste-recycling-rate";
const TABLE = "Bench_household_waste_recycling_rate";
/** A tidy CSV the fixture "publisher" serves (../shared/data/roads/…), reached through the data proxy. */
const SOURCE_METRIC = "a-roads-maintenance-should-be-considered";
const SOURCE_URL = `${PUBLISHER}/data/roads/${SOURCE_METRIC}.csv`;
const SOURCE_TABLE = "Bench_a_roads_maintenance_should_be_considered";

let env: E2E;
let pane: OpenedPage;
let page: Page;

beforeAll(async () => {
  env = await startE2E();
  pane = await env.open("taskpane.html");
  page = pane.page;
});

afterAll(async () => {
  await env?.close();
});

interface TableContents {
  sheet: string;
  address: string;
  headers: string[];
  rows: number;
  values: Scalar[][];
  formats: string[][];
  formulas: (string | undefined)[][];
}

/** A table as the fake workbook holds it, read without the Office API; undefined when there is none. */
function readTable(name: string): Promise<TableContents | undefined> {
  return page.evaluate((name) => {
    const host = window.__fakeOffice!.host;
    const info = host.table(name);
    if (!info) return undefined;
    const { sheet, address, headers, rows } = info;
    const [values, formats, formulas] = [
      host.values(address),
      host.numberFormats(address),
      host.formulas(address),
    ];
    return { sheet, address, headers, rows, values, formats, formulas };
  }, name);
}

/** Every sheet's cells (values, formulas, formats) and every table's place: what the user sees. */
function sheetsAndTables(): Promise<unknown> {
  return page.evaluate(() => {
    const state = window.__fakeOffice!.host.snapshot();
    return { sheets: state.sheets.map(({ name, cells }) => ({ name, cells })), tables: state.tables };
  });
}

/** How many Range.values writes the workbook has applied so far. */
function valueWrites(): Promise<number> {
  return page.evaluate(
    () => window.__fakeOffice!.host.applied.filter((op) => op.endsWith(".values=")).length,
  );
}

/** The pane's current message (success, warning or error bar). */
async function notice(text: string | RegExp): Promise<string> {
  const bar = page.locator(".fui-MessageBar").filter({ hasText: text });
  await bar.waitFor({ timeout: 20_000 });
  return (await bar.textContent()) ?? "";
}

async function chooseAndInsert(metric: string, period: string): Promise<void> {
  await page.getByLabel("Metric", { exact: true }).selectOption(metric);
  const picker = page.getByLabel("Period", { exact: true });
  await expect.poll(() => picker.locator(`option[value="${period}"]`).count(), { timeout: 15_000 }).toBe(1);
  await picker.selectOption(period);
  await page.getByRole("button", { name: "Insert table" }).click();
}

const column = (t: TableContents, name: string) => {
  const i = t.headers.indexOf(name);
  expect(i, `column ${name} in ${t.headers.join(", ")}`).toBeGreaterThanOrEqual(0);
  return i;
};

describe("task pane in Excel (fake host)", () => {
  let inserted: TableContents;

  it("says it is connected to Excel", async () => {
    await page.getByText("Connected to Excel").waitFor({ timeout: 15_000 });
    await page.getByText("No benchmark tables yet").waitFor();
    expect(pane.errors).toEqual([]);
  });

  it("inserts a benchmark table: a real table with the header, West Suffolk 37.1, text cells as text", async () => {
    await chooseAndInsert(METRIC, "2023-24");
    expect(await notice(`Inserted table ${TABLE}`)).toMatch(/rows\)/);

    const table = await readTable(TABLE);
    expect(table, "the workbook has the table").toBeDefined();
    inserted = table!;
    expect(inserted.headers.slice(0, 4)).toEqual(["Council code", "Council", "Period", "Value"]);
    expect(inserted.values[0]).toEqual(inserted.headers);
    expect(inserted.rows).toBe(inserted.values.length - 1);
    expect(inserted.rows).toBeGreaterThan(250);

    const [code, council, period, value] = ["Council code", "Council", "Period", "Value"].map((c) =>
      column(inserted, c),
    );
    const rows = inserted.values.slice(1);
    const westSuffolk = rows.filter((r) => r[council] === "West Suffolk");
    expect(westSuffolk).toHaveLength(1);
    expect(westSuffolk[0][code]).toBe("E07000245");
    expect(westSuffolk[0][period]).toBe("2023-24");
    expect(westSuffolk[0][value]).toBe(37.1);

    // Text stays text: every text column is formatted "@" and holds strings, nothing became a formula,
    // and "2023-24" was not entered as a date or number.
    for (const c of [code, council, period]) {
      for (const [i, row] of rows.entries()) {
        expect(typeof row[c], `${inserted.headers[c]} row ${i + 1}`).toBe("string");
        expect(inserted.formats[i + 1][c], `${inserted.headers[c]} row ${i + 1}`).toBe("@");
      }
    }
    // Scores as formulas is the pane's default: only Median to Outlier hold formulas, on every row.
    const scores = ["Median", "MAD", "MAD score", "Band", "Outlier"].map((c) => column(inserted, c));
    const body = inserted.formulas.slice(1);
    expect(body.flatMap((r) => r.filter((f, c) => f !== undefined && !scores.includes(c)))).toEqual([]);
    expect(body.every((r) => scores.every((c) => r[c]?.startsWith("=")))).toBe(true);
    expect(typeof westSuffolk[0][column(inserted, "MAD score")]).toBe("number");
    expect(rows.every((r) => typeof r[value] === "number" || r[value] === "")).toBe(true);

    // The pane lists the table.
    await page.getByText(`${TABLE} on ${inserted.sheet}`, { exact: false }).waitFor();
  });

  it("Refresh all (the pane's button) rewrites the table unchanged", async () => {
    const before = await sheetsAndTables();
    const writesBefore = await valueWrites();
    await page.getByRole("button", { name: "Refresh all" }).click();
    // Defra cannot be asked here (the proxy allows only the fixture publisher): the data in use stays, and
    // the notice says so, naming the release.
    const said = await notice(/^Refreshed 1 table/);
    expect(said).toMatch(
      /Could not check Defra local authority collected waste \(ENV18\) for a newer release: HTTP 403 Forbidden: host www\.gov\.uk is not allowed.*\. Still using .*2023-24, published 27 Mar 2025\./,
    );
    // It did write the rows again (with the same values).
    expect(await valueWrites()).toBeGreaterThan(writesBefore);
    expect(await readTable(TABLE)).toEqual(inserted);
    expect(await sheetsAndTables()).toEqual(before);
  });

  it("the ribbon's Refresh all refreshes and always completes its event", async () => {
    const syncsBefore = await page.evaluate(() => window.__fakeOffice!.host.syncs);
    const completed = await page.evaluate(async () => {
      const handler = window.__fakeOffice!.host.actions.get("refreshAll");
      if (!handler) throw new Error("refreshAll is not associated");
      let calls = 0;
      await handler({ completed: () => calls++, source: { id: "RefreshAll" } });
      return calls;
    });
    expect(completed).toBe(1);
    // It did work in the workbook (read, rewrite, record), and the table is as it was.
    expect(await page.evaluate(() => window.__fakeOffice!.host.syncs)).toBeGreaterThan(syncsBefore + 2);
    expect(await readTable(TABLE)).toEqual(inserted);
  });

  it("adds a publisher's file through the data proxy and inserts a table from it", async () => {
    await page.getByLabel("Add a published file (https address)").fill(SOURCE_URL);
    await page.getByRole("button", { name: "Add source" }).click();
    expect(await notice(`Added ${SOURCE_METRIC}.csv`)).toContain(SOURCE_METRIC);
    // The browser asked the add-in's proxy, which fetched from the fixture server.
    expect(
      pane.requests.some((u) => u.includes("/api/fetch?url=") && u.includes(encodeURIComponent(SOURCE_URL))),
    ).toBe(true);
    expect(env.fixture.requests(`/data/roads/${SOURCE_METRIC}.csv`)).toBeGreaterThanOrEqual(1);

    await chooseAndInsert(SOURCE_METRIC, "latest");
    await notice(`Inserted table ${SOURCE_TABLE}`);
    const table = await readTable(SOURCE_TABLE);
    expect(table?.rows).toBeGreaterThan(50);
    expect(await readTable(TABLE)).toEqual(inserted);
  });

  it("when the publisher fails, Refresh all says so and every sheet stays exactly as it was", async () => {
    const before = await sheetsAndTables();
    const sourceTable = await readTable(SOURCE_TABLE);
    const upstreamBefore = env.fixture.requests(`/data/roads/${SOURCE_METRIC}.csv`);
    env.publisherFails = 500;
    try {
      await page.getByRole("button", { name: "Refresh all" }).click();
      // The household table (shipped data) refreshed; the publisher's did not.
      const message = await notice(/^1 table not refreshed; 1 table refreshed/);
      expect(message).toContain(SOURCE_TABLE);
      expect(message).toMatch(/500/);
      // The fixture really was asked (and failed), through the proxy.
      expect(env.fixture.requests(`/data/roads/${SOURCE_METRIC}.csv`)).toBeGreaterThan(upstreamBefore);
      expect(await sheetsAndTables()).toEqual(before);
      expect(await readTable(SOURCE_TABLE)).toEqual(sourceTable);
      expect(await readTable(TABLE)).toEqual(inserted);

      // The table's own Refresh button fails the same way: an error, nothing written.
      // Each notice sits beside the control that caused it: this one beside Refresh all.
      const tables = page.getByRole("region", { name: "Tables in this workbook" });
      await tables.getByRole("button", { name: "Dismiss" }).click();
      await expect.poll(() => tables.locator(".fui-MessageBar").count()).toBe(0);
      await page.getByRole("button", { name: `Refresh ${SOURCE_TABLE}` }).click();
      const alone = await notice(/^1 table not refreshed(?!;)/);
      expect(alone).toContain(SOURCE_TABLE);
      expect(await sheetsAndTables()).toEqual(before);
      // The list says which table was not refreshed.
      await page
        .getByText(/Not refreshed .*500/)
        .first()
        .waitFor();
    } finally {
      env.publisherFails = undefined;
    }
    await screenshot(page, "taskpane.png");
    expect(pane.blocked).toEqual([]);
  });

  it("ran all of the above under the page's Content-Security-Policy, breaking none of its rules", async () => {
    // The page came with the policy (DevTools' evaluate is exempt from it, so the header is checked) ...
    const csp = await page.evaluate(() =>
      fetch(location.href).then((r) => r.headers.get("content-security-policy")),
    );
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    // ... and nothing the pane, Office.js (the fake here) or Fluent UI did above was refused by it.
    expect(pane.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });
});
