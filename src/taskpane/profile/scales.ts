// Chart arithmetic, kept out of the components so it can be tested: linear scales, the strip chart's
// axis (better always to the right), tick values and the trend chart's line.
import type { Polarity } from "../../core/model.js";

export type Scale = (value: number) => number;

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): Scale {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** The smallest and largest of the numbers given (nulls ignored), widened a little when they are equal. */
export function extent(values: readonly (number | null | undefined)[]): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return undefined;
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.05 || 1;
    return [lo - pad, hi + pad];
  }
  return [lo, hi];
}

/**
 * The range a strip chart shows: the middle 96% of the values (a few extreme councils would otherwise
 * squeeze everyone else into a corner), widened to take in the values that must be shown exactly (the
 * council, the medians, ±1 MAD). Values outside are drawn at the edge; the text alternative has them all.
 */
export function robustExtent(
  values: readonly number[],
  keep: readonly (number | null | undefined)[],
  trim = 0.02,
): [number, number] | undefined {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return extent(keep);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
  return extent([at(trim), at(1 - trim), ...keep]);
}

/** Keeps a pixel position within [lo, hi]. */
export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/**
 * The strip chart's x scale over `domain` within [left, right] pixels: better values to the right, so a
 * lower-is-better metric has its axis flipped; no-polarity metrics run low to high.
 */
export function stripScale(
  domain: readonly [number, number],
  left: number,
  right: number,
  polarity: Polarity,
): Scale {
  return polarity === "lower" ? linearScale(domain, [right, left]) : linearScale(domain, [left, right]);
}

/** The trend chart's y scale: better values towards the top (SVG y grows downwards). */
export function trendScale(
  domain: readonly [number, number],
  top: number,
  bottom: number,
  polarity: Polarity,
): Scale {
  return polarity === "lower" ? linearScale(domain, [top, bottom]) : linearScale(domain, [bottom, top]);
}

/** About `count` round tick values (1, 2 or 5 × a power of ten apart) within [lo, hi]. */
export function ticks(lo: number, hi: number, count = 4): number[] {
  if (!(hi > lo) || count < 1) return Number.isFinite(lo) ? [lo] : [];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  // As d3's ticks: the multiple nearest to the raw step (thresholds at the geometric means).
  const error = raw / power;
  const step =
    power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}

/** A small vertical offset per dot, so councils with close values do not hide each other; stable per index. */
export function jitter(index: number, height: number): number {
  // The golden ratio spreads successive indices evenly over [-height/2, height/2].
  const f = (index * 0.6180339887) % 1;
  return (f - 0.5) * height;
}

/** SVG path through the points, broken where a value is missing ("M x y L x y … M …"). */
export function linePath(points: readonly ({ x: number; y: number } | null)[]): string {
  let d = "";
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${round(p.x)} ${round(p.y)} `;
    pen = true;
  }
  return d.trim();
}

const round = (n: number) => Math.round(n * 10) / 10;
