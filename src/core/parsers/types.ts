import type { Observation, Polarity } from "../model.js";

export type FileFormat = "lade" | "els" | "tidy";

/** What a file says about a metric, beyond its values. */
export interface MetricInfo {
  code: string;
  name: string;
  polarity?: Polarity;
  unit?: string;
}

export interface ParsedFile {
  format: FileFormat;
  observations: Observation[];
  /** The file line of each observation (1 = the header), for messages. */
  lines: number[];
  metrics: MetricInfo[];
  /** Rows read but not loaded (other geography levels, non-council areas), with why. */
  skipped: { count: number; reason: string }[];
}
