// Ribbon "Refresh all": re-fetches every benchmark table in the workbook from its source (see src/excel).
// The Excel adapter loads on the first press, so functions.js (which holds the commands) stays small.
import { loadExcel } from "../excel/load.js";
import type { Progress, RefreshReport } from "../excel/index.js";

export async function refreshAll(onProgress?: Progress): Promise<RefreshReport> {
  return (await loadExcel()).refreshAll(onProgress);
}
