// parseLade's reading of a LADE file kept as columns, row by row as the text arrives: a million rows as
// Observation objects (plus the file text and the output) took over a gigabyte, as typed arrays and
// interned text they take about 30 bytes a row. Each metric and period is a group, numbered by first row.
import type { Observation } from "../model.js";
import { periodId } from "../periods.js";
import { parseValue } from "../values.js";
import { CsvChunkReader } from "./csvChunks.js";
import { FormatError, headerColumns } from "./csv.js";
import { describeMetric, OPTIONAL, REQUIRED } from "./lade.js";
import type { MetricInfo } from "./types.js";

/** Each distinct text once; rows hold its number. Id 0 is "". */
export class Strings {
  private readonly ids = new Map<string, number>([["", 0]]);
  readonly list: string[] = [""];

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.push(own(s)) - 1;
      this.ids.set(this.list[id], id);
    }
    return id;
  }
}

/**
 * A copy of text cut from a piece of the file. V8 keeps a cut of 13 characters or more as a view of the
 * whole piece: kept in a table, it would keep every piece it was cut from.
 */
function own(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

type Columns = ReturnType<typeof headerColumns<(typeof REQUIRED)[number], (typeof OPTIONAL)[number]>>;

export class LadeColumns {
  readonly strings = new Strings();
  readonly metrics = new Map<string, MetricInfo>();
  /** Metric and period of each group. */
  readonly groups: { metric: string; period: string }[] = [];
  length = 0;
  group = new Uint32Array(1024);
  areacd = new Uint32Array(1024);
  areanm = new Uint32Array(1024);
  /** NaN where there is no value; `missing` then holds why (parseValue's reason). */
  value = new Float64Array(1024);
  missing = new Uint32Array(1024);
  line = new Uint32Array(1024);

  private readonly csv = new CsvChunkReader((r, line) => this.add(r, line));
  private c: Columns | undefined;
  private width = 0;
  private readonly groupIds = new Map<string, number>();
  private readonly periods = new Map<string, string>();
  // The previous row's raw Code and year, its group and metric: rows come in runs of one group.
  private last = { code: "", year: "", group: -1, info: undefined as MetricInfo | undefined };
  // By council code id: the raw name last seen with it and its id (a name is nearly always the same).
  private readonly names: (string | undefined)[] = [];
  private readonly nameIds: number[] = [];

  /** The next piece of the file's text. */
  push(text: string): void {
    this.csv.push(text);
  }

  /** After the last piece: the last row, and the errors readCsv and columns give a file with no rows. */
  end(): void {
    this.csv.end();
    if (!this.c) throw new FormatError("The file is empty");
    if (!this.length) throw new FormatError("The LADE file has a header but no data rows");
  }

  private add(r: string[], line: number): void {
    const c = this.c;
    if (!c) {
      const header = r.map((h) => h.trim());
      this.c = headerColumns(header, "LADE", REQUIRED, OPTIONAL);
      this.width = header.length;
      const used = [
        "Financial year",
        "Local authority code",
        "Local authority name",
        "Code",
        "Value",
      ] as const;
      this.csv.only([...used.map((u) => this.c![u]), this.c["Measure"], this.c["rank_order"]]);
      return;
    }
    if (r.length !== this.width)
      throw new FormatError(
        `Line ${line}: ${r.length} field${r.length === 1 ? "" : "s"} where the header has ${this.width}`,
      );
    const code = r[c["Code"]];
    const year = r[c["Financial year"]];
    const last = this.last;
    let group = last.group;
    if (code !== last.code || year !== last.year || !last.info?.polarity) {
      const metric = own(code.trim());
      const known = this.metrics.has(metric);
      describeMetric(this.metrics, metric, r, c);
      const info = this.metrics.get(metric)!;
      if (!known) info.name = own(info.name);
      let period = this.periods.get(year);
      if (period === undefined) this.periods.set(own(year), (period = own(periodId(year))));
      group = this.groupOf(metric, period);
      this.last = { code: own(code), year: own(year), group, info };
    }
    const raw = r[c["Value"]];
    let value = plainDecimal(raw);
    let missing = 0;
    if (value === undefined) {
      const parsed = parseValue(raw);
      value = parsed.value ?? NaN;
      if (parsed.missing !== undefined) missing = this.strings.id(parsed.missing);
    }

    if (this.length === this.group.length) this.grow();
    const k = this.length++;
    const areacd = this.strings.id(r[c["Local authority code"]].trim());
    const name = r[c["Local authority name"]];
    if (this.names[areacd] !== name) {
      this.names[areacd] = own(name);
      this.nameIds[areacd] = this.strings.id(name.trim());
    }
    this.group[k] = group;
    this.areacd[k] = areacd;
    this.areanm[k] = this.nameIds[areacd];
    this.value[k] = value;
    this.missing[k] = missing;
    this.line[k] = line;
  }

  /** Row k as parseLade makes it. */
  observation(k: number): Observation {
    const g = this.groups[this.group[k]];
    const o: Observation = {
      metric: g.metric,
      period: g.period,
      areacd: this.strings.list[this.areacd[k]],
      areanm: this.strings.list[this.areanm[k]],
      value: this.missing[k] ? null : this.value[k],
    };
    if (this.missing[k]) o.missing = this.strings.list[this.missing[k]];
    return o;
  }

  private groupOf(metric: string, period: string): number {
    const key = `${metric}\u0000${period}`;
    let g = this.groupIds.get(key);
    if (g === undefined) {
      g = this.groups.push({ metric, period }) - 1;
      this.groupIds.set(key, g);
    }
    return g;
  }

  private grow(): void {
    const n = this.group.length * 2;
    const more = <T extends Uint32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.group = more(this.group);
    this.areacd = more(this.areacd);
    this.areanm = more(this.areanm);
    this.value = more(this.value);
    this.missing = more(this.missing);
    this.line = more(this.line);
  }
}

/**
 * parseValue's number for a plain decimal such as "72.7" or "-3" (most cells), without its regular
 * expressions; undefined for anything else, which parseValue reads.
 */
function plainDecimal(s: string): number | undefined {
  let digits = 0;
  let dot = false;
  for (let i = s.charCodeAt(0) === 45 /* - */ ? 1 : 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot && digits > 0) dot = true;
    else return undefined;
  }
  const v = digits ? Number(s) : NaN;
  return Number.isFinite(v) ? v : undefined;
}

/** The rows of each group, in file order: rows[start[g]] up to rows[start[g + 1]]. */
export interface GroupRows {
  rows: Uint32Array;
  start: Uint32Array;
  /** 1 for a row repeated exactly (same council, metric, period and value): counted once, like uniqueRows. */
  dropped: Uint8Array;
  duplicates: number;
}

/**
 * uniqueRows over the columns: one row per metric, period and council; an exact repeat is dropped and
 * counted, two different values for one council are an error naming both lines.
 */
export function groupRows(t: LadeColumns): GroupRows {
  const groups = t.groups.length;
  const start = new Uint32Array(groups + 1);
  for (let k = 0; k < t.length; k++) start[t.group[k] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const rows = new Uint32Array(t.length);
  const next = start.slice(0, groups);
  for (let k = 0; k < t.length; k++) rows[next[t.group[k]]++] = k;

  const dropped = new Uint8Array(t.length);
  let duplicates = 0;
  const first = new Int32Array(t.strings.list.length).fill(-1); // by council code: its group's first row
  for (let g = 0; g < groups; g++) {
    for (let i = start[g]; i < start[g + 1]; i++) {
      const k = rows[i];
      const at = first[t.areacd[k]];
      if (at === -1) {
        first[t.areacd[k]] = k;
        continue;
      }
      // As uniqueRows compares: both without a value count as the same.
      if (Object.is(t.value[at], t.value[k]) || t.value[at] === t.value[k]) {
        dropped[k] = 1;
        duplicates++;
        continue;
      }
      const a = t.observation(at);
      const o = t.observation(k);
      const shown = (v: Observation) => (v.value === null ? `no value (${v.missing})` : String(v.value));
      throw new FormatError(
        `Lines ${t.line[at]} and ${t.line[k]} give ${o.areanm || o.areacd} (${o.areacd}) two values for ` +
          `"${o.metric}" in ${o.period}: ${shown(a)} and ${shown(o)}. Keep one row per council and period.`,
      );
    }
    for (let i = start[g]; i < start[g + 1]; i++) first[t.areacd[rows[i]]] = -1;
  }
  return { rows, start, dropped, duplicates };
}
