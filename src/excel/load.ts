// The Excel adapter (index.ts) loaded on first use, in a chunk of its own (excel.js): neither functions.js
// nor the pane's first paint carries it. The one place that loads it, so the custom functions, the ribbon
// command and the pane all share that chunk (and the one copy of the workbook state in addin.ts).
//
// Only code that runs inside Excel's shared runtime (a page, taskpane.html) calls this: the chunk is loaded
// with a <script> beside the page. Excel's JavaScript-only custom functions runtime, which loads functions.js
// with no page and no Excel API, never does (see functions/data.ts).
export type ExcelAdapter = typeof import("./index.js");

export const loadExcel = (): Promise<ExcelAdapter> => import(/* webpackChunkName: "excel" */ "./index.js");
