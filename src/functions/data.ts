// Where BENCH.METRIC, SERIES and COMPARATORS get their data: the shipped default snapshot, loaded on the
// first call (never when functions.js loads: Excel registers the functions before any data is needed).
// Tests, or the task pane after loading other data, swap the source with useBenchmarks.
import { benchmarksFromFiles, type Benchmarks } from "../core/benchmarks.js";
import { fetchText } from "../sources/fetchText.js";
import { loadShippedBenchmarks, SHIPPED_FILES } from "../sources/shipped.js";

export type BenchmarksSource = Benchmarks | Promise<Benchmarks> | (() => Benchmarks | Promise<Benchmarks>);

let source: BenchmarksSource | undefined;
let relative: Promise<Benchmarks> | undefined;

/** Serves the functions from `next` (a value, a promise, or a factory called on each use); none = shipped. */
export function useBenchmarks(next?: BenchmarksSource): void {
  source = next;
}

/** The benchmarks the functions answer from. Rejects when the data cannot be loaded. */
export function getBenchmarks(): Promise<Benchmarks> {
  const s = source;
  if (s === undefined) return loadShipped();
  // The executor turns a factory that throws into a rejection.
  return new Promise((resolve) => resolve(typeof s === "function" ? s() : s));
}

function loadShipped(): Promise<Benchmarks> {
  // In the shared runtime the page is taskpane.html, beside the data/ folder.
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  if (page) return loadShippedBenchmarks(page);
  // No page address: ask for the files relative to wherever the runtime resolves relative URLs.
  relative ??= (async () => {
    const get = async (path: string) => (await fetchText(path)).text;
    const [snapshot, councils, nearest] = await Promise.all([
      get(SHIPPED_FILES.snapshot),
      get(SHIPPED_FILES.councils),
      get(SHIPPED_FILES.nearest),
    ]);
    return benchmarksFromFiles({ snapshot, councils, nearest });
  })().catch((e: unknown) => {
    relative = undefined;
    throw e;
  });
  return relative;
}
