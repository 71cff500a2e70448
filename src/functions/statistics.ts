// BENCH.MAD, MADSCORE, MADSCORES and BAND: the LADE statistics over ranges in the workbook.
import { band as bandOf, type Band } from "../core/band.js";
import { NORMAL_SCALE, type Spread } from "../core/mad.js";
import { scoreAgainst } from "../core/madScore.js";
import { isNumber } from "../core/numbers.js";
import { parsePolarity } from "../core/polarity.js";
import { asErrorValue, excelError, type ErrorValue } from "./errors.js";
import { asRange, choice, describeCell, text } from "./cells.js";
import { spreads } from "./spreadCache.js";

const SCALES = ["raw", "normal"] as const;

/** The spread of a range's numbers, or the error the range gives (an error cell, or no numbers). */
function rangeSpread(values: unknown): Spread | ErrorValue {
  const numbers = spreads.read(values);
  if (!(numbers instanceof Float64Array)) return numbers;
  // #NUM!, as MEDIAN gives for a range without numbers.
  if (!numbers.length) return excelError("invalidNumber", "The range holds no numbers");
  return spreads.get(numbers);
}

const isSpread = (s: Spread | ErrorValue): s is Spread => "median" in s;

const overflow = (): ErrorValue =>
  excelError("invalidNumber", "The score is too large to represent: the range holds numbers of extreme size");

/** The error for a value that has no score against a spread with numbers: a MAD of 0, or an overflow. */
const noScore = (s: Spread, value: number): ErrorValue => {
  const r = scoreAgainst(value, s);
  return "reason" in r && r.reason === "overflow" ? overflow() : madZero(s);
};

const madZero = (s: Spread): ErrorValue =>
  excelError(
    "divisionByZero",
    `MAD is 0: over half of the numbers equal the median (${s.median}), so there is no score`,
  );

export function mad(values: unknown, scale: unknown): number | ErrorValue {
  const chosen = choice(scale, "scale", SCALES, "raw");
  if (typeof chosen !== "string") return chosen;
  const s = rangeSpread(values);
  if (!isSpread(s)) return s;
  return chosen === "normal" ? s.mad * NORMAL_SCALE : s.mad;
}

export function madScore(value: unknown, values: unknown): number | ErrorValue {
  const s = rangeSpread(values);
  const valueError = asErrorValue(value);
  if (valueError) return valueError;
  if (!isSpread(s)) return s;
  if (!isNumber(value)) {
    return excelError("invalidValue", `The value to score must be a number; got ${describeCell(value)}`);
  }
  return scoreAgainst(value, s).score ?? noScore(s, value);
}

/** Scores for every cell, same shape; "" where a cell has no number. A range-wide problem gives one error. */
export function madScores(values: unknown): (number | string | ErrorValue)[][] {
  const s = rangeSpread(values);
  if (!isSpread(s)) return [[s]];
  if (!Number.isFinite(s.median) || !Number.isFinite(s.mad)) return [[overflow()]];
  if (!(s.mad > 0)) return [[madZero(s)]];
  // A single cell whose score overflows gets #NUM! in its place; the others are still scored.
  return asRange(values).map((row) =>
    row.map((cell) => (isNumber(cell) ? (scoreAgainst(cell, s).score ?? overflow()) : "")),
  );
}

export function band(score: unknown, polarity: unknown): Band | ErrorValue {
  const scoreError = asErrorValue(score);
  if (scoreError) return scoreError;
  const words = text(polarity);
  const p = words === "" ? "higher" : parsePolarity(words);
  if (!p) {
    return excelError(
      "invalidValue",
      `polarity must be "higher", "lower", "none" or omitted; got ${describeCell(polarity)}`,
    );
  }
  if (!isNumber(score)) {
    return excelError("invalidValue", `The score must be a number; got ${describeCell(score)}`);
  }
  return bandOf(score, p);
}
