// Defra ENV18 "LA and regional spreadsheet" (ODS): recycling rate and residual waste from Table 3, the
// contamination rate derived from Table 1's household tonnages (LADE's formula).
import type { Observation } from "../model.js";
import { periodId } from "../periods.js";
import { readSpreadsheet, type Cell } from "../spreadsheet/index.js";
import { findSheet, findTable, normalise } from "../spreadsheet/table.js";
import { PUBLISHER_METRICS } from "./metrics.js";
import type { PublisherReader } from "./types.js";

const NAME = "Defra ENV18 local authority collected waste (LA and regional spreadsheet)";
const TABLE_1 = "Table_1";
const TABLE_3 = "Table_3";

// One council's own GSS code. Regional/England totals say "Total" here, and a shared service files
// under two codes ("E07000150 / E07000153"): neither is one council's value.
const GSS = /^[EWSN]\d{8}$/;

const AREA = {
  year: /^(financial )?year$/,
  code: "ONS code",
  name: /^(local )?authority$/,
} as const;

type Value = Pick<Observation, "value" | "missing">;

/** A published figure, or Defra's marker ("-", ":") kept as the reason it is missing. */
function value(cell: Cell): Value {
  if (typeof cell === "number") return { value: cell };
  if (cell === null || cell.trim() === "") return { value: null, missing: "empty" };
  const n = Number(cell);
  return Number.isFinite(n) ? { value: n } : { value: null, missing: cell.trim() };
}

/** Rounds away binary noise (0.269 × 100 = 26.900000000000002) and to `dp` places where asked. */
function round(x: number, dp = 10): number {
  return Number(x.toFixed(dp));
}

function rows(
  table: { rows: Cell[][]; columns: Record<keyof typeof AREA, number> },
  emit: (row: Cell[], area: Pick<Observation, "period" | "areacd" | "areanm">) => void,
): void {
  const { columns } = table;
  for (const row of table.rows) {
    const code = String(row[columns.code] ?? "").trim();
    if (!GSS.test(code)) continue; // totals, shared services, and the notes under the table
    const period = periodId(String(row[columns.year] ?? ""));
    emit(row, { period, areacd: code, areanm: String(row[columns.name] ?? "").trim() });
  }
}

export const env18Reader: PublisherReader = {
  id: "defra-env18",
  name: NAME,
  kind: "ods",
  metrics: PUBLISHER_METRICS["defra-env18"],

  read(bytes, options = {}) {
    // Only the two tables are parsed (the file is 22 MB of XML), their names matched as findSheet does.
    const wanted = new Set([TABLE_1, TABLE_3].map(normalise));
    const sheets = readSpreadsheet(
      bytes,
      { sheets: (n) => wanted.has(normalise(n)), onProgress: options.onProgress },
      NAME,
    );
    const out: Observation[] = [];

    const t3 = findTable(
      findSheet(sheets, TABLE_3, NAME),
      {
        ...AREA,
        residual: "Residual household waste per household (kg/household) (Ex NI191)",
        recycling: "Percentage of household waste sent for reuse, recycling or composting (Ex NI192)",
      },
      NAME,
    );
    rows(t3, (row, area) => {
      out.push({
        metric: "residual-household-waste-per-household",
        ...area,
        ...value(row[t3.columns.residual]),
      });
      // Defra publishes a proportion (0.269); the catalogue's unit is percent.
      const rate = value(row[t3.columns.recycling]);
      if (rate.value !== null) rate.value = round(rate.value * 100);
      out.push({ metric: "household-waste-recycling-rate", ...area, ...rate });
    });

    const t1 = findTable(
      findSheet(sheets, TABLE_1, NAME),
      {
        ...AREA,
        recycled: "Household - waste sent for recycling-composting-reuse (tonnes)",
        rejects: /^household - estimated rejects \(tonnes\)/, // the heading goes on to cite the Notes sheet
      },
      NAME,
    );
    rows(t1, (row, area) => {
      const recycled = value(row[t1.columns.recycled]);
      const rejects = value(row[t1.columns.rejects]);
      let rate: Value;
      if (recycled.value === null) rate = recycled;
      else if (rejects.value === null) rate = rejects;
      else if (recycled.value + rejects.value === 0)
        rate = { value: null, missing: "empty" }; // nothing sent
      else {
        // Oflog LADE's rate: rejects as a share of all sent for recycling. Defra's estimated rejects are
        // sometimes negative; LADE shows those as 0.
        const share = Math.max(0, rejects.value / (recycled.value + rejects.value));
        rate = { value: round(share * 100, 1) };
      }
      out.push({ metric: "recycling-contamination-rate", ...area, ...rate });
    });
    return out;
  },
};
