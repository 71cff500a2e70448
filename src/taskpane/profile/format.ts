// Numbers as the pane shows them: the metric's own decimals, with its unit in words or a symbol.
import { findMetric } from "../../core/catalogue/index.js";
import type { Trend } from "../../core/profile.js";
import { formatCell } from "../formatCell.js";

/** The number alone, with the metric's Excel number format's decimals ("0.0" → 37.1). */
export function formatNumber(value: number, metric: string): string {
  const numberFormat = findMetric(metric)?.numberFormat ?? "#,##0.0##";
  return formatCell(value, { name: "", kind: "number", numberFormat: numberFormat.replace(/^0\b/, "#,##0") });
}

/** The number with its unit: "37.1%", "£5,516k", "506 kg per household"; "no value" for none. */
export function formatValue(value: number | null | undefined, metric: string, unit: string): string {
  if (value === null || value === undefined) return "no value";
  const n = formatNumber(value, metric);
  if (unit === "percent") return `${n}%`;
  if (unit.startsWith("percent ")) return `${n}% ${unit.slice("percent ".length)}`;
  if (unit === "GBP thousand") return `£${n}k`;
  return `${n} ${unit}`;
}

/** The unit in words, for definitions: "GBP thousand" → "£ thousand". */
export function unitWords(unit: string): string {
  return unit === "GBP thousand" ? "£ thousand" : unit;
}

/** The words of a recent trend with an arrow that points the better way up: "↗ improving". */
export function trendArrow(trend: Trend | null): string {
  switch (trend) {
    case "improving":
      return "↗";
    case "worsening":
      return "↘";
    case "increasing":
      return "↑";
    case "decreasing":
      return "↓";
    case "no clear change":
      return "→";
    default:
      return "";
  }
}
