// Draws a sheet of the fake workbook as HTML, roughly as Excel would show it: gridlines, column letters and
// row numbers, each cell's value in its number format, the fills conditional formats and fixed formats give
// it, and the sheet's chart as a column chart. For the README's picture of a benchmark table.
import type { Scalar } from "../../fakes/fakeExcel.js";

export interface PictureCell {
  value: Scalar;
  format: string;
  fill?: string;
  font?: string;
  bold?: boolean;
}

export interface PictureChart {
  title: string;
  /** One column per category; "" (no score) leaves a gap. */
  values: (number | "")[];
  categories: string[];
  fills: string[];
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** A value as its number format shows it (the few formats benchmark tables use). */
export function shown(value: Scalar, format: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return String(value);
  const fixed = /^0\.(0+)$/.exec(format);
  if (fixed) return value.toFixed(fixed[1].length);
  if (format === "#,##0.0##")
    return value.toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 3 });
  return String(Number(value.toPrecision(10)));
}

/** A long chart title wrapped at words, about 75 characters a line. */
function titleLines(title: string): string[] {
  const lines: string[] = [];
  for (const word of title.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + word.length < 75) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function chartSvg(chart: PictureChart, width: number, height: number): string {
  const numbers = chart.values.filter((v): v is number => typeof v === "number");
  const top = Math.max(1, ...numbers);
  const bottom = Math.min(-1, ...numbers);
  const [left, right, head, foot] = [36, 8, 54, 110];
  const plot = { w: width - left - right, h: height - head - foot };
  const y = (v: number) => head + ((top - v) / (top - bottom)) * plot.h;
  const step = plot.w / chart.values.length;
  const bars = chart.values
    .map((v, i) => {
      if (v === "") return "";
      const [a, b] = [y(Math.max(0, v)), y(Math.min(0, v))];
      const x = left + i * step + step * 0.15;
      return `<rect x="${x}" y="${a}" width="${step * 0.7}" height="${Math.max(1, b - a)}" fill="${chart.fills[i]}"/>`;
    })
    .join("");
  const labels = chart.categories
    .map((c, i) => {
      const x = left + i * step + step / 2;
      return `<text transform="translate(${x},${head + plot.h + 8}) rotate(-60)" text-anchor="end" font-size="10">${escape(c)}</text>`;
    })
    .join("");
  const ticks = [Math.ceil(bottom), 0, Math.floor(top)]
    .map((t) => `<text x="${left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="10">${t}</text>`)
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img">
    <rect width="100%" height="100%" fill="#fff" stroke="#bfbfbf"/>
    ${titleLines(chart.title)
      .map(
        (line, i) =>
          `<text x="${width / 2}" y="${16 + 14 * i}" text-anchor="middle" font-size="12">${escape(line)}</text>`,
      )
      .join("")}
    <line x1="${left}" x2="${width - right}" y1="${y(0)}" y2="${y(0)}" stroke="#808080"/>
    ${bars}${labels}${ticks}</svg>`;
}

/** The page: the cells from A1 with the chart floating at `chartAt` (0-based row and column). */
export function sheetHtml(
  cells: PictureCell[][],
  chart: PictureChart | undefined,
  chartAt: { row: number; col: number },
  widths: number[],
): string {
  const letters = widths.map((_, c) => String.fromCharCode(65 + c));
  const head = `<tr><th style="width:26px"></th>${letters.map((l, c) => `<th style="width:${widths[c]}px">${l}</th>`).join("")}</tr>`;
  const rows = cells
    .map((row, r) => {
      const tds = row
        .map((cell, c) => {
          // Text runs on over empty cells to its right, as in Excel.
          const spill = typeof cell.value === "string" && c + 1 < row.length && row[c + 1].value === "";
          const style = [
            cell.fill ? `background:${cell.fill}` : "",
            cell.font ? `color:${cell.font}` : "",
            cell.bold ? "font-weight:bold" : "",
            typeof cell.value === "number" ? "text-align:right" : "",
          ].join(";");
          return `<td style="${style}"${spill ? ' class="spill"' : ""}>${escape(shown(cell.value, cell.format))}</td>`;
        })
        .join("");
      return `<tr><th>${r + 1}</th>${tds}</tr>`;
    })
    .join("");
  // A column is its width, 8 px of padding and a 1 px border; the row numbers' column comes first.
  const x = 35 + widths.slice(0, chartAt.col).reduce((a, b) => a + b + 9, 0);
  const y = 21 * (chartAt.row + 1);
  const total = 35 + widths.reduce((a, b) => a + b + 9, 0);
  const drawn = chart
    ? `<div style="position:absolute;left:${x}px;top:${y}px;z-index:2">${chartSvg(chart, 520, 380)}</div>`
    : "";
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; font: 12px Carlito, Calibri, "Liberation Sans", Arial, sans-serif; background: #fff; }
    div.sheet { position: relative; overflow: hidden; width: ${total}px; }
    table { border-collapse: collapse; table-layout: fixed; width: ${total}px; }
    td, th { border: 1px solid #d4d4d4; height: 20px; padding: 0 4px; white-space: nowrap; overflow: hidden; }
    td.spill { overflow: visible; position: relative; z-index: 1; }
    th { background: #f3f3f3; color: #555; font-weight: normal; }
    th:first-child { width: 26px; }
  </style></head><body><div class="sheet"><table>${head}${rows}</table>${drawn}</div></body></html>`;
}
