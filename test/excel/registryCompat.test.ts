// Workbooks saved before profiles, "my council" and band colours existed still load and refresh.
import { afterEach, describe, expect, it } from "vitest";
import { parseRegistry, REGISTRY_NAMESPACE } from "../../src/excel/registry.js";
import { SHIPPED_SOURCE } from "../../src/excel/session.js";
import { closeWorkbook, openWorkbook } from "./harness.js";

const RECYCLING = "household-waste-recycling-rate";

/** A table list as the add-in wrote it before the new spec fields. */
const OLD_LIST = {
  version: 1,
  tables: [
    {
      table: "Bench_household_waste_recycling_rate",
      sheet: RECYCLING,
      spec: { metric: RECYCLING, period: "latest", group: { council: "West Suffolk", kind: "nearest" } },
      source: SHIPPED_SOURCE,
      inserted: "2024-11-02T10:00:00.000Z",
      lastRefresh: { at: "2024-11-02T10:00:00.000Z", ok: true, rows: 296 },
    },
  ],
  sources: [],
};
const OLD_XML = `<?xml version="1.0" encoding="UTF-8"?><benchmarkTables xmlns="${REGISTRY_NAMESPACE}">${JSON.stringify(
  OLD_LIST,
).replace(/&/g, "&amp;")}</benchmarkTables>`;

afterEach(closeWorkbook);

describe("workbooks from before profiles and highlights", () => {
  it("parse, with specs exactly as saved", () => {
    const registry = parseRegistry(JSON.stringify(OLD_LIST));
    expect(registry.tables[0].spec).toEqual(OLD_LIST.tables[0].spec);
    expect(Object.keys(registry.tables[0].spec)).toEqual(["metric", "period", "group"]);
  });

  it("parse the new fields, and refuse ones that are wrong", () => {
    const withNew = structuredClone(OLD_LIST) as unknown as { tables: { spec: Record<string, unknown> }[] };
    Object.assign(withNew.tables[0].spec, { focus: "E07000245", groupOnly: true, sort: "score" });
    expect(parseRegistry(JSON.stringify(withNew)).tables[0].spec).toMatchObject({ sort: "score" });
    withNew.tables[0].spec.sort = "name";
    expect(() => parseRegistry(JSON.stringify(withNew))).toThrow(/damaged \(tables\.0\.spec\.sort/);
  });

  it("load from the saved file, refresh, and gain the band colours", async () => {
    let h = openWorkbook();
    const { table, sheet } = await h.workbook.insertTable({
      metric: RECYCLING,
      period: "latest",
      group: { council: "West Suffolk", kind: "nearest" },
    });
    // The file as the old version saved it: its own list of tables, no conditional formats.
    h.excel.state.parts.find((p) => p.namespace === REGISTRY_NAMESPACE)!.xml = OLD_XML;
    for (const s of h.excel.state.sheets) delete s.conditionalFormats;
    h.excel.saveAndReopen();
    const state = h.excel.state;
    closeWorkbook();
    h = openWorkbook(undefined, state);

    const [listed] = await h.workbook.tables();
    expect(listed).toMatchObject({ table, currentSheet: sheet, spec: OLD_LIST.tables[0].spec });
    const report = await h.workbook.refreshAll();
    expect(report.failed).toEqual([]);
    expect(report.refreshed.map((r) => r.table)).toEqual([table]);
    const rules = h.excel.conditionalFormats(sheet);
    expect(rules).toHaveLength(13);
    // The band colours cover the MAD score and Band columns.
    expect(rules.every((r) => r.address.startsWith(`'${sheet}'!G6:H`))).toBe(true);
  });
});
