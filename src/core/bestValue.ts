// Best Value theme ratings: a theme's evidence (polarity-adjusted MAD scores), its score (their median),
// its coverage, a rating in plain words with LADE's cut-offs, and warning flags. Never one number across
// themes, never a ranking of councils. The method is written up in docs/best-value-ratings.md.
import { median } from "./median.js";
import type { Polarity } from "./model.js";

/** A theme with fewer scored pieces of evidence than this is not rated. */
export const MIN_EVIDENCE = 2;

export const NOT_RATED = "Not rated — insufficient evidence";

export type Rating = "Strong" | "Good" | "In line with similar councils" | "Some concern" | "Concern";

/** Lower bounds (inclusive) of the ratings, LADE's band cut-offs: ≥ 1.5, 0.5, −0.5, −1.5, below. */
const CUT_OFFS: readonly [number, Rating][] = [
  [1.5, "Strong"],
  [0.5, "Good"],
  [-0.5, "In line with similar councils"],
  [-1.5, "Some concern"],
];

export type Judgement = "strong" | "adequate" | "concern";

/** One piece of evidence for a theme. */
export interface Evidence {
  /** The metric's name (or the local measure's). */
  name: string;
  /** Polarity-adjusted score: positive is better. Null where there is none. */
  score: number | null;
  /** scored: counts; context: no polarity, listed not rated; not-applicable: a service the council does not provide; no-data. */
  status: "scored" | "context" | "not-applicable" | "no-data";
  /** Added by the council in its Evidence table, not published data. */
  local: boolean;
  /** Worse in each of its last three periods. */
  worseningRun?: boolean;
  /** A local judgement (strong / adequate / concern), with its note and date. */
  judgement?: { value: Judgement; note: string; date: string };
  /** Extra words shown with it (the period, the comparison, why there is no score). */
  detail?: string;
}

export interface ThemeRating {
  score: number | null;
  /** The rating, or NOT_RATED. */
  rating: Rating | typeof NOT_RATED;
  /** "3 of 5 mapped metrics scored" (local evidence counted with them, and said so). */
  coverage: string;
  scored: number;
  mapped: number;
  warnings: string[];
}

/** The polarity-adjusted score: lower-is-better scores flip; no-polarity scores are not evidence. */
export function adjustScore(score: number, polarity: Polarity): number | null {
  if (polarity === "none") return null;
  return polarity === "lower" ? -score : score;
}

/** The rating words for a theme score. */
export function ratingOf(score: number): Rating {
  return CUT_OFFS.find(([lower]) => score >= lower)?.[1] ?? "Concern";
}

/**
 * Rates one theme from its evidence: the median of the scored evidence (robust to one outlier, never
 * lowered by improving one piece), not rated below MIN_EVIDENCE, with warnings whatever the score.
 * Judgements count as warnings (concern) and are listed, never turned into numbers.
 */
export function rateTheme(evidence: readonly Evidence[]): ThemeRating {
  const scored = evidence.filter(
    (e) => e.status === "scored" && e.score !== null && Number.isFinite(e.score),
  );
  // Mapped: the measures that could be rated here; services not provided and judgements are not.
  const mapped = evidence.filter((e) => e.judgement === undefined && e.status !== "not-applicable");
  const context = mapped.filter((e) => e.status === "context").length;
  const local = scored.filter((e) => e.local).length;
  const extra = [context ? `${context} context` : "", local ? `${local} local` : ""].filter(Boolean);
  const coverage =
    `${scored.length} of ${mapped.length} mapped metric${mapped.length === 1 ? "" : "s"} scored` +
    (extra.length ? ` (${extra.join(", ")})` : "");
  const warnings: string[] = [];
  for (const e of evidence) {
    const where = e.local ? `${e.name} (local)` : e.name;
    if (e.status === "scored" && e.score !== null && e.score <= -3) warnings.push(`${where}: much worse`);
    if (e.worseningRun) warnings.push(`${where}: worse in each of the last three periods`);
    if (e.judgement?.value === "concern") warnings.push(`${where}: judged a concern (${e.judgement.date})`);
  }
  if (scored.length < MIN_EVIDENCE)
    return {
      score: null,
      rating: NOT_RATED,
      coverage,
      scored: scored.length,
      mapped: mapped.length,
      warnings,
    };
  const score = median(scored.map((e) => e.score!));
  return { score, rating: ratingOf(score), coverage, scored: scored.length, mapped: mapped.length, warnings };
}
