// The CSV readers over arbitrary bytes and arbitrary grids under the real formats' headers: every file
// either loads well-formed rows or is refused with a typed, plain error.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readObservations } from "../../src/core/load.js";
import { groupRows, LadeColumns } from "../../src/core/parsers/ladeColumns.js";
import { readCsv } from "../../src/core/parsers/csv.js";
import { p153Reader } from "../../src/core/publishers/p153.js";
import { decodeText } from "../../src/core/text.js";
import { expectWellFormed, returnsOrTypedError, runs } from "./typedError.js";

const LADE =
  "Financial year,Local authority code,Local authority name,Grouping,Entity_Name,Region,Measure,Code,Value,MEDIAN,MADs_from_median,rank_order";
const ELS = "areacd,areanm,geography,indicator,period,observation,measure,unit,lci_95,uci_95,status,notes";
const TIDY = "areacd,areanm,period,indicator,value";
const P153 = "reference,name,percentage";

/** Cells publishers and damaged files hold: codes, years, numbers of every shape, markers, formulas. */
const cellText = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "E07000245",
    "E06000005",
    "E92000001",
    "West Suffolk",
    "2023-24",
    "2023-08-01/P1Y",
    "YE2025-03",
    "County or Unitary Authority",
    "Local Authority District",
    "ASC1",
    "desc",
    "None",
    "[x]",
    "..",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "-1e-400",
    "1,234",
    "1,23",
    "12%",
    "0x1F",
    "=cmd|' /C calc'!A0",
    "+SUM(A1)",
    "@A1",
    "__proto__",
    "constructor",
    "\uFEFF",
  ),
  fc.double().map(String),
  fc.integer().map(String),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('"', ",", "\n", "\r", "a", " ", "1"), maxLength: 8 }),
);

/** A cell as a CSV writer (or a careless one) puts it on the line. */
const cellField = fc.oneof(
  { weight: 3, arbitrary: cellText.map((t) => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t)) },
  { weight: 1, arbitrary: cellText },
);

/** A file under one of the real headers: rows of any width, line endings of every kind, maybe no last break. */
function csvFile(header: string) {
  const width = header.split(",").length;
  const row = fc.oneof(
    { weight: 4, arbitrary: fc.array(cellField, { minLength: width, maxLength: width }) },
    { weight: 1, arbitrary: fc.array(cellField, { maxLength: width + 2 }) },
  );
  return fc
    .tuple(fc.array(row, { maxLength: 12 }), fc.constantFrom("\n", "\r\n", "\r"), fc.boolean(), fc.boolean())
    .map(([rows, eol, bom, last]) => {
      const text = [header, ...rows.map((r) => r.join(","))].join(eol) + (last ? eol : "");
      return bom ? `\uFEFF${text}` : text;
    });
}

const anyCsv = fc.oneof(csvFile(LADE), csvFile(ELS), csvFile(TIDY));

describe("readObservations fuzzed", () => {
  it("arbitrary text, detected or read as each format: rows or a typed error", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom(undefined, "lade", "els", "tidy", "snapshot"),
        (text, format) => {
          const out = returnsOrTypedError(() => readObservations(text, format));
          if (out) expectWellFormed(out);
        },
      ),
      runs(400, 22_001),
    );
  });

  it("arbitrary grids under the LADE, ELS and tidy headers: well-formed rows or a typed error", () => {
    fc.assert(
      fc.property(anyCsv, fc.constantFrom(undefined, "lade", "els", "tidy"), (text, format) => {
        const out = returnsOrTypedError(() => readObservations(text, format));
        if (out) expectWellFormed(out);
      }),
      runs(800, 22_002),
    );
  });

  it("arbitrary bytes as a downloaded file: decoded and read, or refused with a typed error", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const out = returnsOrTypedError(() => readObservations(decodeText(bytes)));
        if (out) expectWellFormed(out);
      }),
      runs(400, 22_003),
    );
  });
});

describe("the LADE reader for large files fuzzed", () => {
  it("arbitrary LADE grids in arbitrary pieces: rows as readCsv reads them, or a typed error", () => {
    fc.assert(
      fc.property(csvFile(LADE), fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const t = new LadeColumns();
        const ok = returnsOrTypedError(() => {
          let at = 0;
          for (const cut of [...cuts.map((c) => c % (text.length + 1))].sort((a, b) => a - b)) {
            t.push(text.slice(at, cut));
            at = cut;
          }
          t.push(text.slice(at));
          t.end();
          return groupRows(t);
        });
        if (!ok) return;
        const rows = Array.from({ length: t.length }, (_, k) => t.observation(k));
        expectWellFormed(rows);
        // Whatever the pieces, the rows are the ones read from the whole text.
        expect(rows.length).toBe(readCsv(text).rows.length);
      }),
      runs(500, 22_004),
    );
  });
});

describe("the P153 mirror reader fuzzed", () => {
  it("arbitrary bytes and grids: rows or a typed error", () => {
    const encode = (s: string) => new TextEncoder().encode(s);
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 300 }), csvFile(P153).map(encode)),
        fc.constantFrom(undefined, "YE2025-12", "2023-24", ""),
        (bytes, period) => {
          const out = returnsOrTypedError(() => p153Reader.read(bytes, { period }));
          if (out) expectWellFormed(out);
        },
      ),
      runs(400, 22_005),
    );
  });
});
