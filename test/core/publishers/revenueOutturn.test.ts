import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { Observation } from "../../../src/core/model.js";
import { revenueOutturnReader } from "../../../src/core/publishers/revenueOutturn.js";
import { LayoutError } from "../../../src/core/spreadsheet/table.js";
import { SpreadsheetError } from "../../../src/core/spreadsheet/types.js";
import { sharedFile } from "../../support/paths.js";

const PERIOD = "2022-23";
let bytes: Uint8Array;
let observations: Observation[];

beforeAll(() => {
  bytes = new Uint8Array(readFileSync(sharedFile("publisher-files", "mhclg-rs-2022-23.xlsx")));
  observations = revenueOutturnReader.read(bytes);
});

/** The workbook with one part's XML edited. */
function editPart(part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files[part] = strToU8(edit(strFromU8(files[part])));
  return zipSync(files);
}

describe("revenueOutturnReader", () => {
  it("reads the period from the sheet name, and only that period", () => {
    expect(new Set(observations.map((o) => o.period))).toEqual(new Set([PERIOD]));
  });

  it.each(revenueOutturnReader.metrics)("reproduces every 2022-23 row of the tidy %s file", (metric) => {
    const tidy = csvParse(readFileSync(sharedFile("finance", `${metric}.csv`), "utf8")).filter(
      (t) => t.period === PERIOD,
    );
    const mine = new Map(
      observations.filter((o) => o.metric === metric).map((o) => [`${o.areacd} ${o.period}`, o]),
    );
    const wrong: string[] = [];
    for (const t of tidy) {
      const o = mine.get(`${t.areacd} ${t.period}`);
      const want = t.value === "" ? null : Number(t.value);
      if (!o) wrong.push(`${t.areacd}: not read`);
      else if (o.areanm !== t.areanm || o.value !== want || (want === null) !== (o.missing !== undefined))
        wrong.push(`${t.areacd}: ${JSON.stringify(o)} vs ${JSON.stringify(t)}`);
    }
    expect(wrong, `${wrong.length} of ${tidy.length} tidy rows differ`).toEqual([]);
    expect(mine.size, `${mine.size} rows read vs ${tidy.length} tidy rows`).toBe(tidy.length);
    expect(tidy.length).toBe(333);
  });

  it("keeps '[x]' (return not submitted) as missing, and passes it on to the ratios", () => {
    const birmingham = observations.filter((o) => o.areacd === "E08000025");
    expect(birmingham).toHaveLength(revenueOutturnReader.metrics.length);
    for (const o of birmingham) expect(o, o.metric).toMatchObject({ value: null, missing: "[x]" });
  });

  it("throws a LayoutError naming a renamed sheet", () => {
    const renamed = editPart("xl/workbook.xml", (xml) =>
      xml.replace('name="RS_LA_Data_2022-23"', 'name="Revenue outturn 2022-23"'),
    );
    expect(() => revenueOutturnReader.read(renamed)).toThrow(LayoutError);
    expect(() => revenueOutturnReader.read(renamed)).toThrow(/RS_LA_Data_YYYY-YY/);
  });

  it("throws a LayoutError naming a renamed column heading", () => {
    const renamed = editPart("xl/sharedStrings.xml", (xml) =>
      xml.replace(
        "<t>Estimated unallocated financial reserves level at 31 March</t>",
        "<t>General fund balance at 31 March</t>",
      ),
    );
    expect(() => revenueOutturnReader.read(renamed)).toThrow(LayoutError);
    expect(() => revenueOutturnReader.read(renamed)).toThrow(
      /unallocated financial reserves level at 31 march/,
    );
  });

  it("throws a SpreadsheetError for bytes that are not a spreadsheet", () => {
    expect(() => revenueOutturnReader.read(strToU8("<html>Not found</html>"))).toThrow(SpreadsheetError);
  });
});
