// `cli read FILE --as ID`: what a reader finds in a publisher's own file, as tidy CSV.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { comparePeriods } from "../../src/core/periods.js";
import { rdc0120Reader } from "../../src/core/publishers/rdc0120.js";
import { fixture, sharedFile } from "../support/paths.js";
import { runCli } from "./cliProcess.js";

const RDC = sharedFile("publisher-files", "dft-rdc0120-2025.ods");
const P153 = fixture("p153", "p153-YE2025-12.csv");
const HEADER = "areacd,areanm,period,indicator,value";
const tidy = (file: string) => csvParse(readFileSync(sharedFile(file), "utf8"));

describe("cli read", () => {
  it("prints every value of the RDC0120 file as the tidy roads files have them, sorted", async () => {
    const { text } = await run(["read", RDC, "--as", "dft-rdc0120"]);
    expect(text.split("\n")[0]).toBe(HEADER);
    const rows = csvParse(text);
    const want = rdc0120Reader.metrics.flatMap((m) => tidy(`roads/${m}.csv`));
    expect(rows).toHaveLength(want.length);
    const key = (r: Record<string, string | undefined>) => `${r.indicator}|${r.period}|${r.areacd}`;
    const mine = new Map(rows.map((r) => [key(r), r]));
    const wrong = want.filter((t) => {
      const r = mine.get(key(t));
      return !r || r.value !== t.value || r.areanm !== t.areanm;
    });
    expect(wrong, `${wrong.length} of ${want.length} differ`).toEqual([]);
    expect(rows.some((r) => r.value === "")).toBe(true); // "[x]" comes out empty

    // Metric in the reader's order, then period oldest first, then council code.
    const rank = (r: (typeof rows)[number]) => rdc0120Reader.metrics.indexOf(r.indicator);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      const order = rank(a) - rank(b) || comparePeriods(a.period, b.period) || (a.areacd < b.areacd ? -1 : 1);
      expect(order, `row ${i + 1}`).toBeLessThan(0);
    }
  });

  it("reads the P153 mirror for the period given, as the tidy planning file has it", async () => {
    const { text, out } = await run([
      "read",
      P153,
      "--as",
      "mhclg-planning-p153",
      "--period",
      "YE2025-12",
      "--out",
      "p.csv",
    ]);
    expect(out).toBe("p.csv");
    const want = tidy("planning/non-major-planning-decisions-in-time.csv").filter(
      (t) => t.period === "YE2025-12",
    );
    const rows = csvParse(text);
    expect(rows.map((r) => [r.areacd, r.areanm, r.value])).toEqual(
      [...want].sort((a, b) => (a.areacd < b.areacd ? -1 : 1)).map((t) => [t.areacd, t.areanm, t.value]),
    );
  });

  it("never writes a council name that a spreadsheet would run as a formula", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-read-"));
    const file = join(dir, "p153.csv");
    writeFileSync(
      file,
      'reference,name,percentage\nE06000001,"=HYPERLINK(""http://x"") x",90\nE06000002,@SUM(A1) x,80\nE06000003,+x,70\nE06000004,-x,60\n',
    );
    const { text } = await run(["read", file, "--as", "mhclg-planning-p153", "--period", "YE2025-12"]);
    const names = csvParse(text).map((r) => r.areanm);
    expect(names).toEqual(['\'=HYPERLINK("http://x") x', "'@SUM(A1) x", "'+x", "'-x"]);
  });

  it("asks for the period of the P153 mirror, and refuses one for files that state their own", async () => {
    await expect(run(["read", P153, "--as", "mhclg-planning-p153"])).rejects.toThrow(
      /does not say which 12 months.*--period YE2025-12/,
    );
    await expect(run(["read", P153, "--as", "mhclg-planning-p153", "--period", "2024-25"])).rejects.toThrow(
      /rolling 12 months such as YE2025-12, not "2024-25"/,
    );
    await expect(run(["read", RDC, "--as", "dft-rdc0120", "--period", "2024-25"])).rejects.toThrow(
      /states its own periods/,
    );
    await expect(run(["read", RDC])).rejects.toThrow(/--as ID.*defra-env18, dft-rdc0120/);
  });

  it("an unknown --as is a usage error listing the files it reads (exit 2, nothing on stdout)", async () => {
    const r = await runCli(["read", RDC, "--as", "dft-rdc0121"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      'error: Unknown publisher\'s file "dft-rdc0121"; --as must be one of defra-env18, dft-rdc0120, mhclg-revenue-outturn-rs, mhclg-planning-p153\n',
    );
  });

  it("a file the reader cannot follow: one line on stderr, exit 1, nothing on stdout", async () => {
    const [layout, notSpreadsheet] = await Promise.all([
      runCli(["read", RDC, "--as", "defra-env18"]), // LayoutError: no Table_3
      runCli(["read", P153, "--as", "dft-rdc0120"]), // SpreadsheetError: a CSV
    ]);
    for (const [r, message] of [
      [layout, /has no sheet named "Table_3"/],
      [notSpreadsheet, /is not an ODS or XLSX spreadsheet/],
    ] as const) {
      expect(r.status).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^error: /);
      expect(r.stderr).toMatch(message);
    }
  });
});
