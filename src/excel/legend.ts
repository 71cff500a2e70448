// The key to a metric table's band colours, in the row just above its header: each band's word in its own
// colour, as the Band column's conditional formats colour it, so the colours are explained on the sheet.
import { BAND_STYLES } from "../core/bandStyles.js";
import type { BenchmarkTable } from "../core/table.js";

/** Its first cell, before the bands. */
export const LEGEND_LABEL = "Band colours:";

/** Queues the key at sheet row `row`, from column `left`: fixed fills, written once with the table. */
export function queueLegend(sheet: Excel.Worksheet, table: BenchmarkTable, row: number, left: number): void {
  const bands = table.legend;
  if (!bands) return;
  const cells = sheet.getRangeByIndexes(row, left, 1, bands.length + 1);
  cells.numberFormat = [Array.from({ length: bands.length + 1 }, () => "@")];
  cells.values = [[LEGEND_LABEL, ...bands]];
  bands.forEach((band, i) => {
    const cell = sheet.getRangeByIndexes(row, left + 1 + i, 1, 1);
    cell.format.fill.color = BAND_STYLES[band].fill;
    cell.format.font.color = BAND_STYLES[band].font;
  });
}
