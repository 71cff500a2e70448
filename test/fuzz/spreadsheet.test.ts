// The ODS and XLSX readers (and the publishers' readers over them) fed arbitrary bytes, zips of arbitrary
// or damaged XML, and well-formed XML with arbitrary sheet names, cell references and repeat counts:
// sheets of plain cells, or a typed error with a plain message. Never a TypeError, a hang or a heap blow-up.
import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { env18Reader } from "../../src/core/publishers/env18.js";
import { rdc0120Reader } from "../../src/core/publishers/rdc0120.js";
import { revenueOutturnReader } from "../../src/core/publishers/revenueOutturn.js";
import { readSpreadsheet, type Sheet } from "../../src/core/spreadsheet/index.js";
import { sharedFile } from "../support/paths.js";
import { expectWellFormed, returnsOrTypedError, runs } from "./typedError.js";

const READERS = [env18Reader, rdc0120Reader, revenueOutturnReader];

/** Sheets hold only numbers, text and nulls, in arrays (no holes), with a name each. */
function expectSheets(sheets: Sheet[]): void {
  // One expect per sheet, not per cell: a repeated row fills a million rows, and 2 million expect calls
  // take longer than the read.
  for (const s of sheets) {
    expect(typeof s.name).toBe("string");
    const bad = badCell(s);
    expect(bad, `sheet ${s.name}: ${bad}`).toBeUndefined();
  }
}

function badCell(s: Sheet): string | undefined {
  for (let r = 0; r < s.rows.length; r++) {
    const row = s.rows[r];
    if (!Array.isArray(row)) return `row ${r + 1} is not an array`;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (!(v === null || typeof v === "string" || Number.isFinite(v)))
        return `cell ${String(v)} at ${r + 1},${c + 1}`;
    }
  }
  return undefined;
}

function check(bytes: Uint8Array): void {
  const sheets = returnsOrTypedError(() => readSpreadsheet(bytes));
  if (sheets) expectSheets(sheets);
  for (const reader of READERS) {
    const out = returnsOrTypedError(() => reader.read(bytes));
    if (out) expectWellFormed(out);
  }
}

const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";
const ods = (content: Uint8Array | string, extra: Record<string, Uint8Array> = {}) =>
  zipSync({
    mimetype: [strToU8(ODS_MIME), { level: 0 }],
    "content.xml": typeof content === "string" ? strToU8(content) : content,
    ...extra,
  });

/** An XLSX with the given workbook, relationships, shared strings and sheets (any may be damaged). */
function xlsx(parts: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(parts).map(([k, v]) => [k, typeof v === "string" ? strToU8(v) : v]),
    ) as Record<string, Uint8Array>,
  );
}

const xml = (s: string) => `<?xml version="1.0" encoding="UTF-8"?>${s}`;
const attr = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

// The real RDC0120 content.xml (41 KB zipped), damaged: cut short or with a slice replaced.
const RDC = unzipSync(readFileSync(sharedFile("publisher-files", "dft-rdc0120-2025.ods")));
const RDC_CONTENT = strFromU8(RDC["content.xml"]);

const damaged = (text: string) =>
  fc
    .tuple(fc.nat(text.length), fc.nat(40), fc.string({ maxLength: 4 }), fc.boolean())
    .map(([at, n, s, cut]) => (cut ? text.slice(0, at) : text.slice(0, at) + s + text.slice(at + n)));

/** Names as they are and as a damaged or hostile file has them. */
const name = fc.oneof(
  fc.constantFrom(
    "Table_1",
    "Table_3",
    "RDC0120_B_and_C_Roads",
    "RS_LA_Data_2022-23",
    "",
    " ",
    "constructor",
    "__proto__",
    "toString",
  ),
  fc.string({ maxLength: 10 }),
);
const number = fc.oneof(
  fc.constantFrom(
    "0",
    "-1",
    "1.5",
    "1e3",
    "NaN",
    "Infinity",
    "1e400",
    "",
    "x",
    "2",
    "1048576",
    "1048577",
    "16384",
    "99999999999",
  ),
  fc.nat().map(String),
);
const cellRef = fc.oneof(
  fc.constantFrom(
    "A1",
    "B2",
    "XFD1",
    "XFE1",
    "AAAAAAAAA1",
    "ZZZZZZZZZZZZZZ9",
    "a1",
    "1",
    "",
    "A1048577",
    "A99999999999",
  ),
  fc.tuple(fc.stringMatching(/^[A-Z]{1,3}$/), fc.nat(2000)).map(([c, r]) => `${c}${r}`),
);
const cellType = fc.constantFrom(undefined, "s", "n", "b", "str", "inlineStr", "e", "d", "zz");

/** Optional attribute: present with a value, or left out. */
const opt = (key: string, value: fc.Arbitrary<string>) =>
  fc.option(value, { nil: undefined }).map((v) => (v === undefined ? "" : ` ${key}="${attr(v)}"`));

const xlsxCell = fc
  .tuple(opt("r", cellRef), cellType, fc.oneof(number, fc.string({ maxLength: 6 })), fc.boolean())
  .map(([r, t, v, inline]) =>
    inline
      ? `<c${r} t="inlineStr"><is><t>${attr(v)}</t></is></c>`
      : `<c${r}${t ? ` t="${t}"` : ""}><v>${attr(v)}</v></c>`,
  );
const xlsxRow = fc
  .tuple(opt("r", number), fc.array(xlsxCell, { maxLength: 5 }))
  .map(([r, cells]) => `<row${r}>${cells.join("")}</row>`);
const xlsxSheet = fc
  .array(xlsxRow, { maxLength: 6 })
  .map((rows) => xml(`<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`));
const target = fc.oneof(
  fc.constantFrom(
    "worksheets/sheet1.xml",
    "/xl/worksheets/sheet1.xml",
    "/constructor",
    "/__proto__",
    "../x",
    "",
  ),
  fc.string({ maxLength: 8 }),
);
const workbook = fc
  .array(fc.tuple(opt("name", name), opt("r:id", fc.constantFrom("rId1", "rId2", "rId9", ""))), {
    maxLength: 3,
  })
  .map((sheets) =>
    xml(`<workbook><sheets>${sheets.map(([n, id]) => `<sheet${n}${id}/>`).join("")}</sheets></workbook>`),
  );
const rels = fc
  .array(fc.tuple(opt("Id", fc.constantFrom("rId1", "rId2", "")), opt("Target", target)), { maxLength: 3 })
  .map((rs) =>
    xml(`<Relationships>${rs.map(([id, t]) => `<Relationship${id}${t}/>`).join("")}</Relationships>`),
  );
const shared = fc
  .array(fc.string({ maxLength: 5 }), { maxLength: 4 })
  .map((ss) => xml(`<sst>${ss.map((s) => `<si><t>${attr(s)}</t></si>`).join("")}</sst>`));

/** Well-formed XLSX parts with arbitrary names, targets, references, types and values. */
const structuredXlsx = fc
  .tuple(workbook, rels, shared, xlsxSheet, fc.boolean())
  .map(([wb, r, ss, sheet, withStrings]) =>
    xlsx({
      "xl/workbook.xml": wb,
      "xl/_rels/workbook.xml.rels": r,
      ...(withStrings ? { "xl/sharedStrings.xml": ss } : {}),
      "xl/worksheets/sheet1.xml": sheet,
    }),
  );

const odsCell = fc
  .tuple(
    opt("table:number-columns-repeated", number),
    opt("office:value-type", fc.constantFrom("float", "percentage", "string", "date", "boolean", "x")),
    opt("office:value", number),
    fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
  )
  .map(([rep, type, value, text]) =>
    text === undefined
      ? `<table:table-cell${rep}${type}${value}/>`
      : `<table:table-cell${rep}${type}${value}><text:p>${attr(text)}<text:s text:c="3"/></text:p></table:table-cell>`,
  );
const odsRow = fc
  .tuple(opt("table:number-rows-repeated", number), fc.array(odsCell, { maxLength: 4 }))
  .map(([rep, cells]) => `<table:table-row${rep}>${cells.join("")}</table:table-row>`);
/** Well-formed content.xml with arbitrary sheet names and repeat counts (ODS's own compression). */
const structuredOds = fc
  .array(fc.tuple(opt("table:name", name), fc.array(odsRow, { maxLength: 5 })), { maxLength: 3 })
  .map((tables) =>
    ods(
      xml(
        `<office:document-content><office:body><office:spreadsheet>${tables
          .map(([n, rows]) => `<table:table${n}>${rows.join("")}</table:table>`)
          .join("")}</office:spreadsheet></office:body></office:document-content>`,
      ),
    ),
  );

const ENTRY_NAMES = [
  "mimetype",
  "content.xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/sharedStrings.xml",
  "xl/worksheets/sheet1.xml",
];

describe("spreadsheet readers fuzzed", () => {
  it("arbitrary bytes, and bytes behind a zip signature: sheets or a typed error", () => {
    const pk = fc.uint8Array({ maxLength: 300 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b]));
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), pk), check), runs(300, 22_201));
  });

  it("a real zip of plausible entries holding arbitrary bytes or text", () => {
    const content = fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string({ maxLength: 200 }).map(strToU8));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...ENTRY_NAMES), content, { maxKeys: 6 }),
        fc.boolean(),
        (entries, odsFirst) =>
          check(
            odsFirst
              ? ods(entries["content.xml"] ?? new Uint8Array(), entries)
              : zipSync(entries as Record<string, Uint8Array>),
          ),
      ),
      runs(300, 22_202),
    );
  });

  it("a published ODS with its content.xml damaged", () => {
    fc.assert(
      fc.property(damaged(RDC_CONTENT), (content) =>
        check(ods(content, { "styles.xml": RDC["styles.xml"] })),
      ),
      runs(60, 22_203),
    );
  });

  it("well-formed XLSX parts with arbitrary sheet names, targets, references and values", () => {
    fc.assert(fc.property(structuredXlsx, check), runs(500, 22_204));
  });

  it("well-formed ODS content with arbitrary sheet names, values and repeat counts", () => {
    fc.assert(fc.property(structuredOds, check), runs(200, 22_205));
  });
});
