import { catalogueId, findMetric } from "../core/catalogue/index.js";
import type { CouncilDirectory } from "../core/councils.js";
import type { Observation, Polarity } from "../core/model.js";
import { parseFile, type FileFormat, type ParsedFile } from "../core/parsers/index.js";
import { uniqueRows } from "../core/parsers/observation.js";
import { periodId, periodLabel } from "../core/periods.js";
import { placeRows } from "../core/population.js";
import { scoreObservations, type Placement, type ScoredObservation } from "../core/scoring.js";
import { NOT_A_NUMBER } from "../core/values.js";
import { UsageError } from "./args.js";
import { readTextFile } from "./files.js";
import { scoreCsv } from "./scoreOutput.js";
import { shippedDirectory } from "./shipped.js";

export interface ScoreFileOptions {
  format?: FileFormat;
  polarity?: Polarity;
  /** Polarity of metrics the file does not describe (e.g. from the catalogue). */
  knownPolarity?: (metric: string) => Polarity | undefined;
  /** Only this metric (the file's name for it or the catalogue id) and period. */
  metric?: string;
  period?: string;
}

/**
 * Scores a LADE, ELS or tidy CSV file. A catalogue metric is scored among its comparison population, one
 * row per council, as the shipped data are; a metric the catalogue does not know is scored across all of
 * its rows (an ELS file: one geography level at a time). Rows come out in the file's order.
 */
export async function scoreFile(
  path: string,
  options: ScoreFileOptions,
): Promise<{ text: string; notes: string[] }> {
  const { scored, notes } = await scoreFileRows(path, options);
  return { text: scoreCsv(scored), notes };
}

/** The scored rows of a file, each with the comparison it was scored in ("" when not compared). */
export async function scoreFileRows(
  path: string,
  options: ScoreFileOptions,
): Promise<{
  scored: ScoredObservation[];
  comparedAmong: string[];
  polarity: (metric: string) => Polarity;
  notes: string[];
}> {
  const parsed = parseFile(await readTextFile(path), options.format);
  const rows = only(parsed, options);
  const fromFile = new Map(parsed.metrics.map((m) => [m.code, m.polarity]));
  const { placed, place } = placeFileRows(rows, await shippedDirectory());
  const polarity = polarityOf(options, fromFile);
  const scored = scoreObservations(placed, { place, polarity });
  // scoreObservations keeps the input order, so row i was placed as placed[i].
  const comparedAmong = placed.map((o) => {
    const p = place(o);
    return "set" in p ? p.set : "";
  });
  return { scored, comparedAmong, polarity, notes: notes(parsed, rows) };
}

/** A metric's polarity: --polarity, else what the file says, else what the catalogue knows, else none. */
export function polarityOf(
  options: ScoreFileOptions,
  fromFile: ReadonlyMap<string, Polarity | undefined>,
): (metric: string) => Polarity {
  return (metric) =>
    options.polarity ??
    fromFile.get(metric) ??
    options.knownPolarity?.(metric) ??
    findMetric(catalogueId(metric))?.polarity ??
    "none";
}

type Row = { o: Observation; line: number };

/** The rows --metric and --period ask for; an error naming what the file has when none match. */
function only(parsed: ParsedFile, options: ScoreFileOptions): Row[] {
  let rows = parsed.observations.map((o, i) => ({ o, line: parsed.lines[i] }));
  if (options.metric) {
    const want = options.metric.trim().toLowerCase();
    const id = findMetric(catalogueId(options.metric))?.id;
    rows = rows.filter(
      ({ o }) => o.metric.toLowerCase() === want || (id !== undefined && catalogueId(o.metric) === id),
    );
    if (!rows.length)
      throw new UsageError(
        `The file has no metric "${options.metric}"; it has: ${parsed.metrics.map((m) => m.name).join(", ")}`,
      );
  }
  if (options.period) {
    const want = periodId(options.period);
    const periods = [...new Set(rows.map(({ o }) => o.period))];
    rows = rows.filter(({ o }) => o.period === want);
    if (!rows.length)
      throw new UsageError(
        `The file has no period "${options.period}"; it has: ${periods.map(periodLabel).join(", ")}`,
      );
  }
  return rows;
}

/** Each metric and period placed as its comparison compares it, in the file's order. */
function placeFileRows(
  rows: readonly Row[],
  directory: CouncilDirectory,
): { placed: Observation[]; place: (o: Observation) => Placement } {
  const groups = new Map<string, number[]>();
  rows.forEach(({ o }, i) => {
    const key = `${o.metric}\u0000${o.period}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const slots: (Observation | undefined)[] = new Array(rows.length);
  const extra: Observation[] = [];
  const placements = new Map<Observation, Placement>();
  for (const indexes of groups.values()) {
    const { placed, kept, place } = placeGroup(
      indexes.map((i) => rows[i].o),
      indexes.map((i) => rows[i].line),
      directory,
    );
    placed.forEach((o, j) => {
      if (j < kept.length) slots[indexes[kept[j]]] = o;
      else extra.push(o);
      placements.set(o, place(o));
    });
  }
  const placed = [...slots.filter((o): o is Observation => o !== undefined), ...extra];
  return { placed, place: (o) => placements.get(o)! };
}

/**
 * One metric and period of a file (its rows in file order) placed as its comparison compares it. The
 * first `kept.length` placed rows stand for the rows at those positions of `group`; any after them are
 * joint members added, which the score output lists after every row of the file.
 */
export function placeGroup(
  group: Observation[],
  lines: readonly number[],
  directory: CouncilDirectory,
): { placed: Observation[]; kept: number[]; place: (o: Observation) => Placement } {
  const metric = findMetric(catalogueId(group[0].metric));
  if (!metric) {
    // Unknown service: all rows together, or an ELS file's geography levels one at a time.
    return { placed: group, kept: group.map((_, j) => j), place: (o) => ({ set: o.geography ?? "all" }) };
  }
  // One row per council: a unitary is listed at both of an ELS file's council levels.
  const unique = uniqueRows(group, lines).observations;
  const isKept = new Set(unique);
  const kept = group.flatMap((o, j) => (isKept.has(o) ? [j] : []));
  const { rows, place } = placeRows(metric.population, group[0].period, unique, directory);
  return { placed: rows, kept, place };
}

/** What the user should know about the file beyond the scores: rows skipped, values that are not numbers. */
function notes(parsed: ParsedFile, rows: readonly Row[]): string[] {
  const bad = rows.flatMap(({ o, line }) => (o.missing === undefined ? [] : [{ missing: o.missing, line }]));
  return fileNotes(parsed.skipped, bad);
}

/** The notes, from the rows skipped and the scored rows' reasons for having no value (in file order). */
export function fileNotes(
  skipped: readonly { count: number; reason: string }[],
  missing: readonly { missing: string; line: number }[],
): string[] {
  const out = skipped.map((s) => `${s.count} row${s.count === 1 ? "" : "s"} not scored: ${s.reason}`);
  const bad = missing.filter((m) => m.missing.startsWith(`${NOT_A_NUMBER}:`));
  if (bad.length) {
    const shown = bad
      .slice(0, 3)
      .map(({ missing, line }) => `line ${line} "${missing.slice(NOT_A_NUMBER.length + 2)}"`);
    out.push(
      `${bad.length} value${bad.length === 1 ? " is" : "s are"} not a number and ha${bad.length === 1 ? "s" : "ve"} no score (${shown.join(", ")}${bad.length > 3 ? ", …" : ""})`,
    );
  }
  return out;
}
