// Times a 72,000-row insert and refresh on the fake Excel host and prints what went to Excel: syncs, the
// largest request and response (Excel on the web refuses over 5 MB; the target is 4 MB) and the total
// bytes. The fake runs in memory, so the times are the add-in's own work plus the fake's, not Excel's.
// Run: npx tsx bench/excel.ts
import { TABLE_COLUMN_NAMES } from "../src/core/table.js";
import { closeWorkbook, openWorkbook, PUBLISHER, startPublisher } from "../test/excel/harness.js";
import { PAYLOAD_LIMIT, type FakeExcelHost } from "../test/fakes/fakeExcel.js";

const METRIC = "missed-bin-collections";
const FILE = "many.csv";

function manyRows(councils: number, periods: number, bump = 0): string {
  const lines = ["areacd,areanm,period,indicator,value"];
  for (let p = 0; p < periods; p++) {
    const y = 1801 + p;
    const period = `${y}-${String((y + 1) % 100).padStart(2, "0")}`;
    for (let c = 0; c < councils; c++)
      lines.push(
        `E99${String(c).padStart(6, "0")},Council ${String(c).padStart(3, "0")},${period},${METRIC},${c + p + bump}`,
      );
  }
  return lines.join("\n");
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

function report(what: string, excel: FakeExcelHost, ms: number, cells: number) {
  const writes = excel.syncSizes.filter((s) => s.request > 100_000).length;
  const reads = excel.syncSizes.filter((s) => s.response > 100_000).length;
  const total = excel.syncSizes.reduce((n, s) => n + s.request + s.response, 0);
  console.log(
    `${what.padEnd(28)} ${String(Math.round(ms)).padStart(6)} ms  syncs ${String(excel.syncs).padStart(3)}` +
      ` (${writes} big writes, ${reads} big reads)` +
      `  largest request ${mb(excel.largestRequest)}, response ${mb(excel.largestResponse)}` +
      ` (limit ${mb(PAYLOAD_LIMIT)}); ${mb(total)} sent and received in all`,
  );
  // The targets: at most one sync per 20,000 cells, and no request or response over 4 MB.
  const allowed = Math.ceil(cells / 20_000);
  const largest = Math.max(excel.largestRequest, excel.largestResponse);
  const pass = excel.syncs <= allowed && largest <= TARGET_BYTES;
  console.log(
    `${pass ? "PASS" : "MISS"}  ${what}: ${excel.syncs} syncs (at most ${allowed}), largest request or response ${mb(largest)} (at most ${mb(TARGET_BYTES)})`,
  );
}

const TARGET_BYTES = 4_000_000;

const publisher = await startPublisher();
try {
  const h = openWorkbook(publisher);
  publisher.publish(FILE, manyRows(400, 180));
  await h.workbook.addSource({ url: `${PUBLISHER}/data/${FILE}`, format: "tidy", name: "Many" });
  const width = TABLE_COLUMN_NAMES.length;

  h.excel.resetCounts();
  let t = performance.now();
  const { table, rows } = await h.workbook.insertTable({ metric: METRIC, period: "all" });
  report(`insert ${rows.toLocaleString("en-GB")} rows`, h.excel, performance.now() - t, rows * width);

  publisher.publish(FILE, manyRows(400, 180, 1));
  h.excel.resetCounts();
  t = performance.now();
  let result = await h.workbook.refreshTable(table);
  report(`refresh, same size`, h.excel, performance.now() - t, rows * width);

  publisher.publish(FILE, manyRows(402, 180, 2));
  h.excel.resetCounts();
  t = performance.now();
  result = await h.workbook.refreshTable(table);
  const grown = result.refreshed[0].rows;
  report(`refresh to ${grown.toLocaleString("en-GB")} rows`, h.excel, performance.now() - t, grown * width);
  if (result.failed.length) throw new Error(result.failed[0].message);
  closeWorkbook();
} finally {
  await publisher.close();
}
