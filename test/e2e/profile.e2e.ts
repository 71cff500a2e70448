// The council profile on preview.html (no Excel), against the shipped data: pick a council with the
// keyboard alone (by a former council's name), read its profile, open a metric's detail with the keyboard
// and come back, with axe finding no serious or critical violation in any of those states.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import { screenshot, startE2E, type E2E, type OpenedPage } from "./support/harness.js";
import { repoRoot } from "./support/paths.js";

const RECYCLING = "household-waste-recycling-rate";

let env: E2E;
let preview: OpenedPage;

beforeAll(async () => {
  env = await startE2E();
  preview = await env.open("preview.html", { office: false });
});

afterAll(async () => {
  await env?.close();
});

/** The text of the element the keyboard is on. */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");
/** Whether the keyboard is on this element. */
const isFocused = (locator: ReturnType<Page["locator"]>) =>
  locator.evaluate((el) => el === document.activeElement);

const row = (page: Page, metric: string) => page.locator(`li[data-metric="${metric}"]`);

describe("council profile on the preview page", () => {
  it("has no serious accessibility violation before anything is chosen", async () => {
    const { page } = preview;
    await page.getByRole("heading", { name: "Council profile" }).waitFor();
    await expectNoSeriousViolations(page, "pane, nothing chosen");
  });

  it("picks a council with the keyboard alone, by a former council's name", async () => {
    const { page } = preview;
    // Tab from the top of the page to "My council": it is the first control, council first.
    const box = page.getByRole("combobox", { name: "My council", exact: true });
    await page.locator("body").focus();
    for (let i = 0; i < 10 && !(await isFocused(box)); i++) await page.keyboard.press("Tab");
    expect(await isFocused(box)).toBe(true);

    await page.keyboard.type("St Edmundsbury");
    const option = page.getByRole("option", { name: "West Suffolk (formerly St Edmundsbury)" });
    await option.waitFor({ timeout: 15_000 }); // the councils load with the data, on first use
    await expectNoSeriousViolations(page, "council list open");
    const optionId = await option.getAttribute("id");
    for (let i = 0; i < 10 && (await box.getAttribute("aria-activedescendant")) !== optionId; i++)
      await page.keyboard.press("ArrowDown");
    expect(await box.getAttribute("aria-activedescendant")).toBe(optionId);
    await page.keyboard.press("Enter");

    await page.getByText(/^Profile of West Suffolk: \d+ metrics/).waitFor({ timeout: 15_000 });
    expect(await box.inputValue()).toBe("West Suffolk");
    await page.getByText(/remembered in this browser/).waitFor();
  });

  it("shows every metric by domain with value, band, rank, trend and a strip chart", async () => {
    const { page } = preview;
    for (const domain of ["Adult social care", "Waste", "Planning", "Finance"])
      await page.getByRole("heading", { name: domain, exact: true }).waitFor();
    const recycling = row(page, RECYCLING);
    const text = await recycling.textContent();
    expect(text).toContain("37.1%");
    expect(text).toContain("slightly worse");
    expect(text).toMatch(/Rank \d+ of \d+/);
    // The chart comes in its own chunk, after the list.
    const chart = recycling.getByRole("img");
    await chart.waitFor({ timeout: 15_000 });
    expect(await chart.getAttribute("aria-label")).toMatch(
      /^West Suffolk 37\.1%, median 42\.3%, \d+ of \d+ councils compared$/,
    );
    expect(preview.requests.some((u) => /\/profile-charts\.js$/.test(u))).toBe(true);
    // A district does not run adult social care: said in words, no rank and no chart.
    const asc = row(page, "ASC1");
    expect(await asc.textContent()).toContain("not applicable");
    expect(await asc.getByRole("img").count()).toBe(0);
    await expectNoSeriousViolations(page, "profile, England");
  });

  it("compares with the nearest neighbours: ranks within the group, the group highlighted", async () => {
    const { page } = preview;
    await page.getByLabel("Compare my council with").selectOption("nearest");
    await page.getByText(/compared within CIPFA nearest neighbours of West Suffolk/).waitFor();
    const recycling = row(page, RECYCLING);
    expect(await recycling.textContent()).toContain("Rank 15 of 16");
    await expect
      .poll(() => recycling.getByRole("img").getAttribute("aria-label"))
      .toBe("West Suffolk 37.1%, England median 42.3%, group median 49.5%, 15 of 16 in the group");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await expectNoSeriousViolations(page, "profile, nearest neighbours");

    await page.getByRole("heading", { name: "Council profile" }).scrollIntoViewIfNeeded();
    const shot = await screenshot(page, "profile.png");
    if (process.env.UPDATE_SCREENSHOTS === "1") {
      mkdirSync(join(repoRoot, "docs"), { recursive: true });
      const region = page.getByRole("region", { name: "Council profile" });
      const top = await region.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      await page.screenshot({
        path: join(repoRoot, "docs/profile.png"),
        clip: { x: 0, y: Math.max(0, top - 8), width: 420, height: 1000 },
        fullPage: true,
      });
    } else expect(shot).toMatch(/profile\.png$/);
  });

  it("opens a metric's detail with the keyboard, and Escape returns to the metric", async () => {
    const { page } = preview;
    const button = row(page, RECYCLING).getByRole("button");
    await button.focus();
    await page.keyboard.press("Enter");

    const heading = page.getByRole("heading", { level: 3, name: /household waste sent for reuse/ });
    await heading.waitFor({ timeout: 15_000 });
    expect(await focusedText(page)).toMatch(/household waste sent for reuse/);
    expect(preview.requests.some((u) => /\/profile-detail\.js$/.test(u))).toBe(true);
    await page.getByRole("heading", { name: "Where West Suffolk stands" }).waitFor();
    await page.getByRole("heading", { name: "Trend over every period" }).waitFor();
    await page.getByRole("heading", { name: "Who to learn from" }).waitFor();
    expect(await page.getByRole("img", { name: /^West Suffolk .* in 2023-24; group median/ }).count()).toBe(
      1,
    );
    await expectNoSeriousViolations(page, "metric detail");

    // The charts' numbers as tables, opened from the keyboard too.
    for (const summary of await page.locator("summary").all()) {
      await summary.focus();
      await page.keyboard.press("Enter");
    }
    await page.getByRole("table", { name: /by period$/ }).waitFor();
    await expectNoSeriousViolations(page, "metric detail, tables open");
    await screenshot(page, "profile-detail.png");

    await page.keyboard.press("Escape");
    await page.getByText(/^Profile of West Suffolk:/).waitFor();
    expect(await focusedText(page)).toMatch(/household waste sent for reuse/);

    // Back works the same way.
    await row(page, "recycling-contamination-rate").getByRole("button").focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Back to the profile" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedText(page)).toMatch(/^Recycling contamination rate/);
    expect(preview.errors).toEqual([]);
    expect(preview.blocked).toEqual([]);
  });

  it("opens on the same council and comparison next time", async () => {
    const { page } = preview;
    await page.reload({ waitUntil: "load" });
    await page
      .getByText(/^Profile of West Suffolk: \d+ metrics, compared within CIPFA nearest neighbours/)
      .waitFor({ timeout: 15_000 });
    expect(await page.getByLabel("Compare my council with").inputValue()).toBe("nearest");
  });
});
