// An ordinary Excel table the user fills in (ComparatorGroups, Evidence): added empty on a sheet of its
// own, text columns formatted as text before anything is written, so typed names never become formulas.
import { grid } from "./cells.js";
import { sheetName } from "./names.js";

/** Rows formatted as text below the header, so what is typed under the table stays text as it grows. */
const TEXT_ROWS = 200;

export interface InputTable {
  table: string;
  sheet: string;
  columns: readonly string[];
  /** Columns formatted as text (all by default). */
  textColumns?: ReadonlySet<string>;
  /** "This workbook already has …" when the table exists. */
  exists: string;
}

/** Adds the (empty) table on a new sheet and shows it; returns the sheet's name. */
export async function addInputTable(context: Excel.RequestContext, spec: InputTable): Promise<string> {
  const existing = context.workbook.tables.getItemOrNullObject(spec.table);
  existing.load("name");
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  if (!existing.isNullObject) throw new Error(`This workbook already has ${spec.exists}`);
  const name = sheetName(
    spec.sheet,
    sheets.items.map((s) => s.name),
  );
  const sheet = context.workbook.worksheets.add(name);
  const cols = spec.columns.length;
  // Formats first: a name typed into a General cell could be taken as a number, date or formula.
  if (!spec.textColumns)
    sheet.getRangeByIndexes(0, 0, 1 + TEXT_ROWS, cols).numberFormat = grid(1 + TEXT_ROWS, cols, "@");
  else
    spec.columns.forEach((c, j) => {
      if (spec.textColumns!.has(c))
        sheet.getRangeByIndexes(0, j, 1 + TEXT_ROWS, 1).numberFormat = grid(1 + TEXT_ROWS, 1, "@");
    });
  // A table needs a data row: the header and one empty row, as Excel makes from a lone header.
  const range = sheet.getRangeByIndexes(0, 0, 2, cols);
  range.values = [[...spec.columns], spec.columns.map(() => "")];
  const table = sheet.tables.add(range, true);
  table.name = spec.table;
  range.format.autofitColumns();
  sheet.activate();
  await context.sync();
  return name;
}
