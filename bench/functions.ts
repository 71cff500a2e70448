// Times the custom functions as a recalculation calls them: many MADSCORE cells over one range, and many
// BENCH.METRIC cells over one period. "before" is the old way, kept here for comparison: a cache keyed by
// numbers.join(",") for MADSCORE; for BENCH.METRIC, sorting the periods and scoring the whole period on
// every call. Checks that both ways give the same answers, then prints µs per call (the median of three
// rounds: other work on the machine adds noise) and before ÷ after. Takes about a minute.
// Run: npx tsx bench/functions.ts
import { readFileSync } from "node:fs";
import {
  Benchmarks,
  benchmarksFromFiles,
  NotFound,
  type MetricRef,
  type ScoreOptions,
} from "../src/core/benchmarks.js";
import { spread, type Spread } from "../src/core/mad.js";
import { scoreAgainst } from "../src/core/madScore.js";
import { isNumber } from "../src/core/numbers.js";
import { periodId, periodLabel, sortPeriods } from "../src/core/periods.js";
import { scoreObservations, type ScoredObservation } from "../src/core/scoring.js";
import { asRange, describeCell } from "../src/functions/cells.js";
import { useBenchmarks } from "../src/functions/data.js";
import { asErrorValue, excelError, guard, type ErrorValue } from "../src/functions/errors.js";
import * as functions from "../src/functions/functions.js";
import { spreads } from "../src/functions/spreadCache.js";

// ---- The old MADSCORE path: read the range into an array, key the cache on the joined numbers. ----

function oldRangeNumbers(values: unknown): number[] | ErrorValue {
  const numbers: number[] = [];
  for (const row of asRange(values)) {
    for (const cell of row) {
      if (isNumber(cell)) numbers.push(cell);
      else {
        const error = asErrorValue(cell);
        if (error) return error;
      }
    }
  }
  return numbers;
}

class OldSpreadCache {
  private readonly entries = new Map<string, Spread>();
  get(numbers: readonly number[]): Spread {
    const key = numbers.join(",");
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const computed = spread(numbers);
    this.entries.set(key, computed);
    if (this.entries.size > 16) this.entries.delete(this.entries.keys().next().value!);
    return computed;
  }
}
const oldSpreads = new OldSpreadCache();

function oldMadScore(value: unknown, values: unknown[][]): number | ErrorValue {
  return guard(() => {
    const numbers = oldRangeNumbers(values);
    if (!Array.isArray(numbers)) return numbers;
    if (!numbers.length) return excelError("invalidNumber", "The range holds no numbers");
    const s = oldSpreads.get(numbers);
    const valueError = asErrorValue(value);
    if (valueError) return valueError;
    if (!isNumber(value)) return excelError("invalidValue", `not a number: ${describeCell(value)}`);
    return scoreAgainst(value, s).score ?? excelError("divisionByZero", "MAD is 0");
  });
}

// ---- The old BENCH.METRIC path: a Benchmarks that sorts the periods and scores the period on every call. ----

class UncachedBenchmarks extends Benchmarks {
  private periodsOf(metric: string): string[] {
    return sortPeriods(this.data.periods(metric)); // Dataset.periods sorted on every call
  }
  override period(metric: MetricRef, text?: string | null): string {
    const periods = this.periodsOf(metric.id);
    if (!periods.length) throw new NotFound(`No data for "${metric.name}"`);
    if (text === undefined || text === null || text.trim() === "" || text.trim().toLowerCase() === "latest") {
      return this.periodsOf(metric.id)
        .filter((p) => this.data.observations(metric.id, p).some((o) => o.value !== null))
        .at(-1)!;
    }
    const wanted = periodId(text);
    const found = periods.find(
      (p) => p === wanted || periodLabel(p).toLowerCase() === text.trim().toLowerCase(),
    );
    if (found) return found;
    throw new NotFound(`No period "${text}" for "${metric.name}"`);
  }
  override score(metric: MetricRef, period: string, options: ScoreOptions = {}): ScoredObservation[] {
    return this.scoreWithSets(metric, period, options).map((r) => r.o);
  }
  override scoreWithSets(metric: MetricRef, period: string, options: ScoreOptions = {}) {
    const group =
      options.group && this.group(options.group.council, options.group.custom?.name ?? options.group.kind);
    const members = group ? new Set(group.members) : undefined;
    const { rows, place } = this.rows(metric, period);
    const inGroup = members ? (code: string) => members.has(code) : undefined;
    const scored = scoreObservations(rows, { ...options, polarity: () => metric.polarity, place, inGroup });
    return scored.map((o, i) => {
      const p = place(rows[i]);
      const compared = "set" in p && (!inGroup || inGroup(rows[i].areacd));
      return { o, set: compared ? (group ? `${group.name}: ${p.set}` : p.set) : "" };
    });
  }
}

// ---- Timing ----

/** µs per call: `calls` calls, one after another, after a warm-up of a tenth as many (at least one). */
async function perCall(calls: number, call: (i: number) => unknown): Promise<number> {
  const warm = Math.max(1, calls / 10);
  // Only the async functions wait for each call: awaiting a plain value would time the event loop.
  if (!(call(0) instanceof Promise)) {
    for (let i = 1; i < warm; i++) call(i);
    const t = performance.now();
    for (let i = 0; i < calls; i++) call(i);
    return ((performance.now() - t) * 1000) / calls;
  }
  for (let i = 1; i < warm; i++) await call(i);
  const t = performance.now();
  for (let i = 0; i < calls; i++) await call(i);
  return ((performance.now() - t) * 1000) / calls;
}

/** A column like one metric per council: blanks (null) and a note among the numbers. */
function column(n: number, seed: number): unknown[][] {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, (_, i) => [
    i % 37 === 0 ? null : i === 5 ? "n/a" : Math.round(random() * 10000) / 10,
  ]);
}

/** Excel gives each call its own copy of the range: calls rotate over a few copies (made untimed). */
function copies(range: unknown[][], n = 4): unknown[][][] {
  return Array.from({ length: n }, () => range.map((row) => [...row]));
}

const rows: string[][] = [["case", "calls", "before µs/call", "after µs/call", "before ÷ after"]];
const fmt = (us: number) => (us < 10 ? us.toFixed(2) : us < 1000 ? us.toFixed(1) : us.toFixed(0));

/** Before and after in turn, `rounds` times: the median of each, as other work on the machine adds noise. */
async function compare(
  name: string,
  calls: number,
  beforeCalls: number,
  before: Call,
  after: Call,
  rounds = 3,
) {
  const b: number[] = [];
  const a: number[] = [];
  for (let r = 0; r < rounds; r++) {
    b.push(await perCall(beforeCalls, before));
    a.push(await perCall(calls, after));
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[xs.length >> 1];
  const note = beforeCalls === calls ? "" : ` (before: ${beforeCalls.toLocaleString("en-GB")})`;
  const [mb, ma] = [median(b), median(a)];
  rows.push([name, `${calls.toLocaleString("en-GB")}${note}`, fmt(mb), fmt(ma), (mb / ma).toFixed(0)]);
  return { before: mb, after: ma };
}

/** The targets' verdicts, printed after the table. */
const verdicts: string[] = [];
const verdict = (pass: boolean, text: string) => verdicts.push(`${pass ? "PASS" : "MISS"}  ${text}`);
type Call = (i: number) => unknown;

/** MADSCORE of each cell's value against the range, both ways, with equal answers. */
async function madScores(name: string, cells: number, calls: number, beforeCalls: number) {
  const range = column(cells, cells);
  const versions = copies(range);
  const valueOf = (i: number) => {
    const v = range[(i * 7919) % range.length][0];
    return typeof v === "number" ? v : 50;
  };
  for (let i = 0; i < 50; i++) {
    const [x, y] = [
      oldMadScore(valueOf(i), versions[i % 4]),
      functions.madScore(valueOf(i), versions[i % 4]),
    ];
    if (x !== y) throw new Error(`${name}: MADSCORE differs: ${String(x)} before, ${String(y)} after`);
  }
  spreads.clear();
  return compare(
    name,
    calls,
    beforeCalls,
    (i) => oldMadScore(valueOf(i), versions[i % versions.length]),
    (i) => functions.madScore(valueOf(i), versions[i % versions.length]),
  );
}

// "A repeated range costs a few µs": 10 µs a call at most.
for (const [name, cells, calls, beforeCalls] of [
  ["MADSCORE, 300-cell range", 300, 10_000, 10_000],
  // The old way takes tens of ms a call here: fewer calls are enough to time it.
  ["MADSCORE, 10⁵-cell range", 100_000, 1_000, 50],
] as const) {
  const { after } = await madScores(name, cells, calls, beforeCalls);
  verdict(after <= 10, `${name} repeated costs at most 10 µs a call: ${fmt(after)} µs`);
}

// BENCH.METRIC(council, metric, period, "score") for every council in turn, as a column of cells would.
const read = (name: string) => readFileSync(new URL(`../data/${name}`, import.meta.url), "utf8");
const shipped = benchmarksFromFiles({
  snapshot: read("default-snapshot.json"),
  councils: read("councils.json"),
  nearest: read("nearest-neighbours.json"),
});
const uncached = new UncachedBenchmarks(shipped.data, shipped.directory, shipped.nearest, [], true);
const RECYCLING = "household-waste-recycling-rate";
const recycling = shipped.metric(RECYCLING);
const latest = shipped.period(recycling);
const codes = shipped
  .score(recycling, latest)
  .map((r) => r.areacd)
  .filter((code) => shipped.directory.byCode(code)); // councils, not a joint partnership's code
const metricCall = (i: number, period: string | null) =>
  // As Excel (and test/functions/excel.ts) calls it: null for an omitted argument, an invocation last.
  functions.metric(codes[i % codes.length], RECYCLING, period as string, "score", {} as Invocation);
type Invocation = CustomFunctions.CancelableInvocation;

for (const period of ["2023-24", null]) {
  for (let i = 0; i < codes.length; i++) {
    useBenchmarks(uncached);
    const x = await metricCall(i, period);
    useBenchmarks(shipped);
    const y = await metricCall(i, period);
    if (JSON.stringify(x) !== JSON.stringify(y))
      throw new Error(`BENCH.METRIC differs for ${codes[i]}: ${JSON.stringify(x)} / ${JSON.stringify(y)}`);
  }
  const label = `BENCH.METRIC, ${codes.length} councils, period ${period === null ? "omitted" : period}`;
  const { before, after } = await compare(
    label,
    10_000,
    10_000,
    (i) => {
      useBenchmarks(uncached);
      return metricCall(i, period);
    },
    (i) => {
      useBenchmarks(shipped);
      return metricCall(i, period);
    },
  );
  // A cached period is read, not scored again: at least 10× faster than scoring it on each call.
  verdict(before / after >= 10, `${label}: scored periods cached, ${(before / after).toFixed(0)}× faster`);
}
useBenchmarks();
spreads.clear();

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows)
  console.log(r.map((cell, c) => (c ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  "));
for (const v of verdicts) console.log(v);
