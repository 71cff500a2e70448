// Metadata of a LADE metric taken from LADE's own file: its label from the Measure column, its polarity
// from rank_order, and caveats from what the file holds (missing years, missing councils). The unit is the
// only part the file lacks, so the catalogue keeps it.
import { csvParse } from "d3-dsv";
import type { PublishedMetadata } from "../src/core/catalogue/types.js";
import { parsePolarity } from "../src/core/polarity.js";
import { periodLabel, sortPeriods } from "../src/core/periods.js";

const LADE_URL = "https://github.com/communitiesuk/oflog-automated-text";

/** The measure as LADE names it, without its "Outcome, " prefix: "Workforce turnover rate". */
export function ladeLabel(measure: string): string {
  return measure.replace(/^Outcome,\s*/, "").replace(/\s+:\s+/g, ": ");
}

export function ladeMetadata(csvText: string, code: string, unit: string, file: string): PublishedMetadata {
  const rows = csvParse(csvText.replace(/^\uFEFF/, "")).filter((r) => r["Code"] === code);
  if (!rows.length) throw new Error(`${file}: no rows for ${code}`);
  const measures = new Set(rows.map((r) => r["Measure"] ?? ""));
  if (measures.size !== 1)
    throw new Error(`${file}: ${code} has several measures: ${[...measures].join("; ")}`);
  const orders = new Set(rows.map((r) => parsePolarity(r["rank_order"])).filter((p) => p !== undefined));
  if (orders.size !== 1) throw new Error(`${file}: ${code} has no single rank_order`);
  const polarity = [...orders][0]!;

  const caveats: string[] = [];
  const periods = sortPeriods(new Set(rows.map((r) => r["Financial year"] ?? "")));
  const gaps = financialYearsBetween(periods[0], periods.at(-1)!).filter((p) => !periods.includes(p));
  if (gaps.length)
    caveats.push(
      `No values for ${gaps.map(periodLabel).join(", ")}: the survey behind this measure was not run in ${gaps.length > 1 ? "those years" : "that year"}.`,
    );
  const missing = periods.map((p) => {
    const inPeriod = rows.filter((r) => r["Financial year"] === p);
    return {
      p,
      missing: inPeriod.filter((r) => (r["Value"] ?? "").trim() === "").length,
      of: inPeriod.length,
    };
  });
  const many = missing.filter((m) => m.missing > m.of / 10);
  if (many.length) {
    const counts = many.map((m) => m.missing);
    caveats.push(
      `Many councils have no value in ${many.map((m) => periodLabel(m.p)).join(", ")} ` +
        `(${Math.min(...counts)} to ${Math.max(...counts)} of ${many[0].of} a year): they get no score, ` +
        "and the median is of those that have one.",
    );
  }
  if (polarity === "none")
    caveats.push(
      "LADE gives this measure no polarity: neither higher nor lower is better, so bands say higher or lower, not better or worse.",
    );
  if (unit.startsWith("requests per"))
    caveats.push(
      "LADE published this rate without its unit; its values (about 130 to 18,000) are a rate per 100,000 adults.",
    );
  return {
    label: ladeLabel([...measures][0]),
    unit,
    polarity,
    publisher: "Office for Local Government (Oflog), Local Authority Data Explorer",
    publication: `Oflog Local Authority Data Explorer, adult social care (ASC_data.csv, Nov 2024), measure ${code}`,
    publisherUrl: LADE_URL,
    licence: "Open Government Licence v3.0 (Crown copyright)",
    caveats,
    official: true,
  };
}

/** Every financial year from `first` to `last` ("2015-16" … "2022-23"). */
function financialYearsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++)
    out.push(`${y}-${String((y + 1) % 100).padStart(2, "0")}`);
  return out;
}
