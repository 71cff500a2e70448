/** Markers publishers use for a value that is missing, suppressed or not applicable. */
export const MISSING_MARKERS: ReadonlySet<string> = new Set([
  "",
  "na",
  "n/a",
  "..",
  ":",
  "x",
  "[c]",
  "[x]",
  "[z]",
  "[y]",
  "[u]",
  "-",
  "*",
  "…",
  "...",
  "none",
  "null",
]);

export type ParsedValue = { value: number; missing?: undefined } | { value: null; missing: string };

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
/** Thousands separators only in whole groups of three: 1,234 and 12,345,678.5, never 1,23 (a decimal comma). */
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** The reason given for a cell that is neither a number nor a known missing marker. */
export const NOT_A_NUMBER = "not a number";

/**
 * Reads one published cell. Numbers may carry thousands separators or a trailing %; anything else is
 * missing, with the marker kept as the reason ("empty" for a blank cell), and text that is not a number
 * (including "1,23" and numbers too large to hold, such as 1e400) says so.
 */
export function parseValue(text: string | null | undefined): ParsedValue {
  const t = (text ?? "").trim();
  if (t === "") return { value: null, missing: "empty" };
  if (MISSING_MARKERS.has(t.toLowerCase())) return { value: null, missing: t };
  const unit = t.replace(/%$/, "");
  const plain = GROUPED.test(unit) ? unit.replace(/,/g, "") : unit;
  if (NUMBER.test(plain)) {
    const value = Number(plain);
    if (Number.isFinite(value)) return { value };
  }
  return { value: null, missing: `${NOT_A_NUMBER}: ${t}` };
}
