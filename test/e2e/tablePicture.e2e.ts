// The README's picture of a live benchmark table: West Suffolk among its CIPFA nearest neighbours, best
// first, band colours, the key and the chart, drawn from the fake workbook after a real insert. Written to
// docs/table.png with UPDATE_SCREENSHOTS=1; otherwise drawn to test-results to check that it still draws.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { formatAddress, parseAddress } from "../fakes/a1.js";
import { cellStyle } from "../fakes/cellStyles.js";
import { describeCharts } from "../fakes/charts.js";
import { closeWorkbook, openWorkbook } from "../excel/harness.js";
import { CHROMIUM, CHROMIUM_ARGS } from "./support/harness.js";
import { repoRoot, resultsDir } from "./support/paths.js";
import { sheetHtml, type PictureCell } from "./support/sheetPicture.js";

afterEach(closeWorkbook);

describe("the README's picture of a table", () => {
  it("draws a live table with its colours, key and chart", async () => {
    const { excel, workbook } = openWorkbook();
    const inserted = await workbook.insertTable({
      metric: "household-waste-recycling-rate",
      period: "latest",
      group: { council: "West Suffolk", kind: "nearest" },
      groupOnly: true,
      sort: "score",
      focus: "West Suffolk",
      live: true,
    });
    const t = excel.table(inserted.table)!;
    const { rect } = parseAddress(t.address)!;
    const sheet = excel.state.sheets.find((s) => s.name === t.sheet)!;
    const area = { row: 0, col: 0, rows: rect.row + rect.rows, cols: rect.col + t.headers.length + 10 };
    const address = formatAddress(t.sheet, area);
    const values = excel.values(address);
    const formats = excel.numberFormats(address);
    const styles = excel.conditionalStyles(address);
    const cells: PictureCell[][] = values.map((row, r) =>
      row.map((value, c) => ({
        value,
        format: formats[r][c],
        fill: styles[r][c]?.fill ?? cellStyle(sheet, r, c)?.fill ?? (r === rect.row ? "#DDEBF7" : undefined),
        font: styles[r][c]?.fontColor ?? cellStyle(sheet, r, c)?.font,
        bold: styles[r][c]?.bold ?? r === rect.row,
      })),
    );
    const [chart] = describeCharts(sheet);
    const scores = excel.values(chart.values).map(([v]) => (typeof v === "number" ? v : ("" as const)));
    const names = excel.values(chart.categories!).map(([v]) => String(v));
    expect(scores.filter((v) => v !== "").length).toBeGreaterThan(10);
    const html = sheetHtml(
      cells,
      {
        title: chart.title!,
        values: scores,
        categories: names,
        fills: scores.map((_, i) => chart.pointFills[i] ?? chart.seriesFill!),
      },
      { row: rect.row - 1, col: rect.col + t.headers.length + 1 },
      [84, 170, 60, 50, 56, 48, 70, 96, 56, 56, 210, 20, ...Array(9).fill(56)],
    );
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1720, height: 22 * (area.rows + 1) + 4 } });
      await page.setContent(html);
      const out =
        process.env.UPDATE_SCREENSHOTS === "1"
          ? join(repoRoot, "docs/table.png")
          : join(resultsDir, "table.png");
      mkdirSync(join(out, ".."), { recursive: true });
      await page.screenshot({ path: out });
    } finally {
      await browser.close();
    }
  });
});
