// `score FILE` streamed (scoreStream.ts) writes byte for byte what the in-memory path (scoreFile: the
// whole file parsed, scored with the core and written as one string) writes, with the same notes, on the
// published LADE files and on every published tidy file rewritten in the LADE layout: their waste
// partnerships, former codes and comparison populations all go through the streaming path.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvFormatRows, csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { findMetric } from "../../src/core/catalogue/index.js";
import { scoreFile, type ScoreFileOptions } from "../../src/cli/scoreFile.js";
import { scoreFileOutput, streamLade } from "../../src/cli/scoreStream.js";
import { LADE_FILES } from "../support/lade.js";
import { sharedData, sharedFile } from "../support/paths.js";

const dir = mkdtempSync(join(tmpdir(), "score-stream-"));
const options: ScoreFileOptions = { knownPolarity: (m) => findMetric(m)?.polarity };

async function streamed(path: string, more: ScoreFileOptions = {}) {
  const s = await streamLade(path, { ...options, ...more });
  expect(s, "the streaming path takes the file").toBeDefined();
  const pieces: string[] = [];
  for await (const chunk of s!.chunks) pieces.push(chunk);
  return { text: pieces.join(""), notes: s!.notes, pieces: pieces.length };
}

async function expectSame(path: string, more: ScoreFileOptions = {}) {
  const inMemory = await scoreFile(path, { ...options, ...more });
  const got = await streamed(path, more);
  expect(got.text === inMemory.text, "same bytes").toBe(true);
  expect(got.notes).toEqual(inMemory.notes);
  return got;
}

/** A tidy file (areacd,areanm,period,indicator,value) in the LADE layout, rows optionally reordered. */
function asLade(
  tidyPath: string,
  name: string,
  order: (n: number) => number[] = (n) => [...Array(n).keys()],
) {
  const rows = csvParse(readFileSync(tidyPath, "utf8").replace(/^\uFEFF/, ""));
  const lade = order(rows.length).map((i) => {
    const r = rows[i];
    return [r.period, r.areacd, r.areanm, "LA_Raw", r.indicator, r.indicator, r.value];
  });
  const path = join(dir, name);
  const header = ["Financial year", "Local authority code", "Local authority name", "Grouping", "Measure"];
  writeFileSync(path, csvFormatRows([[...header, "Code", "Value"], ...lade]) + "\n");
  return path;
}

const TIDY = ["waste", "roads", "finance", "planning"].flatMap((d) =>
  readdirSync(join(sharedData, d))
    .filter((f) => f.endsWith(".csv"))
    .map((f) => `${d}/${f}`),
);

describe("score FILE streamed", () => {
  it.each(LADE_FILES)("writes what the in-memory path writes for %s", async (file) => {
    const got = await expectSame(sharedFile(file));
    expect(got.text.split("\n")).toHaveLength(
      readFileSync(sharedFile(file), "utf8").trim().split("\n").length + 1,
    );
  });

  it("keeps to --metric and --period as the in-memory path does", async () => {
    const file = sharedFile("oflog-lade-asc5-7.csv");
    await expectSame(file, { metric: "ASC7" });
    await expectSame(file, { metric: "asc6", period: "2019/20" });
    await expectSame(file, { period: "2022-23", polarity: "lower" });
  });

  it.each(TIDY)("writes what the in-memory path writes for %s in the LADE layout", async (file) => {
    await expectSame(asLade(sharedFile(file), file.replace("/", "-")));
  });

  it("writes rows in the file's order when a metric's rows are scattered through it", async () => {
    // Every 7th row in turn: each metric and period's rows are spread over the whole file.
    const n = (k: number) => [...Array(k).keys()].map((i) => (i * 7) % k);
    const path = asLade(sharedFile("waste/household-waste-recycling-rate.csv"), "scattered.csv", (k) =>
      k % 7 ? n(k) : n(k + 1).filter((i) => i < k),
    );
    await expectSame(path);
  });

  it("writes in pieces of 1,000 rows, not one string", async () => {
    const got = await streamed(sharedFile("oflog-lade-asc5-7.csv"));
    expect(got.pieces).toBe(Math.ceil((3490 + 1) / 1000));
  });

  it("gives the notes and the in-memory path's errors for odd LADE files", async () => {
    const header =
      "Financial year,Local authority code,Local authority name,Grouping,Entity_Name,Region,Measure,Code,Value,MEDIAN,MADs_from_median,rank_order";
    const rows = [
      "2022-23,E10000029,Suffolk,LA_Raw,Counties,East,m,ASC1,7.5,,,desc",
      "2022-23,E10000012,Essex,LA_Raw,Counties,East,m,ASC1,n/a?,,,desc",
      "2022-23,E10000012,Essex,LA_Raw,Counties,East,m,ASC1,n/a?,,,desc",
      '2022-23,E10000015,"=Hertfordshire",LA_Raw,Counties,East,m,ASC1,8.5,,,desc',
      "2022-23,E07000245,West Suffolk,LA_Raw,Districts,East,m,ASC1,9,,,desc",
      "2022-23,E10000020,Norfolk,LA_Raw,Counties,East,m,ASC1,6.5,,,desc",
    ];
    const path = join(dir, "odd.csv");
    writeFileSync(path, "\uFEFF" + [header, ...rows].join("\r\n"));
    const got = await expectSame(path);
    expect(got.notes).toEqual([
      "1 row not scored: exact duplicate rows (same council, metric, period and value), counted once",
      '1 value is not a number and has no score (line 3 "n/a?")',
    ]);
    for (const [name, text] of [
      ["conflict.csv", [header, rows[0], rows[0].replace("7.5", "7.6")].join("\n")],
      ["quote.csv", [header, rows[0].replace("Suffolk", '"Suffolk'), rows[1]].join("\n")],
      ["short.csv", [header, rows[0], "2022-23,E10000012"].join("\n")],
      ["header.csv", header + "\n"],
      ["columns.csv", header.replace("Code", "Kode") + "\n" + rows[0]],
    ]) {
      writeFileSync(join(dir, name), text);
      const want = await scoreFile(join(dir, name), options).then(
        () => "no error",
        (e: Error) => e.message,
      );
      expect(want, name).not.toBe("no error");
      await expect(scoreFileOutput(join(dir, name), options), name).rejects.toThrow(want);
    }
    await expect(scoreFileOutput(sharedFile("oflog-lade-asc5-7.csv"), { metric: "ASC9" })).rejects.toThrow(
      /no metric "ASC9"; it has: .*Workforce turnover rate/,
    );
  });

  it("leaves other formats to the in-memory path", async () => {
    const els = sharedFile("ons-els/further-education-and-skills-participation.csv");
    expect(await streamLade(els, options)).toBeUndefined();
    expect(await streamLade(sharedFile("oflog-lade-asc1-4.csv"), { format: "tidy" })).toBeUndefined();
    const out = await scoreFileOutput(els, options);
    expect([...(out.chunks as string[])].join("")).toBe((await scoreFile(els, options)).text);
  });
});
