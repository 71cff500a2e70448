// What the pane works with: the data, and the workbook when it runs inside Excel. Tests pass their own.
import { addinSession, addinWorkbook, type BenchmarkWorkbook, type DataSession } from "../excel/index.js";

export interface PaneServices {
  /** The data, loaded on first use (the shipped files are fetched, never bundled). */
  session: () => Promise<DataSession>;
  /** The open workbook; absent on the preview page, where tables are shown in the pane instead. */
  workbook?: BenchmarkWorkbook;
}

export function defaultServices(host: string | null): PaneServices {
  if (host !== "Excel") return { session: addinSession };
  const workbook = addinWorkbook();
  return { session: () => workbook.data(), workbook };
}
