// Who a metric compares in one period, as LADE compared them: each row counts as the council that had
// the service that year, whatever code the publisher filed it under, and the members of a partnership
// that reports as one each take the partnership's value.
import { placeInPopulation } from "./catalogue/build.js";
import type { Population } from "./catalogue/types.js";
import type { CouncilDirectory } from "./councils.js";
import type { Observation } from "./model.js";
import { periodStart } from "./periods.js";
import type { Placement } from "./scoring.js";

export interface PlacedRows {
  /** The period's rows under the codes of the councils they belong to, with joint members added. */
  rows: Observation[];
  /** Where each of `rows` sits in the comparison. */
  place: (o: Observation) => Placement;
}

/**
 * A period's rows ready to score. Without a population (a metric the catalogue does not know) every row
 * is compared with every other; without a directory, codes are taken as published.
 */
export function placeRows(
  population: Population | undefined,
  period: string,
  published: readonly Observation[],
  directory?: CouncilDirectory,
): PlacedRows {
  const rows = directory ? underCurrentCodes(published, period, directory) : [...published];
  const placements = new Map<Observation, Placement>();
  for (const joint of population?.joint ?? []) {
    const partnership = rows.find((r) => r.areacd === joint.code);
    if (!partnership || partnership.value === null) continue;
    const names: string[] = [];
    for (const member of joint.members) {
      const own = rows.findIndex((r) => r.areacd === member);
      const name = directory?.byCode(member)?.shortName ?? rows[own]?.areanm ?? member;
      names.push(name);
      if (own >= 0 && rows[own].value !== null) continue;
      const row: Observation = {
        metric: partnership.metric,
        period: partnership.period,
        areacd: member,
        areanm: name,
        value: partnership.value,
        note: `reported jointly by ${partnership.areanm} (${partnership.areacd})`,
      };
      if (own >= 0) rows[own] = row;
      else rows.push(row);
    }
    placements.set(partnership, {
      notCompared: `joint waste partnership: its value counts once for each member council (${names.join(" and ")})`,
    });
  }
  return {
    rows,
    place: (o) =>
      placements.get(o) ?? (population ? placeInPopulation(population, o.areacd) : { set: "all" }),
  };
}

/**
 * Rows a publisher filed under a former code (a recoding, or a council since replaced) moved to the
 * current council's code, when that council has no row of its own and no other row moves to it.
 */
function underCurrentCodes(
  rows: readonly Observation[],
  period: string,
  directory: CouncilDirectory,
): Observation[] {
  const start = periodStart(period);
  const codes = new Set(rows.map((r) => r.areacd));
  const moves = rows.map((r) => directory.successorInPeriod(r.areacd, start));
  const targets = new Map<string, number>();
  for (const s of moves) if (s) targets.set(s.code, (targets.get(s.code) ?? 0) + 1);
  return rows.map((r, i) => {
    const s = moves[i];
    if (!s || codes.has(s.code) || targets.get(s.code) !== 1) return r;
    return {
      ...r,
      areacd: s.code,
      areanm: s.shortName,
      note: `published under ${r.areacd} (${r.areanm}), a code ${s.shortName} took over`,
    };
  });
}
