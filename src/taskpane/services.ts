// What the pane works with: the data, and the workbook when it runs inside Excel. Tests pass their own.
import type { BenchmarkWorkbook, DataSession } from "../excel/index.js";
import { loadExcel } from "../excel/load.js";
import { browserMemory, workbookMemory, type ProfileMemory } from "./profile/memory.js";

export interface PaneServices {
  /** The data, loaded on first use (the shipped files are fetched, never bundled). */
  session: () => Promise<DataSession>;
  /** The open workbook; absent on the preview page, where tables are shown in the pane instead. */
  workbook?: () => Promise<BenchmarkWorkbook>;
  /** Where the profile's council is remembered; by default the workbook's settings, or the browser's storage. */
  memory?: ProfileMemory;
}

// The Excel adapter and the data layer (parsing, validation, scoring) load on first use, in their own
// chunk (the one the custom functions and the ribbon command load too), so the pane draws before any of it
// is fetched.
export function defaultServices(host: string | null): PaneServices {
  if (host !== "Excel")
    return { session: async () => (await loadExcel()).addinSession(), memory: browserMemory() };
  const workbook = async () => (await loadExcel()).addinWorkbook();
  return { session: async () => (await workbook()).data(), workbook, memory: workbookMemory() };
}
