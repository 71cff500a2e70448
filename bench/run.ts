// Compares our median, MAD and column scores with peer libraries on the same data, in one run, and prints
// time ratios (peer ÷ ours: above 1 means we are faster). Also checks the results agree.
// Run: npm run bench
import { median as d3Median } from "d3-array";
import { median as ssMedian, medianAbsoluteDeviation as ssMad } from "simple-statistics";
import { mad, madScores, median } from "../src/core/index.js";

function column(n: number, seed = 1): number[] {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, () => Math.round(random() * 1000) / 10);
}

/** Median time per call in ms over enough repetitions to last about `budgetMs`. */
function time(fn: () => unknown, budgetMs = 300): number {
  const t0 = performance.now();
  fn();
  const once = Math.max(performance.now() - t0, 0.001);
  const reps = Math.max(5, Math.min(2000, Math.round(budgetMs / once)));
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[reps >> 1];
}

const rows: string[][] = [["n", "task", "ours ms", "peer", "peer ms", "ratio"]];
for (const n of [150, 350, 10_000, 1_000_000]) {
  const xs = column(n, n);
  if (median(xs) !== d3Median(xs) || median(xs) !== ssMedian(xs))
    throw new Error(`median disagrees at n=${n}`);
  if (Math.abs(mad(xs) - ssMad(xs)) > 1e-9) throw new Error(`MAD disagrees at n=${n}`);
  const ours = { median: time(() => median(xs)), mad: time(() => mad(xs)) };
  const peers: [string, keyof typeof ours, () => unknown][] = [
    ["d3-array median", "median", () => d3Median(xs)],
    ["simple-statistics median", "median", () => ssMedian(xs)],
    ["simple-statistics MAD", "mad", () => ssMad(xs)],
  ];
  for (const [peer, task, fn] of peers) {
    const t = time(fn);
    rows.push([String(n), task, ours[task].toFixed(4), peer, t.toFixed(4), (t / ours[task]).toFixed(2)]);
  }
  // A whole column of scores against the naive way: one MAD per value (what a formula per cell would do).
  if (n <= 10_000) {
    const naive = time(() => xs.map((x) => (x - ssMedian(xs)) / ssMad(xs)), 500);
    const column = time(() => madScores(xs));
    rows.push([
      String(n),
      "scores",
      column.toFixed(4),
      "per-value simple-statistics",
      naive.toFixed(4),
      (naive / column).toFixed(2),
    ]);
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  "));
