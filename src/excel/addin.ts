// The add-in's own data session and workbook, made once per page. taskpane.html runs the pane and the
// ribbon commands as separate bundles in one shared runtime, so the instances live on globalThis under a
// registered symbol: both bundles then share one copy of the data and one queue of workbook changes.
import { loadShippedBenchmarks } from "../sources/shipped.js";
import { readInWorker } from "../sources/workerReader.js";
import { DataSession } from "./session.js";
import { BenchmarkWorkbook } from "./workbook.js";
import type { Progress } from "./progress.js";
import type { RefreshReport } from "./refresh.js";

/** The data proxy on the add-in's own server (see server/). */
export const PROXY_BASE = "/api/fetch?url=";

const KEY = Symbol.for("council-benchmarks.addin");

interface Shared {
  session?: Promise<DataSession>;
  workbook?: BenchmarkWorkbook;
}

const shared = (): Shared => {
  const g = globalThis as unknown as Record<symbol, Shared | undefined>;
  return (g[KEY] ??= {});
};

/** The data, loaded from beside the page on first use; a failed load is tried again next time. */
export function addinSession(): Promise<DataSession> {
  const s = shared();
  s.session ??= DataSession.open({
    baseUrl: location.href,
    proxyBase: PROXY_BASE,
    loadShipped: (base) => loadShippedBenchmarks(base),
    // Off the pane's thread: the ENV18 file alone is 22 MB of XML.
    readPublisher: readInWorker,
  }).catch((e: unknown) => {
    s.session = undefined;
    throw e;
  });
  return s.session;
}

/** The open workbook (inside Excel only). */
export function addinWorkbook(): BenchmarkWorkbook {
  const s = shared();
  s.workbook ??= new BenchmarkWorkbook(addinSession);
  return s.workbook;
}

/** The ribbon's Refresh all. */
export function refreshAll(onProgress?: Progress): Promise<RefreshReport> {
  return addinWorkbook().refreshAll(onProgress);
}
