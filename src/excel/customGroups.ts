// Comparator groups users define in the workbook: an ordinary Excel table they can edit, one row per
// member, so a group is a few typed rows rather than a form in the pane.
import type { CustomGroup } from "../core/groups.js";
import { addInputTable } from "./inputTable.js";

export const GROUPS_TABLE = "ComparatorGroups";
export const GROUPS_SHEET = "Comparator groups";
const COLUMNS = ["Group", "Council"] as const;

const cellText = (v: unknown): string => (v === null || v === undefined ? "" : String(v).trim());

/**
 * Groups from the table's header and body: columns found by name (others ignored), blank rows and rows
 * without a group name skipped, names matched ignoring case (the first spelling is kept).
 */
export function parseCustomGroups(
  header: readonly unknown[],
  body: readonly (readonly unknown[])[],
): CustomGroup[] {
  const names = header.map((h) => cellText(h).toLowerCase());
  const [group, council] = COLUMNS.map((c) => names.indexOf(c.toLowerCase()));
  if (group < 0 || council < 0) {
    throw new Error(`The ${GROUPS_TABLE} table needs a "Group" column and a "Council" column`);
  }
  const byName = new Map<string, CustomGroup>();
  for (const row of body) {
    const name = cellText(row[group]);
    if (!name) continue;
    const key = name.toLowerCase();
    const found = byName.get(key) ?? { name, members: [] };
    byName.set(key, found);
    const member = cellText(row[council]);
    // A group with no members yet is kept: using it then says it has no councils.
    if (member && !found.members.some((m) => m.toLowerCase() === member.toLowerCase())) {
      found.members.push(member);
    }
  }
  return [...byName.values()];
}

/** The workbook's custom groups; undefined when it has no ComparatorGroups table. */
export async function loadCustomGroups(context: Excel.RequestContext): Promise<CustomGroup[] | undefined> {
  const table = context.workbook.tables.getItemOrNullObject(GROUPS_TABLE);
  table.load("name");
  await context.sync();
  if (table.isNullObject) return undefined;
  const header = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load("values");
  await context.sync();
  return parseCustomGroups(header.values[0] ?? [], body.values);
}

/** Reads the groups in an Excel.run of their own; none when the workbook has no table. */
export function readCustomGroups(): Promise<CustomGroup[]> {
  return Excel.run(async (context) => (await loadCustomGroups(context)) ?? []);
}

/** Adds the (empty) ComparatorGroups table on a new sheet and shows it; returns the sheet's name. */
export function createGroupsTable(context: Excel.RequestContext): Promise<string> {
  return addInputTable(context, {
    table: GROUPS_TABLE,
    sheet: GROUPS_SHEET,
    columns: COLUMNS,
    exists: `a ${GROUPS_TABLE} table`,
  });
}
