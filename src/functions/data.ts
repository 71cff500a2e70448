// Where BENCH.METRIC, SERIES and COMPARATORS get their data, loaded on the first call (never when
// functions.js loads: Excel registers the functions before any data is needed). Inside Excel that is the
// add-in's data: the workbook's own snapshot and sources over the shipped default snapshot, shared with
// the task pane; elsewhere the shipped files. Tests swap the source with useBenchmarks.
import type { Benchmarks } from "../core/benchmarks.js";
import type { LocalEvidence } from "../core/themeReport.js";
import { loadExcel } from "../excel/load.js";
import { loadShippedBenchmarks } from "../sources/shipped.js";

export type BenchmarksSource = Benchmarks | Promise<Benchmarks> | (() => Benchmarks | Promise<Benchmarks>);

let source: BenchmarksSource | undefined;

/** Serves the functions from `next` (a value, a promise, or a factory called on each use); none = default. */
export function useBenchmarks(next?: BenchmarksSource): void {
  source = next;
}

/**
 * The benchmarks the functions answer from. Rejects when the data cannot be loaded. `customGroups` reads
 * the workbook's comparator groups afresh (inside Excel only: a test's own source already has its groups).
 */
export function getBenchmarks(options: { customGroups?: boolean } = {}): Promise<Benchmarks> {
  const s = source;
  if (s === undefined) return loadDefault(options.customGroups === true);
  // The executor turns a factory that throws into a rejection.
  return new Promise((resolve) => resolve(typeof s === "function" ? s() : s));
}

type EvidenceSource = readonly LocalEvidence[] | (() => Promise<readonly LocalEvidence[]>);
let evidence: EvidenceSource | undefined;

/** Serves THEMEREPORT and THEMEEVIDENCE local evidence from `next`; none = the workbook's Evidence table. */
export function useLocalEvidence(next?: EvidenceSource): void {
  evidence = next;
}

/** The council's own evidence (the workbook's Evidence table inside Excel; none elsewhere). */
export async function getLocalEvidence(): Promise<readonly LocalEvidence[]> {
  if (evidence !== undefined) return typeof evidence === "function" ? evidence() : evidence;
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  if (page && typeof Excel !== "undefined") return (await loadExcel()).addinWorkbook().localEvidence();
  return [];
}

async function loadDefault(customGroups: boolean): Promise<Benchmarks> {
  // In the shared runtime the page is taskpane.html, beside the data/ folder (and the Excel adapter's chunk,
  // loaded here on first use). Excel's JavaScript-only runtime has no Excel API: it reads the shipped files.
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  if (page && typeof Excel !== "undefined") {
    const workbook = (await loadExcel()).addinWorkbook();
    return (await (customGroups ? workbook.dataWithGroups() : workbook.data())).benchmarks;
  }
  return loadShippedBenchmarks(page);
}
