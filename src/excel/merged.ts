// A table cannot go over merged cells: Excel refuses to make or resize one there, part-way through a write.
import { supports } from "./blocks.js";

/** Throws `message` when `area` holds merged cells, where the host can tell (ExcelApi 1.13); one sync. */
export async function checkNoMergedCells(
  context: Excel.RequestContext,
  area: Excel.Range,
  message: string,
): Promise<void> {
  if (!supports("1.13")) return;
  const merged = area.getMergedAreasOrNullObject().load("address");
  await context.sync();
  if (!merged.isNullObject) throw new Error(message);
}
