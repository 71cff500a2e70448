// The shipped data files read from the repository, for tests that need the add-in's real default data.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { benchmarksFromFiles, type Benchmarks, type ShippedFiles } from "../../src/core/benchmarks.js";
import { repoRoot, sharedFile } from "../support/paths.js";

const read = (path: string) => readFileSync(`${repoRoot}/${path}`, "utf8");

export const shippedFiles = (): ShippedFiles => ({
  snapshot: read("data/default-snapshot.json"),
  councils: read("data/councils.json"),
  nearest: read("data/nearest-neighbours.json"),
});

export const shippedBenchmarks = (): Benchmarks => benchmarksFromFiles(shippedFiles());

/** A fetch that answers `…/data/<file>` from the repository's data folder and 404s anything else. */
export const repoDataFetch: typeof fetch = async (input) => {
  const url = new URL(String(input instanceof Request ? input.url : input));
  const match = /\/(data\/[\w.-]+\.json)$/.exec(url.pathname);
  if (!match) return new Response("not found", { status: 404 });
  return new Response(read(match[1]), { status: 200, headers: { "content-type": "application/json" } });
};

/** Published values of one indicator and period from a tidy CSV under ../shared/data, by council code. */
export function publishedValues(file: string, period: string): Map<string, number | null> {
  const rows = csvParse(readFileSync(sharedFile(file), "utf8"));
  return new Map(
    rows
      .filter((r) => r.period === period)
      .map((r) => [r.areacd!, r.value === undefined || r.value.trim() === "" ? null : Number(r.value)]),
  );
}

/**
 * Published waste values of one period as LADE compared them, by council code, worked out here by hand:
 * Defra files Buckinghamshire Council (a unitary since April 2020) under the old county code E10000002, and
 * Cambridge and South Cambridgeshire report jointly as E50000008, so each takes the joint value.
 */
export function wasteAsCompared(file: string, period: string): Map<string, number | null> {
  const published = publishedValues(file, period);
  const out = new Map<string, number | null>();
  for (const [code, value] of published)
    out.set(code === "E10000002" && period >= "2020-21" ? "E06000060" : code, value);
  const joint = published.get("E50000008");
  for (const member of ["E07000008", "E07000012"])
    if (joint != null && out.get(member) == null) out.set(member, joint);
  return out;
}
