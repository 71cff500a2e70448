// The data the add-in ships as static files beside its pages (never inside a JavaScript bundle), loaded
// once on first use and shared by the task pane, custom functions and ribbon commands.
import { benchmarksFromFiles, type Benchmarks } from "../core/benchmarks.js";
import { fetchText } from "./fetchText.js";

export const SHIPPED_FILES = {
  snapshot: "data/default-snapshot.json",
  councils: "data/councils.json",
  nearest: "data/nearest-neighbours.json",
} as const;

let loading: Promise<Benchmarks> | undefined;

/**
 * Loads the shipped files relative to `base` (the add-in's own URL), or by relative URL where the runtime
 * has no page address. A failed load is retried next time.
 */
export function loadShippedBenchmarks(base?: string, fetchImpl?: typeof fetch): Promise<Benchmarks> {
  loading ??= (async () => {
    const url = (path: string) => (base ? new URL(path, base).href : path);
    const get = async (path: string) => (await fetchText(url(path), { fetch: fetchImpl })).text;
    const [snapshot, councils, nearest] = await Promise.all([
      get(SHIPPED_FILES.snapshot),
      get(SHIPPED_FILES.councils),
      get(SHIPPED_FILES.nearest),
    ]);
    return benchmarksFromFiles({ snapshot, councils, nearest });
  })().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

/** Forgets the loaded data (tests; after the user loads another snapshot). */
export function resetShippedBenchmarks(): void {
  loading = undefined;
}
