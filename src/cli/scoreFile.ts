import { readFile } from "node:fs/promises";
import type { Polarity } from "../core/model.js";
import { parseFile, type FileFormat } from "../core/parsers/index.js";
import { scoreObservations } from "../core/scoring.js";
import { scoreCsv } from "./scoreOutput.js";

export interface ScoreFileOptions {
  format?: FileFormat;
  polarity?: Polarity;
  /** Polarity of metrics the file does not describe (e.g. from the catalogue). */
  knownPolarity?: (metric: string) => Polarity | undefined;
}

/** Scores every observation of a LADE, ELS or tidy CSV file against all rows of its metric and period. */
export async function scoreFile(path: string, options: ScoreFileOptions): Promise<string> {
  const text = await readFile(path, "utf8");
  const parsed = parseFile(text, options.format);
  const fromFile = new Map(parsed.metrics.map((m) => [m.code, m.polarity]));
  const rows = scoreObservations(parsed.observations, {
    // Files with several geography levels (ELS) are scored one level at a time.
    place: (o) => ({ set: o.geography ?? "all" }),
    polarity: (metric) =>
      options.polarity ?? fromFile.get(metric) ?? options.knownPolarity?.(metric) ?? "none",
  });
  return scoreCsv(rows);
}
