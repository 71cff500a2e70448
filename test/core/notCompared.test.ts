// For every metric and period of the default snapshot: each council with a value that is not compared is
// right to be, and each compared council had the service that year. Which body a code was in a period is
// worked out here from mySociety's register (start and end dates, replaced-by), not from the add-in's code.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { expect, it } from "vitest";
import { CATALOGUE } from "../../src/core/index.js";
import { shippedBenchmarks } from "../excel/shipped.js";
import { sharedFile } from "../support/paths.js";

const register = csvParse(readFileSync(sharedFile("uk-local-authorities-current.csv"), "utf8")).filter(
  (r) => r.nation === "England",
);
const byCode = new Map(
  register.flatMap((r) =>
    [r["gss-code"]!, ...(r["former-gss-codes"] ?? "").split(",").filter(Boolean)].map((c) => [c.trim(), r]),
  ),
);
const byLetters = new Map(register.map((r) => [r["local-authority-code"]!, r]));

const PREFIX_TYPES: Record<string, string> = {
  E06: "UA",
  E07: "NMD",
  E08: "MD",
  E09: "LBO",
  E10: "CTY",
  E50: "joint waste authority",
};

/** The council type (UA, NMD, MD, LBO, CTY, CC) that a code stood for in a period, or why it is none. */
function typeInPeriod(code: string, period: string): string {
  let r = byCode.get(code);
  // Codes the register does not hold: counties abolished in 2009 (Bedfordshire, Cheshire), codes newer
  // than it (Barnsley, Sheffield 2025) or misfiled (North Yorkshire as E10000022): the ONS prefix says.
  if (!r) return PREFIX_TYPES[code.slice(0, 3)] ?? "not a council";
  const start = `${period.slice(0, 4)}-04-01`; // the snapshot's periods here are financial or academic years
  while (r["end-date"] && r["end-date"] < start && r["replaced-by"]) {
    const next: string[] = r["replaced-by"].split(",");
    if (next.length !== 1) break;
    r = byLetters.get(next[0])!;
  }
  return r["local-authority-type"]!;
}

/** Who provides each domain's service, by council type: the statutory split, written out here. */
const PROVIDERS: Record<string, readonly string[]> = {
  waste: ["UA", "NMD", "MD", "LBO", "CC"], // collection
  roads: ["UA", "MD", "LBO", "CTY", "CC"], // highway authorities
  planning: ["UA", "NMD", "MD", "LBO", "CC"], // local planning authorities
  "adult-social-care": ["UA", "MD", "LBO", "CTY", "CC"],
  "adult-skills": ["UA", "MD", "LBO", "CTY", "CC"],
  finance: ["UA", "NMD", "MD", "LBO", "CTY", "CC"],
};

it("every not-compared council with a value is right to be, every compared one had the service", () => {
  const benchmarks = shippedBenchmarks();
  const wrong: string[] = [];
  const notCompared = new Map<string, number>();
  for (const metric of CATALOGUE) {
    // The £-thousand finance components are context: compared with no one.
    const providers = metric.population.sets.length ? PROVIDERS[metric.domain] : [];
    for (const period of benchmarks.data.periods(metric.id)) {
      for (const row of benchmarks.score(metric, period)) {
        if (row.value === null) continue;
        const type = typeInPeriod(row.areacd, period);
        const provides = providers.includes(type);
        if (row.band === "not-compared") {
          notCompared.set(type, (notCompared.get(type) ?? 0) + 1);
          if (provides)
            wrong.push(
              `${metric.id} ${period} ${row.areanm} (${row.areacd}, ${type}) not compared: ${row.reason}`,
            );
        } else if (!provides) {
          wrong.push(`${metric.id} ${period} ${row.areanm} (${row.areacd}, ${type}) compared`);
        }
      }
    }
  }
  expect(wrong).toEqual([]);
  // What is left out, for the record: counties from waste collection, districts from upper-tier services,
  // joint waste authorities, national parks and development corporations (planning), context figures.
  expect([...notCompared.keys()].sort()).toEqual(
    ["CTY", "LBO", "MD", "NMD", "UA", "CC", "joint waste authority", "not a council"].sort(),
  );
});
