import { catalogueId } from "./catalogue/index.js";
import type { Observation } from "./model.js";
import { parseFile, type FileFormat } from "./parsers/index.js";
import { parseSnapshot, snapshotObservations } from "./snapshot.js";

/** Every format a source can have: the three CSV formats and our own snapshot. */
export type DataFormat = FileFormat | "snapshot";

/** Observations from a source's text, under catalogue metric ids; the format is detected when not given. */
export function readObservations(text: string, format?: DataFormat): Observation[] {
  if (format === "snapshot" || (format === undefined && text.trimStart().startsWith("{"))) {
    return snapshotObservations(parseSnapshot(text));
  }
  return parseFile(text, format).observations.map((o) => ({ ...o, metric: catalogueId(o.metric) }));
}
