import type { Observation } from "../model.js";
import { columns, FormatError, readCsv } from "./csv.js";
import { duplicateNote, observation, uniqueRows } from "./observation.js";
import type { MetricInfo, ParsedFile } from "./types.js";

const REQUIRED = ["areacd", "areanm", "geography", "indicator", "period", "observation"] as const;
const OPTIONAL = ["measure", "unit", "lci_95", "uci_95", "status", "notes"] as const;

/** Geography levels that hold English councils; ELS also has nations, regions and combined authorities. */
export const COUNCIL_GEOGRAPHIES = ["County or Unitary Authority", "Local Authority District"] as const;
const COUNCIL_CODE = /^E(06|07|08|09|10)\d{6}$/;

export interface ElsOptions {
  /**
   * Which geography level to load: "County or Unitary Authority" or "Local Authority District". Default:
   * both, each row keeping its level (a unitary is listed at both: scoring takes one row per council).
   */
  geography?: string;
}

/** "Further education and skills participation" → "further-education-and-skills-participation". */
export function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The ONS Explore Local Statistics CSV (data.csv of its API, and the per-indicator files ONS publishes). */
export function parseEls(text: string, options: ElsOptions = {}): ParsedFile {
  const table = readCsv(text);
  const c = columns(table, "Explore Local Statistics", REQUIRED, OPTIONAL);
  const present = new Set(table.rows.map((r) => (r[c.geography] ?? "").trim()));
  const levels: readonly string[] = options.geography ? [options.geography] : COUNCIL_GEOGRAPHIES;
  if (!levels.some((g) => present.has(g))) {
    throw new FormatError(
      `Explore Local Statistics file has no ${levels.map((l) => `"${l}"`).join(" or ")} rows; it has: ${[...present].join(", ")}`,
    );
  }
  const metrics = new Map<string, MetricInfo>();
  const rows: Observation[] = [];
  const lines: number[] = [];
  let otherLevel = 0;
  let notCouncil = 0;
  table.rows.forEach((r, k) => {
    const geography = (r[c.geography] ?? "").trim();
    if (!levels.includes(geography)) {
      otherLevel++;
      return;
    }
    const areacd = (r[c.areacd] ?? "").trim();
    if (!COUNCIL_CODE.test(areacd)) {
      notCouncil++;
      return;
    }
    const label = (r[c.indicator] ?? "").trim();
    const code = slug(label);
    if (!metrics.has(code))
      metrics.set(code, { code, name: label, unit: c.unit >= 0 ? r[c.unit]?.trim() : undefined });
    const o = observation(code, r[c.period] ?? "", areacd, r[c.areanm] ?? "", r[c.observation] ?? "");
    o.geography = geography;
    rows.push(o);
    lines.push(table.lines[k]);
  });
  // A unitary is listed at both council levels: one row per council and level here.
  const unique = uniqueRows(
    rows,
    lines,
    (o) => `${o.metric}\u0000${o.period}\u0000${o.areacd}\u0000${o.geography}`,
  );
  // Across levels the rows are kept (each level can be scored on its own), but one council has one value:
  // a unitary given two different values at its two levels is refused, naming both lines.
  uniqueRows(unique.observations, unique.lines);
  const skipped = [
    { count: otherLevel, reason: `geography other than ${levels.join(" or ")}` },
    { count: notCouncil, reason: "not an English council code" },
    ...duplicateNote(unique.duplicates),
  ].filter((s) => s.count > 0);
  return {
    format: "els",
    observations: unique.observations,
    lines: unique.lines,
    metrics: [...metrics.values()],
    skipped,
  };
}
