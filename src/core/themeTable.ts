// Best Value theme ratings as rows of cells: THEMEREPORT, THEMEEVIDENCE, the summary sheet and
// `cli themes` take their columns from here, so they agree.
import type { Evidence } from "./bestValue.js";
import type { CellValue } from "./table.js";
import type { ThemeReportRow } from "./themeReport.js";

export const THEME_REPORT_COLUMNS = [
  "Theme",
  "Score",
  "Rating",
  "Coverage",
  "Warning flags",
  "Metrics used",
] as const;

export const THEME_EVIDENCE_COLUMNS = ["Theme", "Evidence", "Source", "Status", "Score", "Detail"] as const;

const STATUS_WORDS: Record<Evidence["status"], string> = {
  scored: "scored",
  context: "context (not rated)",
  "not-applicable": "not applicable",
  "no-data": "no score",
};

/** "Name (0.42)", local evidence marked as such. */
const used = (e: Evidence): string => `${e.name}${e.local ? " (local)" : ""} (${e.score!.toFixed(2)})`;

export function themeReportCells(row: ThemeReportRow): CellValue[] {
  const r = row.rating;
  return [
    row.theme.title,
    r.score,
    r.rating,
    r.coverage,
    r.warnings.join("; ") || null,
    row.evidence
      .filter((e) => e.status === "scored")
      .map(used)
      .join("; ") || null,
  ];
}

export function themeEvidenceCells(row: ThemeReportRow, e: Evidence): CellValue[] {
  const judgement = e.judgement
    ? `judged ${e.judgement.value}${e.judgement.date ? ` (${e.judgement.date})` : ""}`
    : "";
  return [
    row.theme.title,
    e.name,
    e.local ? "Local (from the Evidence table)" : "Published",
    e.judgement ? judgement : STATUS_WORDS[e.status],
    e.score,
    [e.detail, e.judgement?.note].filter(Boolean).join("; ") || null,
  ];
}
