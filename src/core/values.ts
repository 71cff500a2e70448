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

/**
 * Reads one published cell. Numbers may carry thousands separators or a trailing %; anything else is
 * missing, with the marker kept as the reason ("empty" for a blank cell).
 */
export function parseValue(text: string | null | undefined): ParsedValue {
  const t = (text ?? "").trim();
  if (t === "") return { value: null, missing: "empty" };
  if (MISSING_MARKERS.has(t.toLowerCase())) return { value: null, missing: t };
  const plain = t.replace(/,/g, "").replace(/%$/, "");
  if (NUMBER.test(plain)) return { value: Number(plain) };
  return { value: null, missing: `not a number: ${t}` };
}
