// Every published LADE adult social care score and median, reproduced from the values alone.
import { readFileSync } from "node:fs";
import { csvParse, type DSVRowString } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { madScores, median } from "../../src/core/index.js";
import { parseLade } from "../../src/core/parsers/index.js";
import { scoreObservations } from "../../src/core/scoring.js";
import { sharedFile } from "../support/paths.js";

const rows = csvParse(readFileSync(sharedFile("oflog-lade-asc1-4.csv"), "utf8"));
const groups = new Map<string, DSVRowString[]>();
for (const r of rows) {
  const key = `${r["Code"]} ${r["Financial year"]}`;
  groups.set(key, [...(groups.get(key) ?? []), r]);
}
const num = (s: string | undefined): number | null => (s === undefined || s.trim() === "" ? null : Number(s));

function expectClose(actual: number | null, published: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - published)).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(published)),
  );
}

describe("LADE conformance (oflog-lade-asc1-4.csv)", () => {
  it("reproduces all 2,850 published scores and every median with madScores and median", () => {
    let scores = 0;
    let medians = 0;
    for (const group of groups.values()) {
      const values = group.map((r) => num(r["Value"]));
      const ours = madScores(values);
      const m = median(values);
      group.forEach((r, i) => {
        const published = num(r["MADs_from_median"]);
        if (values[i] === null) {
          expect(published).toBeNull();
          expect(ours[i]).toBeNull();
          return;
        }
        expectClose(ours[i], published as number);
        scores++;
        expectClose(m, num(r["MEDIAN"]) as number);
        medians++;
      });
    }
    expect(scores).toBe(2850);
    expect(medians).toBe(2850);
  });

  it("gives the same scores through the LADE parser and scoreObservations, with bands from rank_order", () => {
    const parsed = parseLade(readFileSync(sharedFile("oflog-lade-asc1-4.csv"), "utf8"));
    const polarity = new Map(parsed.metrics.map((m) => [m.code, m.polarity ?? "none"]));
    const scored = scoreObservations(parsed.observations, { polarity: (m) => polarity.get(m)! });
    expect(scored).toHaveLength(rows.length);
    let compared = 0;
    scored.forEach((s, i) => {
      const published = num(rows[i]["MADs_from_median"]);
      if (published === null) return expect(s.band).toBe("missing");
      expectClose(s.score, published);
      expectClose(s.median, num(rows[i]["MEDIAN"]) as number);
      // rank_order desc: a score ≥ 3 must read "much-better", ≤ −3 "much-worse".
      if (published >= 3) expect(s.band).toBe("much-better");
      if (published < -3) expect(s.band).toBe("much-worse");
      compared++;
    });
    expect(compared).toBe(2850);
  });
});
