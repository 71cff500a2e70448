// A synthetic LADE long-format file as big as asked, shaped like the published ones (see
// ../shared/data/oflog-lade-asc5-7.csv): the same twelve columns, one run of rows per Code and year in a
// shuffled council order, empty Value, MADs_from_median and rank_order where a value is missing, Measure
// quoted (it holds a comma). Councils are the shipped 317 with their 56 former codes (each only before its
// successor existed, and now and then still used after), joint waste and national park rows: about 400.
import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";

interface Council {
  code: string;
  shortName: string;
  type: string;
  region: string;
  predecessors: string[];
  since?: string;
}

const HEADER =
  "Financial year,Local authority code,Local authority name,Grouping,Entity_Name,Region,Measure,Code,Value,MEDIAN,MADs_from_median,rank_order";

const ENTITY: Record<string, string> = {
  UA: "Unitary Authorities",
  CTY: "Counties",
  MD: "Metropolitan Districts",
  LBO: "London Boroughs",
  NMD: "Districts",
  SRA: "London Boroughs",
};

/** Catalogue metrics (scored among their populations) first, then codes the catalogue does not know. */
const KNOWN = [
  ["ASC1", "Outcome, ASC Carer Quality of Life", "desc"],
  ["ASC2", "Outcome, Social care-related quality of life score", "desc"],
  ["ASC3", "Outcome, Carers who find it easy to find information", "desc"],
  ["ASC4", "Outcome, Users who find it easy to find information", "desc"],
  ["ASC5", "Outcome, Outcome of short-term services: sequel to service", "DESC"],
  ["ASC6", "Outcome, Requests resulting in a service", "None"],
  ["ASC7", "Outcome, Workforce turnover rate", "None"],
  ["household-waste-recycling-rate", "Outcome, Household waste recycling rate", "DESC"],
  ["residual-household-waste-per-household", "Outcome, Residual household waste per household", "ASC"],
  ["recycling-contamination-rate", "Outcome, Recycling contamination rate", "ASC"],
  [
    "a-roads-maintenance-should-be-considered",
    "Outcome, A roads where maintenance should be considered",
    "ASC",
  ],
] as const;

function metric(i: number): { code: string; measure: string; order: string } {
  if (i < KNOWN.length) {
    const [code, measure, order] = KNOWN[i];
    return { code, measure, order };
  }
  const n = String(i - KNOWN.length + 1).padStart(3, "0");
  return {
    code: `LADE${n}`,
    measure: `Outcome, Synthetic measure ${n}`,
    order: ["DESC", "None", "ASC"][i % 3],
  };
}

/** Deterministic, so every run scores the same file. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Area {
  code: string;
  name: string;
  entity: string;
  region: string;
  /** Listed from this period's start (ISO date) on; undefined: always. */
  from?: string;
  /** Listed before this date only. */
  until?: string;
  /** A former code: its successor, who sometimes lacks a row of its own after `until`. */
  successor?: string;
}

function areas(councilsJson: string): Area[] {
  const councils = (JSON.parse(readFileSync(councilsJson, "utf8")) as { councils: Council[] }).councils;
  const out: Area[] = [];
  for (const c of councils) {
    out.push({
      code: c.code,
      name: c.shortName,
      entity: ENTITY[c.type] ?? "Other",
      region: c.region,
      from: c.since,
    });
    // A county split in two (Northamptonshire) is the predecessor of both: listed once.
    for (const p of c.predecessors.filter((p) => !out.some((a) => a.code === p)))
      out.push({
        code: p,
        name: `Former ${c.shortName} (${p})`,
        entity: p.startsWith("E07") ? "Districts" : p.startsWith("E10") ? "Counties" : "Unitary Authorities",
        region: c.region,
        until: c.since ?? "2009-04-01",
        successor: c.code,
      });
  }
  for (let k = 1; k <= 17; k++)
    out.push({
      code: `E50${String(k).padStart(6, "0")}`,
      name: k === 8 ? "Cambridge City and South Cambs Councils" : `Joint Waste Authority ${k}`,
      entity: "Joint Authorities",
      region: "England",
    });
  for (let k = 1; k <= 10; k++)
    out.push({
      code: `E26${String(k).padStart(6, "0")}`,
      name: `National Park ${k}`,
      entity: "National Parks",
      region: "England",
    });
  return out;
}

const csvText = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes `rows` data rows to `path`; returns how many metrics and periods that took. */
export async function writeLadeFile(
  path: string,
  rows: number,
  councilsJson: string,
): Promise<{ metrics: number; periods: number; areas: number; bytes: number }> {
  const all = areas(councilsJson);
  const years = Array.from({ length: 20 }, (_, k) => 2004 + k);
  const rand = random(42);
  const out = createWriteStream(path);
  let bytes = 0;
  let chunk = HEADER + "\n";
  const flush = async () => {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, "drain");
    chunk = "";
  };
  let written = 0;
  let m = 0;
  for (; written < rows; m++) {
    const { code, measure, order } = metric(m);
    const base = 5 + rand() * 500;
    const precise = m % 4 === 3; // like ASC7: ten significant digits
    for (const y of years) {
      if (written >= rows) break;
      const period = `${y}-${String((y + 1) % 100).padStart(2, "0")}`;
      const start = `${y}-04-01`;
      const listed = all.filter((a) => (!a.from || a.from <= start) && (!a.until || start < a.until));
      // Now and then a publisher still files a council under a former code after a reorganisation.
      for (const a of all)
        if (a.until && start >= a.until && rand() < 0.01) {
          const at = listed.findIndex((b) => b.code === a.successor);
          if (at >= 0) listed[at] = a;
        }
      for (let k = listed.length - 1; k > 0; k--) {
        const j = Math.floor(rand() * (k + 1));
        [listed[k], listed[j]] = [listed[j], listed[k]];
      }
      const median = base * (0.9 + rand() * 0.2);
      for (const a of listed) {
        if (written >= rows) break;
        const missing = rand() < 0.05;
        const v = median * (1 + (rand() - 0.5) * 0.6 + (rand() < 0.01 ? 8 : 0));
        const value = missing ? "" : precise ? v.toPrecision(10) : v.toFixed(1);
        const score = missing ? "" : String((v - median) / (median * 0.1));
        chunk +=
          `${period},${a.code},${csvText(a.name)},LA_Raw,${a.entity},${csvText(a.region)},${csvText(measure)},` +
          `${code},${value},${median},${score},${missing ? "" : order}\n`;
        written++;
        if (chunk.length > 1 << 16) await flush();
      }
    }
  }
  await flush();
  out.end();
  await once(out, "finish");
  return { metrics: m, periods: years.length, areas: all.length, bytes };
}
