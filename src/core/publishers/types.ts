// Readers of publishers' own files (Defra, DfT, MHCLG), as published on GOV.UK.
import type { Observation } from "../model.js";

export interface ReaderOptions {
  /** The period the file is for, when the file itself does not say (the P153 mirror). */
  period?: string;
  /** Called as the file is read, with the fraction done (0 to 1). */
  onProgress?: (fraction: number) => void;
}

export interface PublisherReader {
  /** The source id, e.g. "defra-env18". */
  id: string;
  /** What users call the file, e.g. "Defra ENV18 local authority collected waste (LA and regional spreadsheet)". */
  name: string;
  /** The file type it reads. */
  kind: "ods" | "xlsx" | "csv";
  /** Catalogue metric ids the file holds. */
  metrics: readonly string[];
  /**
   * Every value of every metric the file holds, under catalogue metric ids and period ids ("2023-24"),
   * each row with its own council code and name as published. Suppressed values ("[x]", "[c]", "..",
   * "-") are kept with `value: null` and `missing` set to the marker. Throws LayoutError naming what it
   * could not find when the publisher's layout has changed, SpreadsheetError when the file is not one.
   */
  read(bytes: Uint8Array, options?: ReaderOptions): Observation[];
}
