// The exported workbook recalculated by a real spreadsheet engine (LibreOffice, headless): its formulas,
// not the add-in, give every published LADE score, and a corrected value rescores the rest.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXlsx, type Cell } from "../../src/core/spreadsheet/index.js";
import { scoreFileRows } from "../../src/cli/scoreFile.js";
import { expectClose, ladeRows, num, PUBLISHED_SCORES, TOLERANCE } from "../support/lade.js";
import { sharedFile } from "../support/paths.js";
import { runCli } from "./cliProcess.js";

const HEADER = ["Council code", "Council", "Period", "Value", "Median", "MAD", "MAD score", "Band"];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "export-xlsx-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exports FILE with the CLI, has LibreOffice recalculate and save it, and reads back what it computed. */
async function exportAndRecalculate(file: string, edit?: (sheetXml: string) => string) {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  const ran = await runCli(["export", file, "--out", out]);
  expect(ran.stderr).toBe("");
  expect(ran.status).toBe(0);
  if (edit) {
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    files["xl/worksheets/sheet1.xml"] = strToU8(edit(strFromU8(files["xl/worksheets/sheet1.xml"])));
    writeFileSync(out, zipSync(files));
  }
  const recalculated = join(dir, "recalculated");
  execFileSync("soffice", ["--headless", "--calc", "--convert-to", "xlsx", "--outdir", recalculated, out], {
    stdio: "ignore",
    timeout: 120_000,
    env: { ...process.env, HOME: dir }, // a profile of its own, so parallel runs do not share one
  });
  return readXlsx(new Uint8Array(readFileSync(join(recalculated, out.split("/").at(-1)!))));
}

/** Data rows by column name (the header is the 4th row). */
function table(rows: Cell[][]): Record<string, Cell>[] {
  const header = rows[3].map(String);
  return rows
    .slice(4)
    .filter((r) => r.length)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])));
}

const errorCells = (rows: Cell[][]) =>
  rows.flat().filter((c) => typeof c === "string" && /^(#|Err:)/.test(c));

describe("export FILE --out OUT.xlsx, recalculated in LibreOffice", () => {
  it("gives every published LADE score of ASC5–ASC7, with no error cell", async () => {
    const sheets = await exportAndRecalculate(sharedFile("oflog-lade-asc5-7.csv"));
    const byKey = new Map<string, Record<string, Cell>>();
    for (const s of sheets) {
      expect(s.rows[3].slice(0, HEADER.length)).toEqual(HEADER);
      expect(errorCells(s.rows), s.name).toEqual([]);
      for (const r of table(s.rows)) byKey.set(`${s.name.slice(0, 6)} ${r["Council code"]} ${r.Period}`, r);
    }
    const sheetOf = { ASC5: "Outcom", ASC6: "Reques", ASC7: "Workfo" } as Record<string, string>;
    let scores = 0;
    for (const p of ladeRows("oflog-lade-asc5-7.csv")) {
      const got = byKey.get(`${sheetOf[p.Code]} ${p["Local authority code"]} ${p["Financial year"]}`);
      expect(got, `${p.Code} ${p["Local authority code"]} ${p["Financial year"]}`).toBeDefined();
      const score = num(p.MADs_from_median);
      if (score === null) {
        expect(got!["MAD score"]).toBeNull();
        continue;
      }
      // LibreOffice saves 15 significant digits; LADE printed 10.
      expectClose(got!["MAD score"], score, TOLERANCE["oflog-lade-asc5-7.csv"]);
      expectClose(got!.Median, num(p.MEDIAN)!, TOLERANCE["oflog-lade-asc5-7.csv"]);
      scores++;
    }
    expect(scores).toBe(PUBLISHED_SCORES["oflog-lade-asc5-7.csv"]);
  }, 180_000);

  it("excludes blank and suppressed values as the core does, and rescores when a value is corrected", async () => {
    const rows = [
      ["E06000001", "Hartlepool", "40"],
      ["E06000002", "Middlesbrough", "[c]"],
      ["E06000003", "Redcar and Cleveland", "55.5"],
      ["E06000004", "Stockton-on-Tees", ""],
      ["E06000005", "Darlington", "47"],
      ["E06000006", "Halton", "60.25"],
      ["E06000007", "Warrington", "=1+1"],
      ["E06000008", "Blackburn with Darwen", "12"],
    ];
    const csv = [
      "areacd,areanm,period,indicator,value",
      ...rows.map(([c, n, v]) => `${c},${n},2024-25,made-up-rate,${v}`),
    ].join("\n");
    const file = join(dir, "blanks.csv");
    writeFileSync(file, csv);
    const core = (await scoreFileRows(file, {})).scored;

    const check = (sheet: Cell[][], want: typeof core) => {
      expect(errorCells(sheet)).toEqual([]);
      const got = table(sheet);
      want.forEach((o, i) => {
        const r = got[i];
        expect(r["Council code"]).toBe(o.areacd);
        for (const [col, v] of [
          ["Median", o.median],
          ["MAD", o.mad],
          ["MAD score", o.score],
        ] as const) {
          if (v === null) expect(r[col], `${o.areanm} ${col}`).toBeNull();
          else expectClose(r[col], v, 1e-13);
        }
        expect(r.Band, o.areanm).toBe(o.band);
      });
    };
    const [sheet] = await exportAndRecalculate(file);
    check(sheet.rows, core);
    // The text "=1+1" stayed text: no formula came from the file.
    expect(table(sheet.rows).find((r) => r["Council code"] === "E06000007")!.Value).toBe("=1+1");

    // Hartlepool's 40 corrected to 90 in the file: the sheet's own formulas rescore everyone.
    const edited = await exportAndRecalculate(file, (xml) =>
      xml.replace(/(<c r="D5"[^>]*>)<v>40<\/v>/, "$1<v>90</v>"),
    );
    writeFileSync(
      file,
      csv.replace("Hartlepool,2024-25,made-up-rate,40", "Hartlepool,2024-25,made-up-rate,90"),
    );
    const rescored = (await scoreFileRows(file, {})).scored;
    expect(rescored[0].median).not.toBe(core[0].median);
    check(edited[0].rows, rescored);
  }, 180_000);
});
