import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { Observation } from "../../../src/core/model.js";
import { revenueOutturnReader } from "../../../src/core/publishers/revenueOutturn.js";
import { LayoutError } from "../../../src/core/spreadsheet/table.js";
import { SpreadsheetError } from "../../../src/core/spreadsheet/types.js";
import { sharedFile } from "../../support/paths.js";
import { tidyDifferences } from "./tidy.js";

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
    const { tidy, read, wrong } = tidyDifferences(observations, "finance", metric, PERIOD);
    expect(wrong, `${wrong.length} of ${tidy} tidy rows differ`).toEqual([]);
    expect(read, `${read} rows read vs ${tidy} tidy rows`).toBe(tidy);
    expect(tidy).toBe(333);
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
