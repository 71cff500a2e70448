// What the add-in's writes need of Excel: Table.resize, used by every refresh and insert, is ExcelApi 1.13.
// The manifest asks only for the shared runtime, so older Excel still loads the functions and the pane; the
// writes check here and say so rather than fail part-way through a refresh.
import { supports } from "./blocks.js";

export const REQUIRED_EXCEL_API = "1.13";

/** Why this Excel cannot insert or refresh tables, or undefined when it can. */
export function tooOldForTables(): string | undefined {
  if (supports(REQUIRED_EXCEL_API)) return undefined;
  return (
    `This version of Excel cannot insert or refresh benchmark tables: they need ExcelApi ${REQUIRED_EXCEL_API} ` +
    "(Excel on the web, Microsoft 365, or Excel 2021 or later). The functions and the pane's previews still work."
  );
}
