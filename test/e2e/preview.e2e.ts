// preview.html: the task pane in a plain browser, with no Office at all. It loads the shipped data from beside
// the page and shows a benchmark table in the pane instead of writing it into a workbook.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot, startE2E, type E2E, type OpenedPage } from "./support/harness.js";

const SIX_DOMAINS = ["Adult skills", "Adult social care", "Finance", "Planning", "Roads", "Waste"];

let env: E2E;
let preview: OpenedPage;

beforeAll(async () => {
  env = await startE2E();
  // preview.html has no office.js tag; should it ask anyway, the Office CDN answers 404 (as offline).
  preview = await env.open("preview.html", { office: false });
});

afterAll(async () => {
  await env?.close();
});

describe("preview page (no Office)", () => {
  it("renders the pane: title, preview badge and a metric picker grouped by the six domains", async () => {
    const { page } = preview;
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Council Benchmarks");
    await page.getByText("Preview: not running inside Excel").waitFor();
    const metric = page.getByLabel("Metric", { exact: true });
    await metric.waitFor();
    const groups = await metric
      .locator("optgroup")
      .evaluateAll((els) => els.map((e) => e.getAttribute("label")));
    expect(groups.slice(0, 6)).toEqual(SIX_DOMAINS);
    // Every domain offers at least one metric.
    for (const domain of SIX_DOMAINS) {
      expect(await metric.locator(`optgroup[label="${domain}"] option`).count(), domain).toBeGreaterThan(0);
    }
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe("undefined");
  });

  it("fits a 420 px task pane: long metric names never widen the page", async () => {
    const { page } = preview;
    await page.getByLabel("Metric", { exact: true }).selectOption("recycling-contamination-rate");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
  });

  it("previews the household waste recycling table: West Suffolk 2023-24 is 37.1", async () => {
    const { page } = preview;
    await page.getByLabel("Metric", { exact: true }).selectOption("household-waste-recycling-rate");
    // The periods appear once the shipped data has loaded.
    const period = page.getByLabel("Period", { exact: true });
    await expect.poll(() => period.locator('option[value="2023-24"]').count(), { timeout: 15_000 }).toBe(1);
    await period.selectOption("2023-24");
    await page.getByRole("button", { name: "Insert table" }).click();

    const table = page.getByRole("region", { name: "Table preview" }).getByRole("table");
    await table.waitFor({ timeout: 15_000 });
    const headers = await table.getByRole("columnheader").allTextContents();
    expect(headers.slice(0, 4)).toEqual(["Council code", "Council", "Period", "Value"]);
    const row = table.getByRole("row").filter({ hasText: "West Suffolk" });
    expect(await row.count()).toBe(1);
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells.slice(0, 4)).toEqual(["E07000245", "West Suffolk", "2023-24", "37.1"]);

    // The data came from the add-in's own server, and nothing tried to leave the machine.
    expect(preview.requests).toContain(`${env.baseUrl}/data/default-snapshot.json`);
    expect(preview.blocked).toEqual([]);
    expect(preview.errors).toEqual([]);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, "preview.png");
  });
});
