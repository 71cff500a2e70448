import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { Observation } from "../../../src/core/model.js";
import { readCsv } from "../../../src/core/parsers/csv.js";
import { env18Reader } from "../../../src/core/publishers/env18.js";
import { LayoutError, SpreadsheetError } from "../../../src/core/spreadsheet/index.js";
import { sharedFile } from "../../support/paths.js";

const ODS = sharedFile("publisher-files", "defra-env18-la-and-regional-2023-24.ods");
const RECYCLING = "Percentage of household waste sent for reuse, recycling or composting (Ex NI192)";

/** A tidy file's rows by "areacd|period" (read at collection time so the test names carry the counts). */
function tidy(metric: string): Map<string, { areanm: string; value: string }> {
  const { header, rows } = readCsv(readFileSync(sharedFile("waste", `${metric}.csv`), "utf8"));
  const at = (name: string) => header.indexOf(name);
  return new Map(
    rows.map((r) => [
      `${r[at("areacd")]}|${r[at("period")]}`,
      { areanm: r[at("areanm")], value: r[at("value")] },
    ]),
  );
}

/** The ODS with content.xml edited, zipped back with "mimetype" first and stored, as ODS requires. */
function edited(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const { mimetype, ...rest } = unzipSync(bytes);
  const content = edit(strFromU8(rest["content.xml"]));
  return zipSync({ mimetype: [mimetype, { level: 0 }], ...rest, "content.xml": strToU8(content) });
}

/** What `read` throws, so each edited file is read once. */
function thrown(read: () => unknown): Error {
  try {
    read();
  } catch (e) {
    return e as Error;
  }
  throw new Error("read did not throw");
}

let bytes: Uint8Array;
let observations: Observation[];
const progress: number[] = [];

beforeAll(() => {
  bytes = new Uint8Array(readFileSync(ODS));
  observations = env18Reader.read(bytes, { onProgress: (f) => progress.push(f) });
});

describe("env18Reader", () => {
  it("describes itself", () => {
    expect(env18Reader.id).toBe("defra-env18");
    expect(env18Reader.kind).toBe("ods");
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
  });

  for (const metric of env18Reader.metrics) {
    const want = tidy(metric);
    it(`reproduces all ${want.size} rows of the tidy ${metric}.csv, and no more`, () => {
      const got = observations.filter((o) => o.metric === metric);
      const byKey = new Map(got.map((o) => [`${o.areacd}|${o.period}`, o]));
      expect(byKey.size, "one row per area and period").toBe(got.length);
      const mismatches: string[] = [];
      for (const [key, row] of want) {
        const o = byKey.get(key);
        const value = row.value === "" ? null : Number(row.value);
        if (!o) mismatches.push(`${key}: not read`);
        else if (
          o.value !== value ||
          o.areanm !== row.areanm ||
          (value === null) !== (o.missing !== undefined)
        )
          mismatches.push(
            `${key}: tidy ${row.areanm} ${row.value}, read ${o.areanm} ${o.value} ${o.missing}`,
          );
      }
      expect(mismatches, `${want.size} tidy rows compared`).toEqual([]);
      const extra = [...byKey.keys()].filter((k) => !want.has(k));
      expect(extra, `${got.length} rows read`).toEqual([]);
    });
  }

  it("keeps Defra's ':' marker (Bristol 2023-24, incomplete at publication) as missing", () => {
    const bristol = observations.filter((o) => o.areacd === "E06000023" && o.period === "2023-24");
    expect(bristol).toHaveLength(3);
    for (const o of bristol) expect(o).toMatchObject({ value: null, missing: ":" });
  });

  it("fails naming the sheet when Table_3 is renamed", () => {
    const renamed = edited(bytes, (xml) =>
      xml.replace('table:name="Table_3"', 'table:name="Table 3 renamed"'),
    );
    const error = thrown(() => env18Reader.read(renamed));
    expect(error).toBeInstanceOf(LayoutError);
    expect(error.message).toContain('no sheet named "Table_3"');
  });

  it("fails naming the heading when the recycling column is renamed", () => {
    const renamed = edited(bytes, (xml) =>
      xml.replace(`<text:p>${RECYCLING}</text:p>`, "<text:p>Recycling rate</text:p>"),
    );
    const error = thrown(() => env18Reader.read(renamed));
    expect(error).toBeInstanceOf(LayoutError);
    expect(error.message).toContain(`"${RECYCLING}"`);
  });

  it("rejects a file that is not a spreadsheet", () => {
    const csv = strToU8("areacd,areanm,period,indicator,value\nE06000001,Hartlepool,2023-24,x,1\n");
    expect(() => env18Reader.read(csv)).toThrow(SpreadsheetError);
  });
});
