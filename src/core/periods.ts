// Periods as publishers write them, turned into ids that sort in time order and read well.
//   financial year       "2023-24"
//   ONS academic year     "2023-08-01/P1Y"  -> id "2023-24"
//   rolling 12 months     "YE2025-03"       -> shown as "12 months to Mar 2025"

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const FINANCIAL_YEAR = /^(\d{4})[-/](\d{2}|\d{4})$/;
const ISO_YEAR_INTERVAL = /^(\d{4})-(\d{2})-(\d{2})\/P1Y$/;
const YEAR_ENDING = /^YE(\d{4})-(\d{2})$/;

/** Turns a published period into our id; unknown shapes are kept as they are (trimmed). */
export function periodId(text: string): string {
  const t = text.trim();
  const interval = ISO_YEAR_INTERVAL.exec(t);
  if (interval) return yearSpan(Number(interval[1]));
  const fy = FINANCIAL_YEAR.exec(t);
  if (fy) return yearSpan(Number(fy[1]));
  return t;
}

function yearSpan(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

/** A period's label for people: rolling windows read "12 months to Mar 2025"; others are their id. */
export function periodLabel(id: string): string {
  const ye = YEAR_ENDING.exec(id);
  if (ye) return `12 months to ${MONTHS[Number(ye[2]) - 1]} ${ye[1]}`;
  return id;
}

/**
 * When the period ends, as year × 12 + month, so financial years, academic years and rolling windows
 * share one time line. NaN for shapes we do not know (they sort last, by text).
 */
export function periodEnd(id: string): number {
  const ye = YEAR_ENDING.exec(id);
  if (ye) return Number(ye[1]) * 12 + Number(ye[2]);
  const fy = FINANCIAL_YEAR.exec(id);
  if (fy) return (Number(fy[1]) + 1) * 12 + 3; // 2023-24 ends March 2024
  return NaN;
}

/**
 * The first day of a period ("2020-21" → "2020-04-01"; "YE2025-03" → "2024-04-01"), to compare with the
 * dates councils were created; undefined for shapes we do not know.
 */
export function periodStart(id: string): string | undefined {
  const end = periodEnd(id); // year × 12 + month of the last month
  if (Number.isNaN(end)) return undefined;
  const first = end - 11; // a year's periods: twelve months
  const year = Math.floor((first - 1) / 12);
  const month = first - year * 12;
  return `${year}-${String(month).padStart(2, "0")}-01`;
}

/** Sort order: oldest first. */
export function comparePeriods(a: string, b: string): number {
  const ea = periodEnd(a);
  const eb = periodEnd(b);
  if (Number.isNaN(ea) || Number.isNaN(eb)) {
    if (Number.isNaN(ea) !== Number.isNaN(eb)) return Number.isNaN(ea) ? 1 : -1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return ea - eb || (a < b ? -1 : a > b ? 1 : 0);
}

/** Distinct periods, oldest first. */
export function sortPeriods(periods: Iterable<string>): string[] {
  return [...new Set(periods)].sort(comparePeriods);
}
