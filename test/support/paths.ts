import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, wherever the clone is. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Published data shared beside the repository (read in place, never written). */
export const sharedData = resolve(repoRoot, "../shared/data");
export const sharedFile = (...parts: string[]): string => resolve(sharedData, ...parts);
/** Small files committed for tests (copies of published files not in ../shared). */
export const fixture = (...parts: string[]): string => resolve(repoRoot, "test/fixtures", ...parts);
