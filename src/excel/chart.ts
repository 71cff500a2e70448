// A native chart beside a benchmark table: a column per compared council, its MAD score in the table's
// period (the latest, for a table of all periods), my council's column in a colour of its own. The chart
// plots the table's cells, so it redraws when a live score recalculates; a refresh sets its data again to
// the table's new rows and colours my council's column anew.
// Once made it is the user's to move, resize or delete: a refresh never brings a deleted chart back.
import type { Status } from "../core/scoring.js";
import type { BenchmarkTable } from "../core/table.js";
import { supports } from "./blocks.js";

const NOT_COMPARED: Status = "not-compared";

/** Other councils' columns, and my council's: a blue and an orange that colour-blind readers tell apart. */
export const CHART_FILLS = { council: "#7F9FBF", focus: "#D55E00" } as const;

/** Excel's chart name for a table's chart: found by it on refresh. */
export const chartName = (table: string): string => `${table} chart`;

/** Where a table's body is on its sheet (0-based) and how wide the table is. */
export interface ChartPlace {
  top: number;
  left: number;
  rows: number;
  width: number;
}

/** The table's chart on the sheet, if the user has not deleted it (two syncs at most). */
export async function findChart(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  table: string,
): Promise<Excel.Chart | undefined> {
  const charts = sheet.charts.load("items/name");
  await context.sync();
  return charts.items.find((c) => c.name === chartName(table));
}

/**
 * Queues the chart's data: a new chart beside the table when `chart` is "new", else the existing one's data
 * set again. `rows` are the body's rows (the table's own, or those a failed refresh puts back), for finding
 * my council's column by its Council code.
 */
export function queueChart(
  sheet: Excel.Worksheet,
  chart: Excel.Chart | "new",
  table: BenchmarkTable,
  name: string,
  place: ChartPlace,
  rows: readonly (readonly unknown[])[] = table.rows,
): void {
  const spec = table.chart;
  if (!spec) return;
  const columns = table.columns.map((c) => c.name);
  // The last period's rows, at the end of the body (periods run oldest first): all of a one-period table.
  const period = columns.indexOf("Period");
  const body = rows.slice(0, place.rows);
  const last = body.at(-1)?.[period];
  let first = body.length;
  while (first > 0 && body[first - 1][period] === last) first--;
  // Councils outside the comparison follow those in it (core/table.ts) and have no score to plot.
  const band = columns.indexOf("Band");
  let end = body.length;
  while (end > first && body[end - 1][band] === NOT_COMPARED) end--;
  const count = end - first;
  if (count === 0) return;
  const column = (col: string) =>
    sheet.getRangeByIndexes(place.top + first, place.left + columns.indexOf(col), count, 1);
  const scores = column("MAD score");
  let target: Excel.Chart;
  if (chart === "new") {
    target = sheet.charts.add("ColumnClustered", scores, "Columns");
    target.name = chartName(name);
    target.legend.visible = false;
    // Beside the table, level with its header: nine columns wide, twenty rows high.
    const right = place.left + place.width + 1;
    target.setPosition(
      sheet.getRangeByIndexes(place.top - 1, right, 1, 1),
      sheet.getRangeByIndexes(place.top + 18, right + 8, 1, 1),
    );
  } else {
    target = chart;
    target.setData(scores, "Columns");
  }
  target.title.text = spec.title;
  const series = target.series.getItemAt(0);
  series.name = "MAD score";
  if (supports("1.7")) series.setXAxisValues(column("Council"));
  series.format.fill.setSolidColor(CHART_FILLS.council);
  const mine = new Set(table.highlight?.focus?.codes ?? []);
  const code = columns.indexOf("Council code");
  body.slice(first, end).forEach((row, i) => {
    // eslint-disable-next-line office-addins/load-object-before-read -- format.fill is navigation, not a read
    const point = series.points.getItemAt(i).format.fill;
    if (mine.has(String(row[code] ?? ""))) point.setSolidColor(CHART_FILLS.focus);
    // A column an earlier refresh coloured as my council's may keep its own fill through setData.
    else if (chart !== "new") point.setSolidColor(CHART_FILLS.council);
  });
}
