// The export's colours and their key: each band's score range in the key holds scores of that band for the
// metric's polarity, and the conditional formats colour a band as its key cell is coloured.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { band } from "../../src/core/band.js";
import type { Polarity } from "../../src/core/model.js";
import { runCli } from "./cliProcess.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "export-key-"));
  const values = [40, 55.5, 47, 60.25, 12, 33];
  const csv = [
    "areacd,areanm,period,indicator,value",
    ...values.map((v, i) => `E0600000${i + 1},Council ${i + 1},2024-25,made-up-rate,${v}`),
  ];
  writeFileSync(join(dir, "ons.csv"), csv.join("\n"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function exported(args: string[]): Promise<ExcelJS.Worksheet[]> {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  const ran = await runCli(["export", ...args, "--out", out]);
  expect(ran.stderr).toBe("");
  expect(ran.status).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(readFileSync(out)).buffer);
  return workbook.worksheets;
}

/** A score inside a key's range: "3 or more" 4, "−1.5 to −0.5" −1, "below −3" −4. */
function inside(range: string): number {
  const n = (s: string) => Number(s.replace("−", "-"));
  const m = /^(.+) to (.+)$/.exec(range);
  if (m) return (n(m[1]) + n(m[2])) / 2;
  const one = /^(?:below |above )?(\S+)(?: or (?:more|less))?$/.exec(range)!;
  const edge = n(one[1]);
  return /below| or less/.test(range) ? edge - 1 : edge + 1;
}

/** The key beside the table: [band word, score range, fill] from the cell titled "Band (MAD score)". */
function key(ws: ExcelJS.Worksheet): [string, string, string][] {
  let at: ExcelJS.Cell | undefined;
  ws.eachRow((row) => row.eachCell((c) => void (c.value === "Band (MAD score)" && (at = c))));
  expect(at, "the key's title").toBeDefined();
  const rows: [string, string, string][] = [];
  for (let r = Number(at!.row) + 1; ; r++) {
    const word = ws.getCell(r, Number(at!.col)).value;
    const range = ws.getCell(r, Number(at!.col) + 1).value;
    if (typeof range !== "string") break;
    const fill = ws.getCell(r, Number(at!.col)).fill as ExcelJS.FillPattern;
    rows.push([String(word), range, String(fill.fgColor?.argb)]);
  }
  return rows;
}

describe("the export's band colours and key", () => {
  it.each<Polarity>(["higher", "lower", "none"])(
    "a metric where %s: the key's ranges hold scores of its bands, coloured as the formats colour them",
    async (polarity) => {
      const [ws] = await exported([join(dir, "ons.csv"), "--polarity", polarity]);
      const rows = key(ws);
      expect(rows).toHaveLength(7);
      // exceljs keeps what addConditionalFormatting was given (and what it read) here, untyped.
      const formats = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
        .conditionalFormattings;
      const rules = formats.flatMap((f) => f.rules) as ExcelJS.ExpressionRuleType[];
      for (const [word, range, fill] of rows) {
        expect(band(inside(range), polarity), `${word}: ${range}`).toBe(word);
        const rule = rules.find((r) => r.formulae?.[0]?.endsWith(`="${word}"`));
        expect(rule, word).toBeDefined();
        expect((rule!.style!.fill as ExcelJS.FillPattern).fgColor?.argb ?? "", word).toBe(fill);
      }
      // Every colour differs, so no two bands look alike.
      expect(new Set(rows.map((r) => r[2])).size).toBe(7);
    },
    60_000,
  );

  it("exports shipped data with --metric and --period, one sheet with the header cells", async () => {
    const sheets = await exported(["--metric", "household-waste-recycling-rate", "--period", "2023-24"]);
    expect(sheets).toHaveLength(1);
    const header = sheets[0].getRow(4).values as unknown[];
    expect(header.slice(1, 9)).toEqual([
      "Council code",
      "Council",
      "Period",
      "Value",
      "Median",
      "MAD",
      "MAD score",
      "Band",
    ]);
    const periods = new Set<unknown>();
    sheets[0].eachRow((row, r) => void (r > 4 && periods.add(row.getCell(3).value)));
    expect([...periods]).toEqual(["2023-24"]);
    expect(sheets[0].rowCount).toBeGreaterThan(250);
  }, 60_000);
});
