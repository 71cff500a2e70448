// The command line given bad files, as a user runs it: a clear error (exit 2) or the right answer with a
// note, never exit 0 with a wrong result.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { repoRoot, sharedFile } from "../support/paths.js";

const tsx = resolve(repoRoot, "node_modules/.bin/tsx");
const dir = mkdtempSync(join(tmpdir(), "bad-files-"));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const cli = (...args: string[]) =>
  spawnSync(tsx, ["src/cli/main.ts", ...args], { cwd: repoRoot, encoding: "utf8" });
const tidy = (...lines: string[]) => ["areacd,areanm,period,indicator,value", ...lines].join("\n") + "\n";
const SUFFOLK = [
  "E07000200,Babergh,2023-24,x,20",
  "E07000202,Ipswich,2023-24,x,25",
  "E07000203,Mid Suffolk,2023-24,x,30",
  "E07000244,East Suffolk,2023-24,x,40",
];

describe("cli score FILE with bad files", () => {
  it("counts exact duplicate rows once, with a note (median 25, not 20)", () => {
    const path = file("dupes.csv", tidy(...Array(3).fill("E07000245,West Suffolk,2023-24,x,10"), ...SUFFOLK));
    const r = cli("score", path);
    expect(r.status).toBe(0);
    const rows = csvParse(r.stdout);
    expect(rows).toHaveLength(5);
    expect(rows[0].median).toBe("25");
    expect(r.stderr).toMatch(/^note: 2 rows not scored: exact duplicate rows/m);
  });

  it("refuses conflicting duplicates, naming council, period and values", () => {
    const r = cli(
      "score",
      file(
        "conflict.csv",
        tidy("E07000245,West Suffolk,2023-24,x,10", ...SUFFOLK, "E07000245,West Suffolk,2023-24,x,11"),
      ),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /Lines 2 and 7 give West Suffolk \(E07000245\) two values for "x" in 2023-24: 10 and 11/,
    );
  });

  it("exits 2 naming the line of a short row and of an unclosed quote", () => {
    expect(
      cli("score", file("short.csv", tidy(...SUFFOLK, "E07000245,West Suffolk,2023-24,x"))).stderr,
    ).toMatch(/Line 6: 4 fields/);
    const quote = cli(
      "score",
      file("quote.csv", tidy(SUFFOLK[0], 'E07000245,"West Suffolk,2023-24,x,10', ...SUFFOLK.slice(1))),
    );
    expect([quote.status, quote.stderr]).toEqual([
      2,
      expect.stringMatching(/Line 3: a quote opened here is never closed/),
    ]);
  });

  it("exits 2 saying a LADE file that ends part-way through a row may have been cut off", () => {
    const whole = readFileSync(sharedFile("oflog-lade-asc1-4.csv"), "utf8");
    const lines = whole.trimEnd().split("\n");
    const last = lines.length; // the file line of the last row, cut after its second field
    const cut = [...lines.slice(0, -1), lines[last - 1].split(",").slice(0, 2).join(",")].join("\n");
    const r = cli("score", file("cut.csv", cut));
    expect([r.status, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toBe(
      `error: Line ${last}: 2 fields where the header has 12 — the file ends part-way through this row, so it ` +
        "may have been cut off\n",
    );
  });

  it("exits 2 for a header-only file", () => {
    const r = cli("score", file("empty.csv", tidy()));
    expect([r.status, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toMatch(/no data rows/);
  });

  it("scores everything else when one score overflows", () => {
    const r = cli(
      "score",
      file(
        "huge.csv",
        tidy(
          "E07000245,West Suffolk,2023-24,x,1e308",
          "E07000200,Babergh,2023-24,x,1e-300",
          "E07000202,Ipswich,2023-24,x,2e-300",
          "E07000203,Mid Suffolk,2023-24,x,3e-300",
        ),
      ),
    );
    expect(r.status).toBe(0);
    const rows = csvParse(r.stdout);
    expect(rows[0]).toMatchObject({
      mad_score: "",
      band: "no-score",
      note: expect.stringMatching(/too large/),
    });
    expect(rows.slice(1).every((x) => x.mad_score !== "")).toBe(true);
  });

  it("flags 1,23 and 1e400 as not numbers, by line", () => {
    const r = cli(
      "score",
      file(
        "nan.csv",
        tidy('E07000245,West Suffolk,2023-24,x,"1,23"', "E07000201,Forest Heath,2023-24,x,1e400", ...SUFFOLK),
      ),
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /note: 2 values are not a number and have no score \(line 2 "1,23", line 3 "1e400"\)/,
    );
    const rows = csvParse(r.stdout);
    expect(rows[0]).toMatchObject({ value: "", band: "missing", note: "no value (not a number: 1,23)" });
  });

  it("names a UTF-16 or binary file and never prints its bytes", () => {
    const utf16 = cli(
      "score",
      file("u16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("areacd,\u001b[2J", "utf16le")])),
    );
    expect(utf16.status).toBe(2);
    expect(utf16.stderr).toBe(
      "error: The file is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel) and try again\n",
    );
    const binary = cli("score", file("bin.csv", Buffer.from("a,b\n\u001b]0;pwned\u0007\u001b[31m,1\n")));
    expect(binary.status).toBe(2);
    expect(binary.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it("never prints control characters from a file in an error, and keeps the message short", () => {
    // A tidy file with an escape sequence in its header: the unknown-column error names it, defanged.
    const r = cli(
      "score",
      file(
        "esc.csv",
        `areacd,areanm,period,indicator,value,\u001b[2J${"x".repeat(2000)}\nE1,A,2023-24,x,1,2\n`,
      ),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\u001b/);
    expect(r.stderr.length).toBeLessThanOrEqual(520);
  });

  it("applies --metric and --period to a file, and refuses --council", () => {
    const lade = sharedFile("oflog-lade-asc5-7.csv");
    const r = cli("score", lade, "--metric", "ASC7", "--period", "2022-23");
    expect(r.status).toBe(0);
    const rows = csvParse(r.stdout);
    const want = csvParse(readFileSync(lade, "utf8")).filter(
      (x) => x.Code === "ASC7" && x["Financial year"] === "2022-23",
    );
    expect(rows).toHaveLength(want.length);
    expect(new Set(rows.map((x) => `${x.metric} ${x.period}`))).toEqual(new Set(["ASC7 2022-23"]));
    expect(cli("score", lade, "--metric", "ASC9").stderr).toMatch(
      /no metric "ASC9"; it has: .*Workforce turnover rate/,
    );
    expect(cli("score", lade, "--period", "1999-00").stderr).toMatch(/no period "1999-00"/);
    const council = cli("score", lade, "--council", "Suffolk");
    expect([council.status, council.stderr]).toEqual([
      2,
      expect.stringMatching(/--council works with the shipped data/),
    ]);
  });

  it("scores an ONS file with several geography levels among upper-tier councils, each council once", () => {
    const path = sharedFile("ons-els/further-education-and-skills-participation.csv");
    const r = cli("score", path, "--period", "2023-24");
    expect(r.status).toBe(0);
    const rows = csvParse(r.stdout);
    const codes = rows.map((x) => x.areacd);
    expect(new Set(codes).size).toBe(codes.length); // each council and period scored once
    // Worked out here from the file: upper-tier councils (E06, E08, E09, E10) with a value, one each.
    const els = csvParse(readFileSync(path, "utf8").replace(/^\uFEFF/, "")).filter(
      (x) => x.period.startsWith("2023-08-01") && /^E(06|08|09|10)/.test(x.areacd) && x.observation !== "",
    );
    const values = [...new Map(els.map((x) => [x.areacd, Number(x.observation)])).values()].sort(
      (a, b) => a - b,
    );
    const n = values.length;
    const median = n % 2 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    const scored = rows.filter((x) => x.mad_score !== "");
    expect(scored).toHaveLength(n);
    expect(Number(scored[0].median)).toBeCloseTo(median, 9);
    expect(rows.filter((x) => x.areacd.startsWith("E07")).every((x) => x.band === "not-compared")).toBe(true);
  });

  it("scores an ONS fixture within the population, a unitary listed at both levels once", () => {
    const CUA = "County or Unitary Authority";
    const LAD = "Local Authority District";
    const rows = (indicator: string) =>
      [
        `E92000001,England,Nation,${indicator},2023-08-01/P1Y,5174`,
        `E06000001,Hartlepool,${CUA},${indicator},2023-08-01/P1Y,8000`,
        `E06000002,Middlesbrough,${CUA},${indicator},2023-08-01/P1Y,6000`,
        `E10000003,Cambridgeshire,${CUA},${indicator},2023-08-01/P1Y,3000`,
        `E06000001,Hartlepool,${LAD},${indicator},2023-08-01/P1Y,8000`,
        `E08000001,Bolton,${LAD},${indicator},2023-08-01/P1Y,5000`,
        `E09000001,City of London,${LAD},${indicator},2023-08-01/P1Y,1000`,
        `E07000008,Cambridge,${LAD},${indicator},2023-08-01/P1Y,2000`,
      ].map((r) => `${r},Rate,Rate,,,,`);
    const path = file(
      "els.csv",
      [
        "areacd,areanm,geography,indicator,period,observation,measure,unit,lci_95,uci_95,status,notes",
        ...rows("Further education and skills participation"),
        ...rows("Widgets per head"),
      ].join("\n") + "\n",
    );
    const r = cli("score", path);
    expect(r.status, r.stderr).toBe(0);
    const out = csvParse(r.stdout);
    const skills = out.filter((x) => x.metric === "further-education-and-skills-participation");
    // Upper tier, Hartlepool once: 1000, 3000, 5000, 6000, 8000 → median 5000; deviations 4000, 2000, 0,
    // 1000, 3000 → MAD 2000; Hartlepool (8000 − 5000) / 2000 = 1.5. Counted twice the median would be 5500.
    expect(skills.map((x) => x.areacd).sort()).toEqual(
      ["E06000001", "E06000002", "E07000008", "E08000001", "E09000001", "E10000003"].sort(),
    );
    const hartlepool = skills.find((x) => x.areacd === "E06000001")!;
    expect([hartlepool.median, hartlepool.mad, hartlepool.mad_score]).toEqual(["5000", "2000", "1.5"]);
    expect(skills.find((x) => x.areacd === "E07000008")!.band).toBe("not-compared");
    // Not in the catalogue: each level on its own, one row per council in each.
    // Counties and unitaries 3000, 6000, 8000 → median 6000, MAD 2000, Hartlepool 1;
    // districts 1000, 2000, 5000, 8000 → median 3500; deviations 2500, 1500, 1500, 4500 → MAD 2000;
    // Hartlepool (8000 − 3500) / 2000 = 2.25.
    const widgets = out.filter((x) => x.metric === "widgets-per-head");
    expect(widgets).toHaveLength(7);
    expect(
      widgets.filter((x) => x.areacd === "E06000001").map((x) => [x.median, x.mad, x.mad_score]),
    ).toEqual([
      ["6000", "2000", "1"],
      ["3500", "2000", "2.25"],
    ]);
  });

  it("refuses an ONS file giving a unitary different values at its two levels", () => {
    const r = cli(
      "score",
      file(
        "els-conflict.csv",
        [
          "areacd,areanm,geography,indicator,period,observation",
          "E06000001,Hartlepool,County or Unitary Authority,Widgets,2023-08-01/P1Y,8000",
          "E06000001,Hartlepool,Local Authority District,Widgets,2023-08-01/P1Y,7000",
        ].join("\n"),
      ),
    );
    expect([r.status, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toMatch(
      /^error: Lines 2 and 3 give Hartlepool \(E06000001\) two values .*8000 and 7000/,
    );
  });

  it("writes text that would run as a formula with a leading ', in score and export", () => {
    const r = cli(
      "score",
      file(
        "formula.csv",
        tidy(
          'E07000245,"=HYPERLINK(""http://x"",""y"")",2023-24,x,10',
          "E07000200,+Babergh,2023-24,x,20",
          "E07000202,@Ipswich,2023-24,x,30",
        ),
      ),
    );
    expect(r.status).toBe(0);
    const rows = csvParse(r.stdout);
    expect(rows.map((x) => x.areanm)).toEqual(['\'=HYPERLINK("http://x","y")', "'+Babergh", "'@Ipswich"]);
    expect(rows[0].mad_score).toBe("-1"); // numbers are not touched: median 20, MAD 10
  });
});
