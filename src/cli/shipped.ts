import { readFile } from "node:fs/promises";
import { benchmarksFromFiles, type Benchmarks } from "../core/benchmarks.js";
import { CouncilDirectory } from "../core/councils.js";
import { SHIPPED_FILES } from "../sources/shipped.js";

/** The repository's data folder, where the shipped snapshot and reference files live. */
export const DATA_ROOT = new URL("../../", import.meta.url);

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
