// Shows a table cell in the pane roughly as Excel shows it with the column's number format.
import type { CellValue, TableColumn } from "../core/table.js";

/** Decimal places an Excel format asks for: "0.0" → 1..1, "#,##0.0##" → 1..3, "General" → 0..6. */
function decimals(format: string): { min: number; max: number } {
  const m = /\.([0#]+)/.exec(format);
  if (!m) return format === "General" ? { min: 0, max: 6 } : { min: 0, max: 0 };
  return { min: (m[1].match(/0/g) ?? []).length, max: m[1].length };
}

export function formatCell(value: CellValue, column: TableColumn): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "Yes" : "";
  if (typeof value === "string") return value;
  const { min, max } = decimals(column.numberFormat);
  return new Intl.NumberFormat("en-GB", {
    minimumFractionDigits: min,
    maximumFractionDigits: max,
    useGrouping: column.numberFormat.includes(","),
  }).format(value);
}
