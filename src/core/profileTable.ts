// The council profile as rows of cells: the profile sheet, BENCH.PROFILE's spill and `cli profile` all
// take their columns from here, so they show the same numbers in the same order.
import type { Benchmarks } from "./benchmarks.js";
import { periodLabel } from "./periods.js";
import { bandWords, councilProfile, rankText, type ProfileOptions, type ProfileRow } from "./profile.js";
import type { BenchmarkTable, CellValue, TableColumn } from "./table.js";
import { TEXT_FORMAT } from "./tableFormat.js";

const DOMAIN_WORDS: Record<ProfileRow["domain"], string> = {
  "adult-skills": "Adult skills",
  "adult-social-care": "Adult social care",
  finance: "Finance",
  planning: "Planning",
  roads: "Roads",
  waste: "Waste",
};

/** Flags as people read them. */
export function flagWords(row: ProfileRow): string {
  return row.flags
    .map((f) =>
      f === "small-comparison"
        ? `small comparison: ${row.compared} council${row.compared === 1 ? "" : "s"}`
        : f === "early-warning"
          ? "early warning"
          : "not applicable",
    )
    .join("; ");
}

type Kind = TableColumn["kind"];
const col = (name: string, kind: Kind, numberFormat: string): TableColumn => ({ name, kind, numberFormat });
const text = (name: string) => col(name, "text", TEXT_FORMAT);
const number = (name: string, format = "General") => col(name, "number", format);

/** The profile's columns; refresh finds them by name, so renaming one breaks old workbooks. */
export const PROFILE_COLUMNS: readonly TableColumn[] = [
  text("Domain"),
  text("Metric"),
  text("Period"),
  number("Value"),
  text("Unit"),
  number("England median"),
  number("Group median"),
  number("MAD score", "0.00"),
  number("Group score", "0.00"),
  text("Band"),
  text("Rank"),
  number("Compared", "0"),
  number("Quartile", "0"),
  text("Trend"),
  text("Flags"),
  text("Learn from"),
  text("Note"),
];

/** One profile row as cells, in PROFILE_COLUMNS order. */
export function profileCells(r: ProfileRow): CellValue[] {
  return [
    DOMAIN_WORDS[r.domain],
    r.metricName,
    periodLabel(r.period),
    r.value,
    r.unit,
    r.englandMedian,
    r.groupMedian,
    r.score,
    r.groupScore,
    bandWords(r.band),
    rankText(r),
    r.compared || null,
    r.quartile,
    r.trend,
    flagWords(r) || null,
    r.learnFrom.map((l) => l.name).join(", ") || null,
    r.note,
  ];
}

/** The profile as a table: what the profile sheet holds and the preview shows. */
export function profileTable(
  benchmarks: Benchmarks,
  council: string,
  options: ProfileOptions = {},
  info: { attribution?: string } = {},
): BenchmarkTable {
  const profile = councilProfile(benchmarks, council, options);
  return {
    columns: [...PROFILE_COLUMNS],
    rows: profile.rows.map(profileCells),
    title: `Profile of ${profile.council.shortName}: every metric, compared within ${profile.comparison}`,
    caveats: [
      "MAD score: the LADE score among England's councils that provide the service; Group score: within the comparison group. Rank 1 is the best after polarity; ties share the better rank.",
      "Trend: the change over the council's last three periods with a value, against half the latest MAD; early warning: much worse, or worse in each of three periods running.",
    ],
    attribution:
      info.attribution ??
      "Source: the publishers listed in the add-in's Data section. Scores calculated by this add-in, not official Oflog figures.",
  };
}
