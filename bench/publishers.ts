// Reads each publisher's file with our readers and with SheetJS (@e965/xlsx, the peer reader) in one run, and
// prints the median time of N warm reads, the peak memory of one cold read in a child process of its own
// (peak RSS, and its increase over a child that only loads the modules and the bytes), and peer ÷ ours
// ratios (above 1: we are faster / leaner). The peer parses the same sheets into rows of values, which is
// the part of our reading it can do; ours also finds the tables and makes the observations.
// Checks the bar: ENV18 in well under 30 s and under 500 MB in Node.
// Run: npm run bench:publishers (optionally RUNS=N)
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { readerFor } from "../src/core/publishers/index.js";
import { sharedFile } from "../test/support/paths.js";

interface Case {
  id: string;
  file: string;
  /** The sheets our reader parses, for the peer to parse too. */
  sheets: (name: string) => boolean;
}

const CASES: Case[] = [
  {
    id: "defra-env18",
    file: "defra-env18-la-and-regional-2023-24.ods",
    sheets: (n) => n === "Table_1" || n === "Table_3",
  },
  { id: "dft-rdc0120", file: "dft-rdc0120-2025.ods", sheets: (n) => /^RDC0120_(A|B)_/.test(n) },
  { id: "mhclg-revenue-outturn-rs", file: "mhclg-rs-2022-23.xlsx", sheets: (n) => /^RS_LA_Data_/i.test(n) },
];
type Who = "ours" | "peer" | "none";

const BAR = { ms: 30_000, rssMB: 500 };
const MB = 1024 * 1024;
const RUNS = Number(process.env.RUNS ?? 5);

const bytesOf = (c: Case) => new Uint8Array(readFileSync(sharedFile("publisher-files", c.file)));

/** One read; returns how many things it produced (observations, or the peer's rows), as a check. */
function read(who: Who, c: Case, bytes: Uint8Array): number {
  if (who === "ours") return readerFor(c.id).read(bytes).length;
  if (who === "none") return 0;
  // SheetJS logs each ODS number-format condition it cannot convert (console.error); not ours to show.
  const error = console.error;
  console.error = () => undefined;
  try {
    return peerRead(c, bytes);
  } finally {
    console.error = error;
  }
}

function peerRead(c: Case, bytes: Uint8Array): number {
  // SheetJS's `sheets` option takes names: list them first (bookSheets reads only the workbook part).
  const names = XLSX.read(bytes, { type: "array", bookSheets: true }).SheetNames.filter(c.sheets);
  const book = XLSX.read(bytes, { type: "array", dense: true, sheets: names });
  return names.reduce(
    (n, name) => n + XLSX.utils.sheet_to_json(book.Sheets[name], { header: 1, raw: true }).length,
    0,
  );
}

function medianMs(who: Who, c: Case, bytes: Uint8Array): { ms: number; count: number } {
  const count = read(who, c, bytes); // warm-up, and the count
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    read(who, c, bytes);
    samples.push(performance.now() - t);
  }
  return { ms: samples.sort((a, b) => a - b)[samples.length >> 1], count };
}

/** A cold read in a child process: its peak resident memory (MB) and time. */
function child(who: Who, c: Case): { rssMB: number; ms: number } {
  const args = [...process.execArgv, process.argv[1], "--child", who, c.id];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8" }));
}

/**
 * The process's peak RSS in MB. On Linux, VmHWM: getrusage's maxRSS survives exec, so a child forked from
 * this (by then large) bench would report the parent's size.
 */
function peakRssMB(): number {
  const hwm = /^VmHWM:\s+(\d+) kB/m.exec(
    existsSync("/proc/self/status") ? readFileSync("/proc/self/status", "utf8") : "",
  );
  return Number(hwm ? hwm[1] : process.resourceUsage().maxRSS) / 1024;
}

function runChild(who: Who, id: string): void {
  const c = CASES.find((x) => x.id === id)!;
  const bytes = bytesOf(c);
  const t = performance.now();
  read(who, c, bytes);
  const ms = performance.now() - t;
  process.stdout.write(JSON.stringify({ rssMB: peakRssMB(), ms }));
}

function main(): void {
  const rows: string[][] = [
    [
      "file",
      "ours ms",
      "peer ms",
      "ratio",
      "ours cold ms",
      "ours MB (+)",
      "peer MB (+)",
      "ratio",
      "ours n",
      "peer rows",
    ],
  ];
  let env18: { ms: number; coldMs: number; rssMB: number } | undefined;
  for (const c of CASES) {
    const bytes = bytesOf(c);
    const ours = medianMs("ours", c, bytes);
    const peer = medianMs("peer", c, bytes);
    const [base, oursMem, peerMem] = (["none", "ours", "peer"] as Who[]).map((w) => child(w, c));
    const plus = (m: { rssMB: number }) => m.rssMB - base.rssMB;
    rows.push([
      `${c.file} (${(bytes.length / MB).toFixed(1)} MB)`,
      ours.ms.toFixed(0),
      peer.ms.toFixed(0),
      (peer.ms / ours.ms).toFixed(2),
      oursMem.ms.toFixed(0),
      `${oursMem.rssMB.toFixed(0)} (+${plus(oursMem).toFixed(0)})`,
      `${peerMem.rssMB.toFixed(0)} (+${plus(peerMem).toFixed(0)})`,
      (plus(peerMem) / Math.max(1, plus(oursMem))).toFixed(2),
      String(ours.count),
      String(peer.count),
    ]);
    if (c.id === "defra-env18") env18 = { ms: ours.ms, coldMs: oursMem.ms, rssMB: oursMem.rssMB };
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i])).join("  "));
  console.log(
    `\nms: median of ${RUNS} warm reads; cold ms and MB: one read in a fresh Node process (MB = peak RSS, ` +
      `(+) = over a process that only loads the modules and the file). Ratios: peer ÷ ours.`,
  );
  if (env18) {
    const met = Math.max(env18.ms, env18.coldMs) < BAR.ms && env18.rssMB < BAR.rssMB;
    console.log(
      `ENV18 bar (< ${BAR.ms / 1000} s, < ${BAR.rssMB} MB in Node): ${met ? "met" : "NOT met"} ` +
        `(warm ${(env18.ms / 1000).toFixed(2)} s, cold ${(env18.coldMs / 1000).toFixed(2)} s, peak RSS ${env18.rssMB.toFixed(0)} MB)`,
    );
    if (!met) process.exitCode = 1;
  }
}

const at = process.argv.indexOf("--child");
if (at >= 0) runChild(process.argv[at + 1] as Who, process.argv[at + 2]);
else main();
