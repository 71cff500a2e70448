// How a reader's rows differ from a tidy file's (../shared/data/<domain>/<metric>.csv): rows missing, rows
// with another name, value or missing-ness, each described.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import type { Observation } from "../../../src/core/model.js";
import { sharedFile } from "../../support/paths.js";

export function tidyDifferences(
  observations: readonly Observation[],
  domain: string,
  metric: string,
  period?: string,
): { tidy: number; read: number; wrong: string[] } {
  const rows = csvParse(readFileSync(sharedFile(domain, `${metric}.csv`), "utf8")).filter(
    (t) => period === undefined || t.period === period,
  );
  const mine = new Map(
    observations.filter((o) => o.metric === metric).map((o) => [`${o.areacd} ${o.period}`, o]),
  );
  const wrong: string[] = [];
  for (const t of rows) {
    const o = mine.get(`${t.areacd} ${t.period}`);
    const want = t.value === "" ? null : Number(t.value);
    if (!o) wrong.push(`${t.areacd} ${t.period}: not read`);
    else if (o.areanm !== t.areanm || o.value !== want || (want === null) !== (o.missing !== undefined))
      wrong.push(`${t.areacd} ${t.period}: ${JSON.stringify(o)} vs ${JSON.stringify(t)}`);
  }
  return { tidy: rows.length, read: mine.size, wrong };
}
