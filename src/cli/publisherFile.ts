// `cli read FILE --as ID`: a publisher's own file (ODS, XLSX or the P153 mirror's CSV) as tidy CSV, so an
// officer can see exactly what the add-in takes from it.
import { readFile } from "node:fs/promises";
import { csvLine } from "../core/csvOut.js";
import type { Observation } from "../core/model.js";
import { sortPeriods } from "../core/periods.js";
import { findReader, PUBLISHER_READERS, type PublisherReader } from "../core/publishers/index.js";
import { p153Period } from "../core/publishers/p153.js";
import { UsageError } from "./args.js";

const P153 = "mhclg-planning-p153";

/** The reader for an `--as` value, or a usage error listing the ones there are. */
export function readerOf(id: string | undefined, flag = "--as"): PublisherReader {
  const ids = PUBLISHER_READERS.map((r) => r.id).join(", ");
  if (!id) throw new UsageError(`read needs ${flag} ID, the publisher's file it is: one of ${ids}`);
  const reader = findReader(id);
  if (!reader) throw new UsageError(`Unknown publisher's file "${id}"; ${flag} must be one of ${ids}`);
  return reader;
}

/**
 * The period a file is read for: the P153 mirror must be told its 12 months; the other files state their
 * own years, so a period for them is refused rather than silently ignored (it would not filter anything).
 */
export function readerPeriod(
  reader: PublisherReader,
  period: string | undefined,
  how = "--period YE2025-12",
): string | undefined {
  if (reader.id !== P153) {
    if (period !== undefined)
      throw new UsageError(
        `${reader.name} states its own periods; a period is only given for ${P153} (the P153 mirror)`,
      );
    return undefined;
  }
  try {
    return p153Period(period, how);
  } catch (e) {
    throw new UsageError((e as Error).message); // a command-line mistake: exit code 2
  }
}

/** Metric in the reader's order, then period oldest first, then council code: the same file, the same bytes. */
export function sortObservations(reader: PublisherReader, observations: Observation[]): Observation[] {
  const metricAt = new Map(reader.metrics.map((m, i) => [m, i]));
  const periodAt = new Map(sortPeriods(observations.map((o) => o.period)).map((p, i) => [p, i]));
  const rank = (o: Observation) => metricAt.get(o.metric) ?? reader.metrics.length;
  return [...observations].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0) ||
      periodAt.get(a.period)! - periodAt.get(b.period)! ||
      (a.areacd < b.areacd ? -1 : a.areacd > b.areacd ? 1 : 0),
  );
}

/** Every value the reader finds in the file, as tidy CSV; missing values (any marker) are empty. */
export async function publisherFileCsv(
  file: string,
  options: { as?: string; period?: string },
): Promise<string> {
  const reader = readerOf(options.as);
  const period = readerPeriod(reader, options.period);
  const observations = reader.read(new Uint8Array(await readFile(file)), { period });
  const lines = ["areacd,areanm,period,indicator,value"];
  for (const o of sortObservations(reader, observations))
    lines.push(csvLine([o.areacd, o.areanm, o.period, o.metric, o.value]));
  return lines.join("\n") + "\n";
}
