import { readFile } from "node:fs/promises";
import { benchmarksFromFiles, type Benchmarks } from "../core/benchmarks.js";
import { CouncilDirectory } from "../core/councils.js";
import { SHIPPED_FILES } from "../sources/shipped.js";

/**
 * The repository's root, where the data folder with the shipped snapshot and reference files lives: two
 * folders up from src/cli/shipped.ts, one up from the built CLI, dist-cli/cli.mjs (scripts/cli.mjs).
 */
export const DATA_ROOT = new URL(
  /\/dist-cli\/[^/]*$/.test(import.meta.url) ? "../" : "../../",
  import.meta.url,
);

/** The shipped council reference alone: who each code is, with its reorganisations. */
export async function shippedDirectory(): Promise<CouncilDirectory> {
  return CouncilDirectory.fromJson(
    JSON.parse(await readFile(new URL(SHIPPED_FILES.councils, DATA_ROOT), "utf8")),
  );
}

/** The shipped default snapshot, councils and CIPFA neighbours, read from disk. */
export async function shippedBenchmarks(): Promise<Benchmarks> {
  const read = (path: string) => readFile(new URL(path, DATA_ROOT), "utf8");
  const [snapshot, councils, nearest] = await Promise.all([
    read(SHIPPED_FILES.snapshot),
    read(SHIPPED_FILES.councils),
    read(SHIPPED_FILES.nearest),
  ]);
  return benchmarksFromFiles({ snapshot, councils, nearest });
}
