import { FormatError, readCsv } from "./csv.js";
import { parseEls, type ElsOptions } from "./els.js";
import { parseLade } from "./lade.js";
import { parseTidy } from "./tidy.js";
import type { FileFormat, ParsedFile } from "./types.js";

export { FormatError } from "./csv.js";
export { parseEls, slug, COUNCIL_GEOGRAPHIES, type ElsOptions } from "./els.js";
export { parseLade } from "./lade.js";
export { parseTidy } from "./tidy.js";
export type { FileFormat, MetricInfo, ParsedFile } from "./types.js";

/** Which of our formats a CSV is, from its header alone. */
export function detectFormat(text: string): FileFormat {
  const header = readCsv(text.slice(0, text.indexOf("\n") + 1 || undefined)).header;
  if (header.includes("Local authority code") && header.includes("Code")) return "lade";
  if (header.includes("geography") && header.includes("observation")) return "els";
  if (header.includes("indicator") && header.includes("value")) return "tidy";
  throw new FormatError(
    `Cannot tell the file's format from its header (${header.slice(0, 8).join(", ")}); expected LADE, Explore Local Statistics or tidy CSV`,
  );
}

/** Parses a CSV in the given format, or the one its header shows. */
export function parseFile(text: string, format?: FileFormat, options: ElsOptions = {}): ParsedFile {
  switch (format ?? detectFormat(text)) {
    case "lade":
      return parseLade(text);
    case "els":
      return parseEls(text, options);
    case "tidy":
      return parseTidy(text);
  }
}
