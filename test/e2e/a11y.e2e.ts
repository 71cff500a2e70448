// Accessibility: axe-core (WCAG 2.x A and AA) finds no serious or critical violation in the pane's main
// states, in Excel (taskpane.html with the fake Office host) and on preview.html. Each page is driven in
// order, as a user would; to check a new state, bring the page to it and call expectNoSeriousViolations
// (test/e2e/support/axe.ts) with a name for it.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import { PUBLISHER, startE2E, type E2E, type OpenedPage } from "./support/harness.js";

const METRIC = "household-waste-recycling-rate";
const SOURCE_URL = `${PUBLISHER}/data/roads/a-roads-maintenance-should-be-considered.csv`;

let env: E2E;

beforeAll(async () => {
  env = await startE2E();
});

afterAll(async () => {
  await env?.close();
});

/** The pane has drawn and its metric picker is there. */
async function paneReady(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Council Benchmarks");
  await page.getByLabel("Metric", { exact: true }).waitFor();
}

/** Chooses a metric and waits for its periods (the shipped data has loaded). */
async function chooseMetric(page: Page): Promise<void> {
  await page.getByLabel("Metric", { exact: true }).selectOption(METRIC);
  const period = page.getByLabel("Period", { exact: true });
  await expect.poll(() => period.locator('option[value="2023-24"]').count(), { timeout: 15_000 }).toBe(1);
}

/** The Data section scrolled into view, with the publishers listed and the add-a-source form filled in. */
async function openDataSection(page: Page, url: string): Promise<void> {
  const section = page.getByRole("region", { name: "Data" });
  await section.scrollIntoViewIfNeeded();
  const show = section.getByRole("button", { name: "Show the publishers of the built-in data" });
  if (await show.isVisible()) await show.click();
  await section.getByRole("list").first().waitFor({ timeout: 15_000 });
  await section.getByLabel("Add a published file (https address)").fill(url);
}

/** Submits the add-a-source form and waits for its notice. */
async function addSourceAndWaitFor(page: Page, text: RegExp): Promise<void> {
  await page.getByRole("button", { name: "Add source" }).click();
  await page.locator(".fui-MessageBar").filter({ hasText: text }).waitFor({ timeout: 20_000 });
}

describe("accessibility in Excel (taskpane.html)", () => {
  let pane: OpenedPage;
  let page: Page;

  beforeAll(async () => {
    pane = await env.open("taskpane.html");
    page = pane.page;
  });

  it("has no serious violation when the pane opens", async () => {
    await paneReady(page);
    await page.getByText("Connected to Excel").waitFor();
    await expectNoSeriousViolations(page, "Excel: pane opened");
  });

  it("has none with a metric chosen", async () => {
    await chooseMetric(page);
    await expectNoSeriousViolations(page, "Excel: metric chosen");
  });

  it("has none once a table is inserted and listed", async () => {
    await page.getByRole("button", { name: "Insert table" }).click();
    await page
      .locator(".fui-MessageBar")
      .filter({ hasText: /Inserted table/ })
      .waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: /^Refresh Bench_/ }).waitFor({ timeout: 15_000 });
    await expectNoSeriousViolations(page, "Excel: table inserted");
  });

  it("has none in the Data section with its controls", async () => {
    await openDataSection(page, SOURCE_URL);
    await expectNoSeriousViolations(page, "Excel: Data section");
  });

  it("has none with an error notice shown", async () => {
    // The publisher answers 404 (not retried), so adding the source fails at once.
    env.publisherFails = 404;
    try {
      await addSourceAndWaitFor(page, /The data was not added/);
    } finally {
      env.publisherFails = undefined;
    }
    await expectNoSeriousViolations(page, "Excel: error notice");
    expect(pane.blocked).toEqual([]);
  });
});

describe("accessibility on the preview page (preview.html)", () => {
  let preview: OpenedPage;
  let page: Page;

  beforeAll(async () => {
    preview = await env.open("preview.html", { office: false });
    page = preview.page;
  });

  it("has no serious violation when the page opens", async () => {
    await paneReady(page);
    await page.getByText("Preview: not running inside Excel").waitFor();
    await expectNoSeriousViolations(page, "preview: page opened");
  });

  it("has none with a metric chosen", async () => {
    await chooseMetric(page);
    await expectNoSeriousViolations(page, "preview: metric chosen");
  });

  it("has none with a table previewed", async () => {
    await page.getByLabel("Period", { exact: true }).selectOption("2023-24");
    await page.getByRole("button", { name: "Insert table" }).click();
    await page.getByRole("region", { name: "Table preview" }).getByRole("table").waitFor({ timeout: 15_000 });
    await expectNoSeriousViolations(page, "preview: table previewed");
  });

  it("has none in the Data section with its controls", async () => {
    await openDataSection(page, "http://example.org/kpis.csv");
    await expectNoSeriousViolations(page, "preview: Data section");
  });

  it("has none with an error notice shown", async () => {
    // Only https sources may be added: the pane says so in an error notice.
    await addSourceAndWaitFor(page, /The data was not added/);
    await expectNoSeriousViolations(page, "preview: error notice");
    expect(preview.errors).toEqual([]);
  });
});
