// The fake Excel calculates formulas as Excel does (test/fakes/calc.ts), refuses the formulas Excel refuses,
// and gives the published LADE scores from the generator's formulas (core/formulas.ts) in its tables. The
// expected values come from Excel's documented behaviour, not from the fake.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { scoreFileRows } from "../../src/cli/scoreFile.js";
import { band, isOutlier } from "../../src/core/band.js";
import { scoreFormulas, tableRefs } from "../../src/core/formulas.js";
import { spread } from "../../src/core/mad.js";
import { scoreAgainst } from "../../src/core/madScore.js";
import type { Polarity } from "../../src/core/model.js";
import { periodLabel } from "../../src/core/periods.js";
import { COMPARED_AMONG, TABLE_COLUMN_NAMES } from "../../src/core/table.js";
import { fromR1C1, toR1C1 } from "../fakes/a1.js";
import {
  FakeOfficeError,
  installFakeOffice,
  uninstallFakeOffice,
  type FakeExcelHost,
  type Scalar,
} from "../fakes/fakeExcel.js";
import { expectClose, ladeRows, num, PUBLISHED_SCORES, TOLERANCE } from "../support/lade.js";
import { sharedFile } from "../support/paths.js";

let excel: FakeExcelHost;
beforeEach(() => {
  excel = installFakeOffice(globalThis);
});
afterEach(() => uninstallFakeOffice(globalThis));

const letter = (col: number) => String.fromCharCode(65 + col);

/** What Excel shows for `formula` typed into Sheet1!H1, with `cells` typed from A1 first. */
function calc(formula: string, cells: Scalar[][] = []): Scalar {
  if (cells.length) excel.enter(`Sheet1!A1:${letter(cells[0].length - 1)}${cells.length}`, cells);
  excel.enter("Sheet1!H1", [[formula]]);
  return excel.values("Sheet1!H1")[0][0];
}

const run = (batch: (sheet: Excel.Worksheet, context: Excel.RequestContext) => void) =>
  Excel.run(async (context) => {
    batch(context.workbook.worksheets.getItem("Sheet1"), context);
    await context.sync();
  });

/** Reads values through the Office API, as the add-in does. */
async function readValues(address: string, sheet = "Sheet1"): Promise<Scalar[][]> {
  return Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("values");
    await context.sync();
    return range.values as Scalar[][];
  });
}

describe("the fake calculates as Excel does", () => {
  it.each([
    ["=1.5E3", 1500],
    ['="say ""hi"""', 'say "hi"'],
    ["=TRUE", true],
    ["=#N/A", "#N/A"],
    // Excel's precedence: negation, %, ^, * /, + -, &, comparisons; ^ is left to right.
    ["=1+2*3", 7],
    ["=-2^2", 4],
    ["=2^3^2", 64],
    ["=2^-1", 0.5],
    ["=1+2&3", "33"],
    ["=1+1=2", true],
    ["=50%", 0.5],
    ["=(1+2)*3", 9],
    ['="x"&1/4&TRUE', "x0.25TRUE"],
  ])("%s is %j", (formula, want) => {
    expect(calc(formula)).toBe(want);
  });

  it("counts a blank cell as 0 in arithmetic and as empty text against text", () => {
    expect(calc("=A1+1", [[""]])).toBe(1);
    expect(calc('=A1=""')).toBe(true);
    expect(calc("=A1=0")).toBe(true);
    expect(calc("=A1")).toBe(0);
    expect(calc('=A1&"x"')).toBe("x");
    expect(calc("=1/A1")).toBe("#DIV/0!");
  });

  it("compares text without regard to case, and numbers < text < logicals; a number is never equal to text", () => {
    expect(calc('="ABC"="abc"')).toBe(true);
    expect(calc('="a"<"B"')).toBe(true);
    expect(calc('=1="1"')).toBe(false);
    expect(calc('=1<>"1"')).toBe(true);
    expect(calc('=1E300<"a"')).toBe(true);
    expect(calc('="zzz"<FALSE')).toBe(true);
    expect(calc("=TRUE>1")).toBe(true);
    expect(calc("=2>=2")).toBe(true);
    expect(calc("=A1<=B1", [[3, 2]])).toBe(false);
  });

  it("gives #DIV/0! for a division by 0 and #VALUE! for text in arithmetic; numbers typed as text count", () => {
    expect(calc("=1/0")).toBe("#DIV/0!");
    expect(calc("=0/0")).toBe("#DIV/0!");
    expect(calc('="[c]"+1')).toBe("#VALUE!");
    expect(calc("=A1*2", [["[c]"]])).toBe("#VALUE!");
    expect(calc('=""+1')).toBe("#VALUE!");
    expect(calc('="2"*3')).toBe(6);
    expect(calc("=TRUE+1")).toBe(2);
  });

  it("passes errors on through operators and functions, the first one first, until IFERROR catches them", () => {
    expect(calc('=(1/0)+"x"')).toBe("#DIV/0!");
    expect(calc('="x"+(1/0)')).toBe("#VALUE!");
    expect(calc("=ABS(1/0)")).toBe("#DIV/0!");
    expect(calc("=1/0=1")).toBe("#DIV/0!");
    expect(calc("=SUM(1,#N/A)")).toBe("#N/A");
    expect(calc('=IFERROR(1/0,"caught")')).toBe("caught");
    expect(calc('=IFERROR(1,"caught")')).toBe(1);
    expect(calc("=IFERROR(A1,5)", [[""]])).toBe(0);
    // Elementwise over an array: each error replaced.
    expect(calc("=SUMPRODUCT(IFERROR(1/A1:A3,0))", [[2], [0], [4]])).toBe(0.75);
  });

  it("chooses with IF, elementwise when the condition is an array", () => {
    expect(calc('=IF(1,"y","n")')).toBe("y");
    expect(calc('=IF(0,"y")')).toBe(false);
    expect(calc('=IF(A1="","",1)', [[""]])).toBe("");
    expect(calc('=IF("x",1,2)')).toBe("#VALUE!");
    expect(calc("=IF(1/0,1,2)")).toBe("#DIV/0!");
    expect(calc("=SUMPRODUCT(IF(A1:A3>1,A1:A3,0))", [[1], [2], [3]])).toBe(5);
  });

  it("tests with ISNUMBER, ABS, INT, NOT, AND and OR, elementwise where Excel is", () => {
    expect(calc('=ISNUMBER("1")')).toBe(false);
    expect(calc("=ISNUMBER(A1)", [[""]])).toBe(false);
    expect(calc("=ISNUMBER(1/0)")).toBe(false);
    expect(calc("=SUMPRODUCT(ISNUMBER(A1:A3)*1)", [[1], ["[c]"], [""]])).toBe(1);
    expect(calc("=SUMPRODUCT(ABS(A1:A3))", [[-1], [2], [-3]])).toBe(6);
    expect(calc("=INT(-1.5)")).toBe(-2);
    expect(calc("=INT(2.7)")).toBe(2);
    expect(calc("=NOT(0)")).toBe(true);
    expect(calc("=NOT(A1)", [[""]])).toBe(true);
    expect(calc("=AND(TRUE,1)")).toBe(true);
    expect(calc("=AND(TRUE,0)")).toBe(false);
    expect(calc("=OR(FALSE,2)")).toBe(true);
    // Text and blanks in references are left out; with no logical value at all there is no answer.
    expect(calc("=AND(A1:A3)", [[true], ["text"], [""]])).toBe(true);
    expect(calc("=OR(A2:A3)")).toBe("#VALUE!");
    expect(calc('=AND("x")')).toBe("#VALUE!");
  });

  it("sums with SUM and SUMPRODUCT as Excel counts: text and logicals of ranges skipped, typed ones coerced", () => {
    expect(calc("=SUM(A1:A4)", [[1], ["'2"], [true], [4]])).toBe(5);
    expect(calc('=SUM("3",1,TRUE)')).toBe(5);
    expect(calc('=SUM("x")')).toBe("#VALUE!");
    // SUMPRODUCT treats non-numbers (logicals included) as 0, so comparisons need arithmetic first.
    expect(calc("=SUMPRODUCT(A1:A4>0)")).toBe(0);
    expect(calc("=SUMPRODUCT((A1:A4>0)*1)")).toBe(4);
    expect(calc("=SUMPRODUCT(A1:A4,A1:A4)")).toBe(17);
    expect(calc("=SUMPRODUCT(A1:A4,A1:A3)")).toBe("#VALUE!");
  });

  it("finds the median of the numbers, skipping text, logicals and blanks in references", () => {
    expect(calc("=MEDIAN(A1:A5)", [[3], [1], ["[c]"], [""], [true]])).toBe(2);
    expect(calc("=MEDIAN(A1:A2,10)")).toBe(3);
    expect(calc("=MEDIAN(1,2,3,4)")).toBe(2.5);
    expect(calc("=MEDIAN(A3:A5)")).toBe("#NUM!");
  });

  it("takes the k-th largest or smallest with AGGREGATE 14 and 15, option 6 skipping errors", () => {
    const cells = [[5], [1], ["[c]"], [""], [true], [3], [9]];
    expect(calc("=AGGREGATE(15,6,A1:A7,1)", cells)).toBe(1);
    expect(calc("=AGGREGATE(15,6,A1:A7,2)")).toBe(3);
    expect(calc("=AGGREGATE(14,6,A1:A7,1)")).toBe(9);
    expect(calc("=AGGREGATE(14,6,A1:A7,4)")).toBe(1);
    expect(calc("=AGGREGATE(14,6,A1:A7,5)")).toBe("#NUM!");
    expect(calc("=AGGREGATE(15,6,A1:A7,0)")).toBe("#NUM!");
    // Errors of an array expression skipped with option 6, not with option 4 (TRUE/1 would be 1: hence ISNUMBER).
    expect(calc("=AGGREGATE(15,6,A1:A7/((A1:A7>2)*ISNUMBER(A1:A7)),1)")).toBe(3);
    expect(calc("=AGGREGATE(15,4,A1:A7/((A1:A7>2)*ISNUMBER(A1:A7)),1)")).toBe("#DIV/0!");
    expect(calc("=AGGREGATE(15,6,1/0,1)")).toBe("#NUM!");
  });

  it("broadcasts arrays: against a value, an equal array, a row against a column; missing elements are #N/A", () => {
    const cells: Scalar[][] = [
      [1, 10, 100],
      [2, 20, 200],
      [3, 30, 300],
    ];
    expect(calc("=SUMPRODUCT(A1:A3*2)", cells)).toBe(12);
    expect(calc("=SUMPRODUCT(A1:A3*B1:B3)")).toBe(140);
    expect(calc("=SUMPRODUCT(A1:A3-B1:B3)")).toBe(-54);
    // A 3×1 column against a 1×2 row: a 3×2 array.
    expect(calc("=SUMPRODUCT(A1:A3*B1:C1)")).toBe(660);
    expect(calc("=SUMPRODUCT(A1:A3+B1:B2)")).toBe("#N/A");
    expect(calc("=SUMPRODUCT(A1:B3)")).toBe(66);
  });

  it("uses a formula cell's result in other formulas, recalculating when anything changes", () => {
    excel.enter("Sheet1!A1:C1", [[2, "=A1*2", "=B1+1"]]);
    expect(excel.values("Sheet1!A1:C1")).toEqual([[2, 4, 5]]);
    excel.enter("Sheet1!A1", [[10]]);
    expect(excel.values("Sheet1!C1")).toEqual([[21]]);
    excel.enter("Sheet1!A2:B2", [["=B2", "=A2"]]);
    expect(() => excel.values("Sheet1!A2")).toThrow(/circular reference/);
  });

  it("reads formulas through Range.values as results, errors as Excel's texts and '' as ''", async () => {
    await run((sheet) => {
      sheet.getRange("A1:D1").formulas = [["=1/0", '=IF(TRUE,"","x")', "=2*3", '="[c]"*1']];
    });
    expect(await readValues("A1:D1")).toEqual([["#DIV/0!", "", 6, "#VALUE!"]]);
    const formulas = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:D1").load("formulas");
      await context.sync();
      return range.formulas;
    });
    expect(formulas).toEqual([["=1/0", '=IF(TRUE,"","x")', "=2*3", '="[c]"*1']]);
  });

  it("throws naming a function or syntax the fake does not calculate, rather than giving a value", async () => {
    excel.enter("Sheet1!A1", [["=LOG10(100)"]]);
    expect(() => excel.values("Sheet1!A1")).toThrow(/LOG10/);
    await expect(readValues("A1")).rejects.toThrow(/LOG10/);
    await expect(run((sheet) => (sheet.getRange("A2").formulas = [["={1,2}"]]))).rejects.toThrow(
      /array constants/,
    );
    excel.enter("Sheet1!A3", [["=A4:A5"]]);
    expect(() => excel.values("Sheet1!A3")).toThrow(/spill/);
  });
});

describe("structured references", () => {
  beforeEach(async () => {
    excel.enter("Sheet1!A1:E4", [
      ["Name", "Value", "Compared among", "It's [x]", "Double"],
      ["a", 1, "All", 10, ""],
      ["b", "[c]", "all", 20, ""],
      ["c", 3, "", 30, ""],
    ]);
    await run((sheet) => (sheet.tables.add("A1:E4", true).name = "T"));
  });

  it("reads whole columns, this row's cells and escaped names", async () => {
    await run((sheet) => {
      sheet.getRange("E2:E4").formulas = [
        ["=[@Value]*2"],
        ["=[@[It''s '[x']]]+T[[#This Row],[It''s '[x']]]"],
        ['=[@[Compared among]]&"|"&T[@Name]'],
      ];
      sheet.getRange("G1:G4").formulas = [
        ["=SUM(T[Value])"],
        ['=SUMPRODUCT((T[Compared among]="ALL")*1)'],
        ["=SUM(T[[Value]])+SUM(T[[Value]:[It''s '[x']]])"],
        ["=SUM(T[#Headers])+SUMPRODUCT(ISNUMBER(T[#All])*1)"],
      ];
    });
    expect(excel.values("Sheet1!E2:E4")).toEqual([[2], [40], ["|c"]]);
    expect(excel.values("Sheet1!G1:G4")).toEqual([[4], [2], [68], [0 + 7]]);
  });

  it("gives #VALUE! for this row's cell outside the table's rows", async () => {
    await run(
      (sheet) => (sheet.getRange("G2:G6").formulas = [["=T[@Value]"], [""], [""], [""], ["=T[@Value]"]]),
    );
    expect(excel.values("Sheet1!G2")).toEqual([[1]]);
    expect(excel.values("Sheet1!G6")).toEqual([["#VALUE!"]]);
  });

  it("recalculates when the table changes", async () => {
    excel.enter("Sheet1!G1", [["=SUM(T[Value])"]]);
    expect(excel.values("Sheet1!G1")).toEqual([[4]]);
    excel.enter("Sheet1!B5", [[6]]);
    expect(excel.values("Sheet1!G1")).toEqual([[4]]);
    excel.resizeTable("T", "Sheet1!A1:E5");
    expect(excel.values("Sheet1!G1")).toEqual([[10]]);
    excel.enter("Sheet1!B3", [[100]]);
    expect(excel.values("Sheet1!G1")).toEqual([[110]]);
  });

  it("counts the body in the total row's SUBTOTAL", () => {
    excel.showTotals("T", true);
    expect(excel.formulas("Sheet1!E5")).toEqual([["=SUBTOTAL(103,[Double])"]]);
    excel.enter("Sheet1!B5", [["=SUBTOTAL(109,[Value])"]]);
    expect(excel.values("Sheet1!A5:E5")).toEqual([["Total", 4, "", "", 0]]);
  });
});

describe("formula writes, as strict as Excel", () => {
  beforeEach(async () => {
    excel.enter("Sheet1!A1:C3", [
      ["Name", "Value", "Double"],
      ["a", 1, ""],
      ["b", 2, ""],
    ]);
    await run((sheet) => (sheet.tables.add("A1:C3", true).name = "T"));
  });

  const invalid = { code: "InvalidArgument", message: expect.stringMatching(/^The argument is invalid/) };

  it.each([
    ["does not parse", "E1", "=SUM(1"],
    ["ends too soon", "E1", "=1+"],
    ["has an unclosed string", "E1", '="abc'],
    ["names an unknown function", "E1", "=FOO(1)"],
    ["gives IF too few arguments", "E1", "=IF(1)"],
    ["names a table that does not exist", "E1", "=SUM(Nope[Value])"],
    ["names a column the table does not have", "E1", "=SUM(T[Nope])"],
    ["uses [@…] outside a table", "E2", "=[@Value]*2"],
    ["uses [Column] outside a table", "E2", "=SUM([Value])"],
    ["leaves a special character after @ unbracketed", "C2", "=[@Compared among]"],
    ["names a sheet that does not exist", "E1", "=Nope!A1"],
  ])("refuses a formula that %s, at sync, writing nothing", async (_what, cell, formula) => {
    for (const prop of ["formulas", "values", "formulasR1C1"] as const) {
      await expect(
        run((sheet) => {
          sheet.getRange("E5:F5").formulas = [["=1+1", "kept"]];
          sheet.getRange(`${cell}:${cell.replace(/\d+/, (d) => String(Number(d) + 1))}`)[prop] = [
            [formula],
            ["=2+2"],
          ];
        }),
      ).rejects.toMatchObject(invalid);
      // Operations before the bad write ran (Excel does not roll back); the bad write wrote nothing.
      expect(excel.values("Sheet1!E5:F5")).toEqual([[2, "kept"]]);
      expect(excel.formulas(`Sheet1!${cell}`)).toEqual([[undefined]]);
    }
    expect(() => excel.enter(`Sheet1!${cell}`, [[formula]])).toThrow(FakeOfficeError);
  });

  it("accepts structured references inside the table and a table made earlier in the same batch", async () => {
    await run(
      (sheet) => (sheet.getRange("C2:C3").formulas = [["=[@Value]*2"], ["=T[[#This Row],[Value]]*2"]]),
    );
    expect(excel.values("Sheet1!C2:C3")).toEqual([[2], [4]]);
    await run((sheet) => {
      sheet.getRange("H1:H2").values = [["Score"], [5]];
      sheet.tables.add("H1:H2", true).name = "Later";
      sheet.getRange("J1").formulas = [["=SUM(Later[Score])+T[@Value]"]];
    });
    expect(excel.values("Sheet1!J1")).toEqual([["#VALUE!"]]);
    excel.enter("Sheet1!J2", [["=SUM(Later[Score])+T[@Value]"]]);
    expect(excel.values("Sheet1!J2")).toEqual([[6]]);
  });

  it("accepts an Excel function the fake does not calculate, and an unknown name (#NAME?)", () => {
    excel.enter("Sheet1!E1:E2", [["=LOG10(100)"], ["=nothing_defined+1"]]);
    expect(excel.formulas("Sheet1!E1")).toEqual([["=LOG10(100)"]]);
    expect(excel.values("Sheet1!E2")).toEqual([["#NAME?"]]);
  });
});

describe("R1C1 with structured references", () => {
  it("converts only real cell references", () => {
    expect(toR1C1("=Bench_asc5_7[Value]+A1", 0, 0)).toBe("=Bench_asc5_7[Value]+RC");
    // asc5 is a cell (column ASC) on its own, not inside a table name.
    expect(toR1C1("=asc5", 0, 0)).toBe("=R[4]C[1172]");
    expect(toR1C1(`=SUM(T[[#This Row],[MAD score]])*LOG10(B2)&"C3"&'A1 sheet'!C3&1E5+E5`, 1, 1)).toBe(
      `=SUM(T[[#This Row],[MAD score]])*LOG10(RC)&"C3"&'A1 sheet'!R[1]C[1]&1E5+R[3]C[3]`,
    );
    expect(toR1C1("=[@[It''s '[B2']]]+$B$2", 0, 0)).toBe("=[@[It''s '[B2']]]+R2C2");
    expect(fromR1C1("=RC[1]+Bench_RC[RC]+[@[R1C1]]+R1C1+'RC'!R[1]C", 0, 0)).toBe(
      "=B1+Bench_RC[RC]+[@[R1C1]]+$A$1+'RC'!A2",
    );
  });

  it("writes and reads the generator's formulas through formulasR1C1 unchanged", async () => {
    const header = ["Period", "Value", "Median", "MAD", "MAD score", "Band", "Outlier", "Compared among"];
    excel.enter("Sheet1!A1:H2", [header, ["2024-25", 5, "", "", "", "", "", "All"]]);
    await run((sheet) => (sheet.tables.add("A1:H2", true).name = "Bench_asc5_7"));
    const f = scoreFormulas("higher", tableRefs("Bench_asc5_7"));
    const row = [f.median, f.mad, f.score, f.band, f.outlier];
    expect(row.map((x) => toR1C1(x, 1, 2))).toEqual(row);
    await run((sheet) => (sheet.getRange("C2:G2").formulasR1C1 = [row]));
    expect(excel.formulas("Sheet1!C2:G2")).toEqual([row]);
    expect(excel.values("Sheet1!C2:G2")).toEqual([[5, 0, "", "no-score", ""]]);
  });
});

describe("conditional formats on calculated cells", () => {
  it("colours a Band cell whose formula gives the band", async () => {
    excel.enter("Sheet1!A6:A7", [[5], [0]]);
    excel.enter("Sheet1!J6:J7", [
      ['=IF(A6>3,"much-better","similar")'],
      ['=IF(A7>3,"much-better","similar")'],
    ]);
    await run((sheet) => {
      const format = sheet.getRange("J6:J7").conditionalFormats.add("Custom");
      format.custom.rule.formula = '=J6="much-better"';
      format.custom.format.fill.color = "#1A9850";
    });
    expect(excel.conditionalStyles("Sheet1!J6:J7")).toEqual([[{ fill: "#1A9850" }], [undefined]]);
  });
});

// ---- The generator's formulas in fake tables, against the core and the published LADE scores ----

const COLUMNS = [...TABLE_COLUMN_NAMES, COMPARED_AMONG] as const;
const at = (name: (typeof COLUMNS)[number]) => COLUMNS.indexOf(name);
const SCORED = ["Median", "MAD", "MAD score", "Band", "Outlier"] as const;
const LAST = letter(COLUMNS.length - 1);

interface Line {
  code: string;
  council: string;
  period: string;
  value: number | string;
  comparedAmong: string;
}

/**
 * A table of `lines` at A1 of a new sheet, written as the add-in writes a live table (text columns as text,
 * then values, the table, the score columns as the generator's formulas); its body's values read back.
 */
async function liveTable(sheetName: string, table: string, lines: Line[], polarity: Polarity) {
  excel.addSheet(sheetName);
  const f = scoreFormulas(polarity, tableRefs(table));
  const rows = lines.length;
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const text = (c: number) => sheet.getRange(`${letter(c)}1:${letter(c)}${rows + 1}`);
    for (const c of [at("Council code"), at("Council"), at("Period"), at("Note"), at("Compared among")])
      text(c).numberFormat = Array.from({ length: rows + 1 }, () => ["@"]);
    sheet.getRange(`A1:${LAST}1`).values = [[...COLUMNS]];
    sheet.getRange(`A2:${LAST}${rows + 1}`).values = lines.map((l) => [
      l.code,
      l.council,
      l.period,
      l.value,
      "",
      "",
      "",
      "",
      "",
      "",
      l.comparedAmong,
    ]);
    sheet.tables.add(`A1:${LAST}${rows + 1}`, true).name = table;
    sheet.getRange(`E2:I${rows + 1}`).formulas = lines.map(() => [
      f.median,
      f.mad,
      f.score,
      f.band,
      f.outlier,
    ]);
    await context.sync();
  });
  return readValues(`A2:${LAST}${rows + 1}`, sheetName);
}

const errorCells = (values: Scalar[][]) =>
  values.flat().filter((v) => typeof v === "string" && v.startsWith("#"));

describe("the generator's formulas on the fake", () => {
  it("give every published LADE score of ASC5–ASC7 and the core's numbers exactly, with no error cell", async () => {
    // Tables of over a thousand rows of formulas are more than Excel on the web takes in one request.
    excel.payloadLimit = Infinity;
    const file = "oflog-lade-asc5-7.csv";
    const { scored, comparedAmong, polarity } = await scoreFileRows(sharedFile(file), {});
    const byKey = new Map<string, Scalar[]>();
    for (const metric of new Set(scored.map((o) => o.metric))) {
      const rows = scored.flatMap((o, i) => (o.metric === metric ? [{ o, set: comparedAmong[i] }] : []));
      // As the .xlsx export fills it (cli/exportXlsx.ts); missing values are empty cells.
      const lines = rows.map(({ o, set }) => ({
        code: o.areacd,
        council: o.areanm,
        period: periodLabel(o.period),
        value: o.value ?? "",
        comparedAmong: set === "all" ? "All councils in the file" : set,
      }));
      const values = await liveTable(metric, `Bench_${metric.toLowerCase()}_lade`, lines, polarity(metric));
      expect(errorCells(values), metric).toEqual([]);
      values.forEach((v, i) => {
        const { o } = rows[i];
        const got = SCORED.map((c) => v[at(c)]);
        expect([o.areacd, o.period, ...got]).toEqual([
          o.areacd,
          o.period,
          o.median ?? "",
          o.mad ?? "",
          o.score ?? "",
          o.band,
          o.outlier ?? "",
        ]);
        byKey.set(`${metric} ${o.areacd} ${o.period}`, v);
      });
    }
    let scores = 0;
    for (const p of ladeRows(file)) {
      const got = byKey.get(`${p.Code} ${p["Local authority code"]} ${p["Financial year"]}`)!;
      expect(got, `${p.Code} ${p["Local authority code"]}`).toBeDefined();
      const score = num(p.MADs_from_median);
      if (score === null) {
        expect(got[at("MAD score")]).toBe("");
        continue;
      }
      // The file prints 10 significant digits of values LADE scored unrounded (support/lade.ts).
      expectClose(got[at("MAD score")], score, TOLERANCE[file]);
      expectClose(got[at("Median")], num(p.MEDIAN)!, TOLERANCE[file]);
      scores++;
    }
    expect(scores).toBe(PUBLISHED_SCORES[file]);
  }, 60_000);

  it("leave out blanks and markers per comparison and period, exactly as the core", async () => {
    const data: [string, string, number | string][] = [
      ["2023-24", "North", 10],
      ["2023-24", "North", ""],
      ["2023-24", "North", 14.5],
      ["2023-24", "North", "[c]"],
      ["2023-24", "North", 11.25],
      ["2023-24", "North", 30],
      ["2023-24", "South", 0.1],
      ["2023-24", "South", 0.7],
      ["2023-24", "South", 0.2],
      ["2023-24", "South", 0.30000000000000004],
      ["2024-25", "North", 12],
      ["2024-25", "North", 12],
      ["2024-25", "North", 12],
      ["2024-25", "North", 40],
      ["2024-25", "South", ""],
      ["2024-25", "South", "[c]"],
      ["2024-25", "", 99],
      ["2024-25", "North", -3],
    ];
    const lines = data.map(([period, comparedAmong, value], i) => ({
      code: `E0600000${i}`,
      council: `Council ${i}`,
      period,
      value,
      comparedAmong,
    }));
    const values = await liveTable("Small", "Small", lines, "lower");
    expect(errorCells(values)).toEqual([]);
    values.forEach((v, i) => {
      const [period, set, value] = data[i];
      const same = data.filter(([p, g]) => p === period && g === set).map(([, , x]) => x);
      const s = spread(same.map((x) => (typeof x === "number" ? x : null)));
      const compared = set !== "" && s.count > 0;
      // The core's own scoring of the row (core/madScore.ts, core/band.ts).
      const score = compared && typeof value === "number" ? scoreAgainst(value, s).score : null;
      const status =
        set === ""
          ? "not-compared"
          : typeof value !== "number"
            ? "missing"
            : score === null
              ? "no-score"
              : band(score, "lower");
      expect([i, ...SCORED.map((c) => v[at(c)])]).toEqual([
        i,
        compared ? s.median : "",
        compared ? s.mad : "",
        score ?? "",
        status,
        score === null ? "" : isOutlier(score),
      ]);
    });
  });

  // Rows of one comparison and period share their median (the fake caches by this row's values); with a
  // comparison per row nothing is shared and every formula scans the whole table.
  it.each([
    ["four comparisons", (i: number) => (i % 3 ? "All councils" : "Neighbours")],
    ["a comparison per row", (i: number) => `Group ${i}`],
  ])(
    "calculate a 3,000-row table's five columns in a few seconds, in %s",
    async (_how, set) => {
      excel.payloadLimit = Infinity;
      const lines = Array.from({ length: 3000 }, (_, i) => ({
        code: `E${String(i).padStart(8, "0")}`,
        council: `Council ${i}`,
        period: i % 2 ? "2023-24" : "2024-25",
        value: i % 97 === 0 ? "" : ((i * 7919) % 1000) / 10,
        comparedAmong: set(i),
      }));
      const start = performance.now();
      const values = await liveTable("Big", "Bench_big", lines, "higher");
      const seconds = (performance.now() - start) / 1000;
      expect(errorCells(values)).toEqual([]);
      expect(values.every((v, i) => lines[i].value === "" || typeof v[at("Median")] === "number")).toBe(true);
      expect(seconds).toBeLessThan(10);
    },
    30_000,
  );
});
