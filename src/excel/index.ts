// The one place that talks to Excel (Office.js). The task pane and ribbon commands use only this API.
export { addinSession, addinWorkbook, PROXY_BASE, refreshAll } from "./addin.js";
export { GROUPS_SHEET, GROUPS_TABLE, parseCustomGroups, readCustomGroups } from "./customGroups.js";
export { emptyCells } from "./emptyCells.js";
export { describeError } from "./errors.js";
export { BAND_STYLES, FOCUS_STYLE, type BandStyle } from "./highlights.js";
export type { Placement } from "./insert.js";
export type { Progress } from "./progress.js";
export type { RefreshReport } from "./refresh.js";
export {
  REGISTRY_NAMESPACE,
  type RefreshResult,
  type RegisteredTable,
  type TableSource,
  type WorkbookRegistry,
} from "./registry.js";
export {
  DataSession,
  SHIPPED_SOURCE,
  type LoadedData,
  type SessionOptions,
  type SourceInput,
} from "./session.js";
export { SNAPSHOT_NAMESPACE } from "./snapshotPart.js";
export { BenchmarkWorkbook, type InsertedTable, type WorkbookTable } from "./workbook.js";
