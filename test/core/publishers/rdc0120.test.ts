import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { Observation } from "../../../src/core/model.js";
import { rdc0120Reader } from "../../../src/core/publishers/rdc0120.js";
import { LayoutError } from "../../../src/core/spreadsheet/table.js";
import { SpreadsheetError } from "../../../src/core/spreadsheet/types.js";
import { sharedFile } from "../../support/paths.js";
import { tidyDifferences } from "./tidy.js";

let bytes: Uint8Array;
let observations: Observation[];

beforeAll(() => {
  bytes = new Uint8Array(readFileSync(sharedFile("publisher-files", "dft-rdc0120-2025.ods")));
  observations = rdc0120Reader.read(bytes);
});

/** The ODS with content.xml edited; `mimetype` must stay first and stored for it to be an ODS still. */
function editContent(edit: (xml: string) => string): Uint8Array {
  const { mimetype, ...rest } = unzipSync(bytes);
  rest["content.xml"] = strToU8(edit(strFromU8(rest["content.xml"])));
  return zipSync({ mimetype: [mimetype, { level: 0 }], ...rest });
}

describe("rdc0120Reader", () => {
  it.each(rdc0120Reader.metrics)("reproduces every row of the tidy %s file", (metric) => {
    const { tidy, read, wrong } = tidyDifferences(observations, "roads", metric);
    expect(wrong, `${wrong.length} of ${tidy} tidy rows differ`).toEqual([]);
    expect(read, `${read} rows read vs ${tidy} tidy rows`).toBe(tidy);
    expect(tidy).toBe(2862);
  });

  it("keeps DfT's markers as missing", () => {
    // County Durham, FYE 2010: "[x]" (unavailable).
    const o = observations.find(
      (x) =>
        x.metric === "a-roads-maintenance-should-be-considered" &&
        x.areacd === "E06000047" &&
        x.period === "2009-10",
    );
    expect(o).toMatchObject({ value: null, missing: "[x]", areanm: "County Durham UA" });
    expect(new Set(observations.flatMap((x) => x.missing ?? []))).toEqual(new Set(["[x]", "[y]", "[z]"]));
  });

  it("throws a LayoutError naming a renamed sheet", () => {
    const renamed = editContent((xml) =>
      xml.replace('table:name="RDC0120_B_and_C_Roads"', 'table:name="RDC0120_Minor_Roads"'),
    );
    expect(() => rdc0120Reader.read(renamed)).toThrow(LayoutError);
    expect(() => rdc0120Reader.read(renamed)).toThrow(/RDC0120_B_and_C_Roads/);
  });

  it("throws a LayoutError naming a renamed column heading", () => {
    const renamed = editContent((xml) =>
      xml.replaceAll("<text:p>ONS Area Code</text:p>", "<text:p>Area code</text:p>"),
    );
    expect(() => rdc0120Reader.read(renamed)).toThrow(LayoutError);
    expect(() => rdc0120Reader.read(renamed)).toThrow(/"ONS Area Code"/);
  });

  it("throws a SpreadsheetError for bytes that are not a spreadsheet", () => {
    expect(() => rdc0120Reader.read(strToU8("ONS Area Code,Local Authority\n"))).toThrow(SpreadsheetError);
  });
});
