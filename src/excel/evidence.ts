// The council's own Best Value evidence, kept in the workbook as an ordinary Excel table (Evidence): a
// local measure (its value, the values it is compared with and its polarity) or a judgement of a theme
// (strong / adequate / concern, with a note and date), Runnymede-style. Always labelled local.
import { findTheme } from "../core/catalogue/themes.js";
import { parsePolarity } from "../core/polarity.js";
import type { Judgement } from "../core/bestValue.js";
import type { LocalEvidence } from "../core/themeReport.js";
import { addInputTable } from "./inputTable.js";

export const EVIDENCE_TABLE = "Evidence";
const EVIDENCE_SHEET = "Evidence";
export const EVIDENCE_COLUMNS = [
  "Theme",
  "Evidence",
  "Value",
  "Compared with",
  "Polarity",
  "Judgement",
  "Note",
  "Date",
] as const;
const TEXT_COLUMNS = new Set(["Theme", "Evidence", "Compared with", "Polarity", "Judgement", "Note", "Date"]);
const JUDGEMENTS: readonly Judgement[] = ["strong", "adequate", "concern"];

const cellText = (v: unknown): string => (v === null || v === undefined ? "" : String(v).trim());
const number = (v: unknown): number | null => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  const t = cellText(v);
  return t !== "" && Number.isFinite(Number(t)) ? Number(t) : null;
};

/** A row of the Evidence table before its "Compared with" range is read. */
export interface EvidenceRow extends LocalEvidence {
  /** "12, 15, 9" (numbers) or a range such as "Sheet1!B2:B17", resolved by the caller. */
  comparedWith: string;
}

/**
 * Rows of the Evidence table: columns found by name, blank rows skipped; an unknown theme, polarity or
 * judgement is an error naming the row, never a row silently dropped.
 */
export function parseEvidence(
  header: readonly unknown[],
  body: readonly (readonly unknown[])[],
): EvidenceRow[] {
  const names = header.map((h) => cellText(h).toLowerCase());
  const at = Object.fromEntries(EVIDENCE_COLUMNS.map((c) => [c, names.indexOf(c.toLowerCase())])) as Record<
    (typeof EVIDENCE_COLUMNS)[number],
    number
  >;
  if (at.Theme < 0 || at.Evidence < 0)
    throw new Error(`The ${EVIDENCE_TABLE} table needs at least a "Theme" and an "Evidence" column`);
  const get = (row: readonly unknown[], c: (typeof EVIDENCE_COLUMNS)[number]) =>
    at[c] < 0 ? "" : row[at[c]];
  const out: EvidenceRow[] = [];
  body.forEach((row, i) => {
    if (row.every((c) => cellText(c) === "")) return;
    const where = `${EVIDENCE_TABLE} table, row ${i + 1}`;
    const theme = findTheme(cellText(get(row, "Theme")));
    if (!theme) throw new Error(`${where}: unknown theme "${cellText(get(row, "Theme"))}"`);
    const name = cellText(get(row, "Evidence")) || `Local evidence, row ${i + 1}`;
    const judgementText = cellText(get(row, "Judgement")).toLowerCase();
    const polarityText = cellText(get(row, "Polarity"));
    const polarity = polarityText === "" ? "higher" : parsePolarity(polarityText);
    if (!polarity) throw new Error(`${where}: polarity must be higher, lower or none; got "${polarityText}"`);
    const entry: EvidenceRow = { theme: theme.id, name, comparedWith: cellText(get(row, "Compared with")) };
    if (judgementText) {
      const judgement = JUDGEMENTS.find((j) => j === judgementText);
      if (!judgement)
        throw new Error(`${where}: judgement must be strong, adequate or concern; got "${judgementText}"`);
      Object.assign(entry, { judgement, note: cellText(get(row, "Note")), date: cellText(get(row, "Date")) });
    } else {
      Object.assign(entry, { value: number(get(row, "Value")), polarity });
    }
    out.push(entry);
  });
  return out;
}

/** "12, 15; 9" as numbers; undefined when it is not a list of numbers (then it is a range address). */
export function numberList(text: string): number[] | undefined {
  if (text === "") return [];
  const parts = text.split(/[,;]\s*|\s+/).filter(Boolean);
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : undefined;
}

/** The workbook's local evidence, with "Compared with" ranges read; none when there is no Evidence table. */
export async function loadLocalEvidence(context: Excel.RequestContext): Promise<LocalEvidence[]> {
  const table = context.workbook.tables.getItemOrNullObject(EVIDENCE_TABLE);
  table.load("name");
  await context.sync();
  if (table.isNullObject) return [];
  const header = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load("values");
  await context.sync();
  const rows = parseEvidence(header.values[0] ?? [], body.values);
  const ranges = rows.map((r) => {
    if (r.judgement || numberList(r.comparedWith)) return undefined;
    const [sheet, address] = r.comparedWith.includes("!")
      ? [
          r.comparedWith.slice(0, r.comparedWith.lastIndexOf("!")).replace(/^'|'$/g, ""),
          r.comparedWith.slice(r.comparedWith.lastIndexOf("!") + 1),
        ]
      : [undefined, r.comparedWith];
    const ws = sheet ? context.workbook.worksheets.getItem(sheet) : table.worksheet;
    return ws.getRange(address).load("values");
  });
  await context.sync();
  return rows.map(({ comparedWith, ...r }, i) => {
    const range = ranges[i];
    const compareWith = range ? range.values.flat().map(number) : (numberList(comparedWith) ?? []);
    return r.judgement ? r : { ...r, compareWith };
  });
}

/** Adds the (empty) Evidence table on a new sheet and shows it; returns the sheet's name. */
export function createEvidenceTable(context: Excel.RequestContext): Promise<string> {
  return addInputTable(context, {
    table: EVIDENCE_TABLE,
    sheet: EVIDENCE_SHEET,
    columns: EVIDENCE_COLUMNS,
    textColumns: TEXT_COLUMNS,
    exists: `an ${EVIDENCE_TABLE} table`,
  });
}
