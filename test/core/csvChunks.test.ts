// The readers for text that arrives in pieces give what the whole-text readers give: CsvChunkReader the
// same rows and lines wherever the text is cut, as readCsv (which is CsvChunkReader given one piece) reads
// them and refuses what it refuses, LadeColumns the observations of parseLade, and
// TextPieces the text of decodeText, wherever the pieces are cut.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FormatError, readCsv } from "../../src/core/parsers/csv.js";
import { parseLade } from "../../src/core/parsers/index.js";
import { CsvChunkReader } from "../../src/core/parsers/csvChunks.js";
import { groupRows, LadeColumns } from "../../src/core/parsers/ladeColumns.js";
import { decodeText, TextPieces } from "../../src/core/text.js";
import { LADE_FILES, ladeText } from "../support/lade.js";

/** `text` cut at the given points (sorted, deduplicated, within the text). */
function cut(text: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces;
}

function chunked(pieces: readonly string[]): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  const reader = new CsvChunkReader((row, line) => {
    rows.push([...row]);
    lines.push(line);
  });
  for (const p of pieces) reader.push(p);
  reader.end();
  return { rows, lines };
}

function outcome<T>(f: () => T): { ok: T } | { error: string } {
  try {
    return { ok: f() };
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    return { error: e.message };
  }
}

describe("CsvChunkReader", () => {
  it("reads any text, cut anywhere, as readCsv does", () => {
    const char = fc.constantFrom("a", "b", " ", ",", '"', "\n", "\r", "\r\n", "\uFEFF", "é");
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), fc.array(fc.nat(80), { maxLength: 6 }), (chars, at) => {
        const text = chars.join("");
        const whole = outcome(() => readCsv(text));
        const pieces = outcome(() => chunked(cut(text, at)));
        if ("error" in whole && !/fields? where the header has|The file is empty/.test(whole.error)) {
          // A quote readCsv refuses is refused too (its message may name another line: see csvChunks.ts).
          expect(pieces).toHaveProperty("error");
          return;
        }
        expect(pieces, text).toHaveProperty("ok");
        if (!("ok" in pieces)) return;
        const { rows, lines } = pieces.ok;
        if ("ok" in whole) {
          expect(rows[0].map((h) => h.trim())).toEqual(whole.ok.header);
          expect(rows.slice(1)).toEqual(whole.ok.rows);
          expect(lines.slice(1)).toEqual(whole.ok.lines);
        } else if (whole.error === "The file is empty") expect(rows).toEqual([]);
        else expect(rows.some((r) => r.length !== rows[0].length)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads quoted line breaks, doubled quotes, CRLF, a lone CR, a BOM and blank lines, whole or in pieces", () => {
    const text = '\uFEFFa,b\r\n"x\ny",2\r\n\r\n3,"q""r"\r4,5';
    const rows = [
      ["x\ny", "2"],
      ["3", 'q"r'],
      ["4", "5"],
    ];
    expect(readCsv(text)).toEqual({ header: ["a", "b"], rows, lines: [2, 5, 6] });
    for (const at of [[1], [6, 7], [9, 14, 15], [20, 21, 22]])
      expect(chunked(cut(text, at))).toEqual({ rows: [["a", "b"], ...rows], lines: [1, 2, 5, 6] });
  });

  it("gives the same message as readCsv for a quote never closed", () => {
    const text = 'a,b\n1,2\n3,"4\n5,6\n';
    expect(() => chunked(cut(text, [5, 11]))).toThrow(/^Line 3: a quote opened here is never closed$/);
    expect(() => readCsv(text)).toThrow(/^Line 3: a quote opened here is never closed$/);
  });

  it("hands on only the columns asked for, checking the others", () => {
    const rows: string[][] = [];
    const reader = new CsvChunkReader((row) => rows.push([...row]));
    reader.only([2]);
    reader.push('a,b,c\n1,"x,y",3\n');
    reader.end();
    expect(rows).toEqual([
      ["a", "", "c"],
      ["1", "", "3"],
    ]);
    const bad = new CsvChunkReader(() => {});
    bad.only([0]);
    expect(() => bad.push('a,b\n1,x"y\n')).toThrow(/quote inside an unquoted field/);
  });
});

/** parseLade's observations and lines, from the columns read in pieces of `size` characters. */
function viaColumns(text: string, size: number) {
  const t = new LadeColumns();
  for (let i = 0; i < text.length; i += size) t.push(text.slice(i, i + size));
  t.end();
  const { dropped, duplicates } = groupRows(t);
  const kept = [...Array(t.length).keys()].filter((k) => !dropped[k]);
  return {
    observations: kept.map((k) => t.observation(k)),
    lines: kept.map((k) => t.line[k]),
    metrics: [...t.metrics.values()],
    duplicates,
  };
}

const LADE_HEADER =
  "Financial year,Local authority code,Local authority name,Grouping,Entity_Name,Region,Measure,Code,Value,MEDIAN,MADs_from_median,rank_order";

describe("LadeColumns", () => {
  it.each(LADE_FILES)("reads %s as parseLade does, in pieces of any size", (file) => {
    const text = ladeText(file);
    const want = parseLade(text);
    for (const size of [1 << 20, 4096, 97]) {
      const got = viaColumns(text, size);
      expect(got.observations).toEqual(want.observations);
      expect(got.lines).toEqual(want.lines);
      expect(got.metrics).toEqual(want.metrics);
    }
  });

  it("reads odd cells and line endings as parseLade does", () => {
    const rows = [
      '2022-23,E06000001, Hartlepool ,LA_Raw,UA,NE,"Outcome, ""quoted""",ASC1,"1,234",,,',
      "2022/23,E06000002,Middlesbrough,LA_Raw,UA,NE,m,ASC1,12%,,,desc",
      '2022-23,E06000003,"Redcar\nand Cleveland",LA_Raw,UA,NE,m,ASC1,[c],,,',
      "2022-23,E06000004,Stockton,LA_Raw,UA,NE,m,ASC1,x,,,",
      "2022-23,E06000004,Stockton,LA_Raw,UA,NE,m,ASC1,x,,,", // an exact repeat
      "",
      "2022-23,E06000005,=Darlington,LA_Raw,UA,NE,m,ASC1,-0,,,",
      "2022-23,E06000006,Halton,LA_Raw,UA,NE,m,ASC1,.5,,,",
      "2021-22,E06000006,Halton,LA_Raw,UA,NE,m,ASC2,1e400,,,None",
      "2021-22,E06000007,Warrington,LA_Raw,UA,NE,m,ASC2,  7.25  ,,,None",
    ];
    for (const eol of ["\n", "\r\n"]) {
      const text = "\uFEFF" + [LADE_HEADER, ...rows].join(eol) + eol;
      const want = parseLade(text);
      for (const size of [1 << 20, 7, 1]) {
        const got = viaColumns(text, size);
        expect(got.observations).toEqual(want.observations);
        expect(got.lines).toEqual(want.lines);
        expect(got.metrics).toEqual(want.metrics);
        expect(got.duplicates).toBe(1);
      }
    }
  });

  it("refuses two values for one council, metric and period, as parseLade does", () => {
    const text = [
      LADE_HEADER,
      "2022-23,E06000001,Hartlepool,,,,m,ASC1,1,,,",
      "2022-23,E06000001,Hartlepool,,,,m,ASC1,2,,,",
    ].join("\n");
    const t = new LadeColumns();
    t.push(text);
    t.end();
    expect(() => groupRows(t)).toThrow(
      /^Lines 2 and 3 give Hartlepool \(E06000001\) two values for "ASC1" in 2022-23: 1 and 2/,
    );
    expect(() => parseLade(text)).toThrow(/^Lines 2 and 3 give Hartlepool/);
  });
});

describe("TextPieces", () => {
  it("decodes a file read in pieces as decodeText does, and refuses what it refuses", () => {
    const good = new TextEncoder().encode("\uFEFFa,b\nÉcole,naïve – “quoted” 😀\n".repeat(300));
    const bad = [
      new Uint8Array([0xff, 0xfe, 0x61, 0x00]),
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]),
      new Uint8Array([...good.subarray(0, 5000), 0xc3, 0x28]),
      new TextEncoder().encode("a,b\n".repeat(2000) + "\u001b[31m"),
    ];
    for (const size of [1, 3, 4095, 1 << 16]) {
      const read = (bytes: Uint8Array) => {
        const pieces = new TextPieces();
        let text = "";
        for (let i = 0; i < bytes.length; i += size)
          text += pieces.decode(bytes.subarray(i, i + size), false);
        return text + pieces.decode(new Uint8Array(0), true);
      };
      expect(read(good)).toBe(decodeText(good));
      for (const b of bad) {
        const message = outcome(() => decodeText(b));
        expect(message).toHaveProperty("error");
        expect(outcome(() => read(b))).toEqual(message);
      }
    }
  });
});
