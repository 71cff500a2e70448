// MHCLG planning live table P153 (speed of non-major decisions) as mirrored by MHCLG's digital-land team
// (github.com/digital-land/performance, data/p153.csv): one row per planning authority for one rolling
// 12-month window. The mirror carries no period, so the caller names it (refresh infers it from the
// commit's date).
import { decodeText } from "../text.js";
import { readCsv } from "../parsers/csv.js";
import type { Observation } from "../model.js";
import { periodId } from "../periods.js";
import { parseValue } from "../values.js";
import { LayoutError } from "../spreadsheet/table.js";
import type { PublisherReader } from "./types.js";

const METRIC = "non-major-planning-decisions-in-time";
const COLUMNS = ["reference", "name", "percentage"] as const;

/**
 * The period id of the 12 months a P153 mirror file is for, which the caller must give; `how` is how to
 * give it, for the message.
 */
export function p153Period(period: string | undefined, how = "YE2025-12"): string {
  if (!period)
    throw new LayoutError(
      `The P153 mirror does not say which 12 months it covers: give the period, e.g. ${how} (12 months ending December 2025)`,
    );
  const id = periodId(period);
  if (!/^YE\d{4}-\d{2}$/.test(id))
    throw new LayoutError(`P153 periods are rolling 12 months such as YE2025-12, not "${period}"`);
  return id;
}

export const p153Reader: PublisherReader = {
  id: "mhclg-planning-p153",
  name: "MHCLG planning live table P153 (mirrored by MHCLG digital-land)",
  kind: "csv",
  metrics: [METRIC],
  read(bytes, options = {}) {
    const period = p153Period(options.period);
    const table = readCsv(decodeText(bytes));
    const at = Object.fromEntries(COLUMNS.map((c) => [c, table.header.indexOf(c)])) as Record<
      (typeof COLUMNS)[number],
      number
    >;
    const missing = COLUMNS.filter((c) => at[c] < 0);
    if (missing.length)
      throw new LayoutError(`The P153 file has no column ${missing.map((c) => `"${c}"`).join(", ")}`);
    const out: Observation[] = [];
    for (const row of table.rows) {
      const areacd = (row[at.reference] ?? "").trim();
      // England and regional totals have no GSS code of a council.
      if (!/^E\d{8}$/.test(areacd)) continue;
      // MHCLG appends footnote numbers to some names ("Sheffield 7", "Sheffield7",
      // "Hartlepool Development Corporation 4,"): not part of the name.
      const areanm = (row[at.name] ?? "").replace(/[\s\d,]+$/, "").trim();
      const parsed = parseValue(row[at.percentage]);
      const o: Observation = { metric: METRIC, period, areacd, areanm, value: parsed.value };
      if (parsed.missing !== undefined) o.missing = parsed.missing;
      out.push(o);
    }
    if (!out.length) throw new LayoutError("The P153 file has no rows for any planning authority");
    return out;
  },
};

const DAY = 86_400_000;

/**
 * The 12 months a P153 release covers, from the date the mirror took it in: MHCLG publishes each quarter's
 * figures about 11 weeks after the quarter ends, so the window is the latest one that ended at least 60
 * days earlier (checked against every mirrored release since December 2024).
 */
export function p153PeriodOf(committed: string): string {
  const t = Date.parse(committed);
  if (!Number.isFinite(t)) throw new Error(`Not a date: ${committed}`);
  const cutoff = new Date(t - 60 * DAY);
  let year = cutoff.getUTCFullYear();
  let month = Math.floor(cutoff.getUTCMonth() / 3) * 3; // first month of the cutoff's quarter (0-based)
  // The quarter before the cutoff's own one has ended; the cutoff's quarter ends after it.
  if (month === 0) {
    year -= 1;
    month = 12;
  }
  return `YE${year}-${String(month).padStart(2, "0")}`;
}
