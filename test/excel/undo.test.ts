// Writing a custom XML part clears Excel's Undo list (office-js #4484): the workbook's snapshot is written
// only when the data behind its tables changed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SNAPSHOT_NAMESPACE } from "../../src/excel/snapshotPart.js";
import { closeWorkbook, openWorkbook, type Harness } from "./harness.js";

let h: Harness;
beforeEach(() => {
  h = openWorkbook();
});
afterEach(closeWorkbook);

const partWrites = () => h.excel.applied.filter((op) => /CustomXmlPart.*(setXml|add)/i.test(op)).length;

describe("the workbook's own parts", () => {
  it("are not rewritten by a refresh that changes no data (the registry still notes the refresh)", async () => {
    const { table } = await h.workbook.insertTable({ metric: "ASC1", period: "latest" });
    await h.workbook.refreshTable(table);
    const before = partWrites();
    const snapshotPart = () => h.excel.snapshot().parts.find((p) => p.namespace === SNAPSHOT_NAMESPACE)!.xml;
    const snapshotBefore = snapshotPart();
    await h.workbook.refreshTable(table);
    // One write: the registry's last-refresh time. The snapshot part is left as it was.
    expect(partWrites() - before).toBe(1);
    expect(snapshotPart()).toBe(snapshotBefore);
  });
});
