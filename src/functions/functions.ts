// Excel custom functions, namespace BENCH (see manifest.xml). Each one is a thin, typed entry point: the
// work is in statistics.ts (ranges in the workbook) and lookups.ts (the shipped data), and nothing ever
// throws: problems come back as Excel error values with a message (errors.ts).
//
// How registration works: custom-functions-metadata-plugin (webpack.config.js) reads the JSDoc
// @customfunction tags in this file, writes functions.json, and appends
//   CustomFunctions.associate("<ID>", <functionName>);
// to this module for each of them at build time. So do not call associate() by hand (it would register
// twice), and keep every custom function a top-level function declared in this file. Ids never change
// once released: workbooks store them in their formulas.
//
// The metadata comes from the TypeScript types: `unknown` becomes "any" (so the function can answer a
// wrong argument with a message instead of Excel's bare #VALUE!), `unknown[][]` a range, a union return
// type "any", and `Array<Array<…>>` a spilled result. Omitted optional arguments arrive as null.
import pkg from "../../package.json";
import { readingBlanks } from "./blanks.js";
import { asRows, guard, guardAsync } from "./errors.js";
import * as lookups from "./lookups.js";
import * as profiles from "./profile.js";
import * as stats from "./statistics.js";
import * as themes from "./themes.js";

// The appended associate() calls resolve `CustomFunctions` to this binding. Where the Office runtime is
// absent (a plain browser, tests) it is a no-op instead of a ReferenceError that would stop the bundle.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by the plugin-appended code
const CustomFunctions: Pick<typeof globalThis.CustomFunctions, "associate"> = globalThis.CustomFunctions ?? {
  associate: () => undefined,
};

/**
 * Returns the version of the Council Benchmarks add-in, e.g. to check which build a workbook is using.
 * @customfunction VERSION
 * @returns The add-in version, such as "0.1.0".
 */
export function version(): string {
  return pkg.version;
}

/**
 * Median absolute deviation (MAD) of the numbers in a range: the median distance from their median.
 * Blanks, text and TRUE/FALSE are ignored, as MEDIAN does.
 * @customfunction MAD
 * @param {unknown[][]} values The range of values, e.g. one metric for every council.
 * @param {string} [scale] "raw" (default, as LADE used it) or "normal" (× 1.4826, comparable to a standard deviation).
 * @param {CustomFunctions.Invocation} [invocation] Supplied by Excel: the arguments' addresses (see blanks.ts).
 * @returns The MAD; #NUM! when the range holds no numbers.
 * @requiresParameterAddresses
 */
export function mad(
  values: unknown[][],
  scale?: string,
  invocation?: CustomFunctions.Invocation,
): number | CustomFunctions.Error | Promise<number | CustomFunctions.Error> {
  return readingBlanks(invocation, [0], [values, scale], (v, s) => guard(() => stats.mad(v, s)));
}

/**
 * LADE MAD score of one value against a range: (value − median) / MAD. A score of 1.5 means 1.5 MADs
 * above the median.
 * @customfunction MADSCORE
 * @param {unknown} value The value to score, e.g. your council's figure.
 * @param {unknown[][]} values The range it is compared with (blanks and text ignored).
 * @param {CustomFunctions.Invocation} [invocation] Supplied by Excel: the arguments' addresses (see blanks.ts).
 * @returns The score; #DIV/0! when the MAD is 0 (over half the values equal the median).
 * @requiresParameterAddresses
 */
export function madScore(
  value: unknown,
  values: unknown[][],
  invocation?: CustomFunctions.Invocation,
): number | CustomFunctions.Error | Promise<number | CustomFunctions.Error> {
  return readingBlanks(invocation, [0, 1], [value, values], (x, v) => guard(() => stats.madScore(x, v)));
}

/**
 * LADE MAD scores of every value in a range against that range, spilled in the same shape. Cells
 * without a number stay blank.
 * @customfunction MADSCORES
 * @param {unknown[][]} values The range to score.
 * @param {CustomFunctions.Invocation} [invocation] Supplied by Excel: the arguments' addresses (see blanks.ts).
 * @returns One score per cell; a single error when the range has an error, no numbers or a MAD of 0.
 * @requiresParameterAddresses
 */
// Always a promise: the metadata generator declares a spilled result only for an array (or a promise of one).
export async function madScores(
  values: unknown[][],
  invocation?: CustomFunctions.Invocation,
): Promise<Array<Array<number | string | CustomFunctions.Error>>> {
  return readingBlanks(invocation, [0], [values], (v) => asRows(guard(() => stats.madScores(v))));
}

/**
 * The LADE band of a MAD score, such as "much-better" (≥ 3) or "similar" (−0.5 to 0.5).
 * @customfunction BAND
 * @param {unknown} score A MAD score.
 * @param {string} [polarity] "higher" (default: higher is better), "lower" (lower is better) or "none" (bands read "much-higher" … "much-lower").
 * @param {CustomFunctions.Invocation} [invocation] Supplied by Excel: the arguments' addresses (see blanks.ts).
 * @returns The band label.
 * @requiresParameterAddresses
 */
export function band(
  score: unknown,
  polarity?: string,
  invocation?: CustomFunctions.Invocation,
): string | CustomFunctions.Error | Promise<string | CustomFunctions.Error> {
  return readingBlanks(invocation, [0], [score, polarity], (x, p) => guard(() => stats.band(x, p)));
}

/**
 * A published value for a council from the shipped data, or its LADE statistics among the councils the
 * metric compares (e.g. waste collection authorities).
 * @customfunction METRIC
 * @param {string} council Council code or name, e.g. "E07000245" or "West Suffolk".
 * @param {string} metric Metric id, e.g. "household-waste-recycling-rate".
 * @param {string} [period] Period, e.g. "2023-24"; the latest with data when omitted.
 * @param {string} [field] "value" (default), "median", "mad", "score" or "band".
 * @param {CustomFunctions.CancelableInvocation} [invocation] Supplied by Excel.
 * @returns The value or statistic; #N/A naming what was not found.
 * @cancelable
 */
export function metric(
  council: string,
  metric: string,
  period?: string,
  field?: string,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<number | string | CustomFunctions.Error> {
  return guardAsync(() => lookups.metric(council, metric, period, field, lookups.cancellation(invocation)));
}

/**
 * A council's values of a metric over time, spilled as rows of period and value, oldest first.
 * @customfunction SERIES
 * @param {string} council Council code or name.
 * @param {string} metric Metric id, e.g. "household-waste-recycling-rate".
 * @returns Two columns: period and value (blank where the value is missing).
 */
export function series(
  council: string,
  metric: string,
): Promise<Array<Array<number | string | CustomFunctions.Error>>> {
  return guardAsync(() => lookups.series(council, metric)).then(asRows);
}

/**
 * The councils in a council's comparator group, spilled as rows of code and name (the council included).
 * @customfunction COMPARATORS
 * @param {string} council Council code or name.
 * @param {string} [group] "tier" (default: all districts, or all upper and single-tier councils), "nearest" (CIPFA nearest neighbours), "region", "type", or a custom group's name.
 * @returns Two columns: council code and name, by code.
 */
export function comparators(
  council: string,
  group?: string,
): Promise<Array<Array<string | CustomFunctions.Error>>> {
  return guardAsync(() => lookups.comparators(council, group)).then(asRows);
}

/**
 * Where a council stands on every metric, spilled with a header row: value, England and group medians,
 * MAD scores, band, rank, quartile, trend and flags, one row per metric. Scores are calculated by the
 * add-in from published data, not official Oflog figures.
 * @customfunction PROFILE
 * @param {string} council Council code or name, e.g. "West Suffolk".
 * @param {string} [group] Comparator group: "nearest", "type", "region", "tier" or a custom group's name; England (each metric's LADE population) when omitted.
 * @param {string} [period] Period, e.g. "2023-24"; each metric's latest when omitted or where a metric lacks it.
 * @returns A header row and one row per metric.
 */
export function profile(
  council: string,
  group?: string,
  period?: string,
): Promise<Array<Array<number | string | CustomFunctions.Error>>> {
  return guardAsync(() => profiles.profile(council, group, period)).then(asRows);
}

/**
 * A council's rank on one metric within its comparison, such as "5 of 16" (1 = best after polarity; ties
 * share the better rank).
 * @customfunction RANK
 * @param {string} council Council code or name.
 * @param {string} metric Metric id, e.g. "household-waste-recycling-rate".
 * @param {string} [group] Comparator group ("nearest", "type", "region", "tier" or a custom group's name); England when omitted.
 * @param {string} [period] Period, e.g. "2023-24"; the latest with data when omitted.
 * @returns Text such as "5 of 16"; #N/A when the council has no rank (no value, not applicable, no polarity).
 */
export function rank(
  council: string,
  metric: string,
  group?: string,
  period?: string,
): Promise<string | CustomFunctions.Error> {
  return guardAsync(() => profiles.rank(council, metric, group, period));
}

/**
 * The seven themes of the 2024 Best Value statutory guidance, spilled down, in the guidance's order.
 * @customfunction THEMES
 * @returns One theme name per row.
 */
export function themeNames(): string[][] {
  return themes.themes();
}

/**
 * The score of a Best Value theme from its evidence: the median of the polarity-adjusted MAD scores
 * (positive is better). Blank cells are ignored; scores with polarity "none" are context, not evidence.
 * @customfunction THEMESCORE
 * @param {string} theme A theme's name, e.g. "Use of resources".
 * @param {unknown[][]} scores MAD scores, one per piece of evidence.
 * @param {unknown[][]} [polarities] "higher" (default), "lower" or "none" per score, or one word for all.
 * @param {CustomFunctions.Invocation} [invocation] Supplied by Excel: the arguments' addresses (see blanks.ts).
 * @returns The theme score; #N/A "Not rated — insufficient evidence" with fewer than two scores.
 * @requiresParameterAddresses
 */
export function themeScore(
  theme: string,
  scores: unknown[][],
  polarities?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): number | CustomFunctions.Error | Promise<number | CustomFunctions.Error> {
  return readingBlanks(invocation, [1], [theme, scores, polarities], (t, s, p) =>
    guard(() => themes.themeScore(t, s, p)),
  );
}

/**
 * The rating of a Best Value theme from its evidence: "Strong" (score ≥ 1.5), "Good", "In line with
 * similar councils", "Some concern" or "Concern" (below −1.5), with LADE's cut-offs.
 * @customfunction THEMERATING
 * @param {string} theme A theme's name, e.g. "Service delivery".
 * @param {unknown[][]} scores MAD scores, one per piece of evidence.
 * @param {unknown[][]} [polarities] "higher" (default), "lower" or "none" per score, or one word for all.
 * @param {CustomFunctions.Invocation} [invocation] Supplied by Excel: the arguments' addresses (see blanks.ts).
 * @returns The rating, or "Not rated — insufficient evidence" with fewer than two scores.
 * @requiresParameterAddresses
 */
export function themeRating(
  theme: string,
  scores: unknown[][],
  polarities?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): string | CustomFunctions.Error | Promise<string | CustomFunctions.Error> {
  return readingBlanks(invocation, [1], [theme, scores, polarities], (t, s, p) =>
    guard(() => themes.themeRating(t, s, p)),
  );
}

/**
 * A council's Best Value theme ratings, spilled with a header: theme, score, rating, coverage, warning
 * flags and the metrics used. Local evidence from the workbook's Evidence table is marked local. Never a
 * single score across themes.
 * @customfunction THEMEREPORT
 * @param {string} council Council code or name.
 * @param {string} [group] Comparator group ("nearest", "type", "region", "tier" or a custom group's name); each metric's LADE population when omitted.
 * @param {string} [period] Period, e.g. "2023-24"; each metric's latest when omitted.
 * @returns A header row and one row per theme.
 */
export function themeReport(
  council: string,
  group?: string,
  period?: string,
): Promise<Array<Array<number | string | CustomFunctions.Error>>> {
  return guardAsync(() => themes.themeReportSpill(council, group, period)).then(asRows);
}

/**
 * The evidence behind one Best Value theme for a council, one row per piece of evidence (published or
 * local), with its status and score.
 * @customfunction THEMEEVIDENCE
 * @param {string} council Council code or name.
 * @param {string} theme A theme's name, e.g. "Use of resources".
 * @param {string} [group] Comparator group; each metric's LADE population when omitted.
 * @param {string} [period] Period; each metric's latest when omitted.
 * @returns A header row and one row per piece of evidence.
 */
export function themeEvidence(
  council: string,
  theme: string,
  group?: string,
  period?: string,
): Promise<Array<Array<number | string | CustomFunctions.Error>>> {
  return guardAsync(() => themes.themeEvidenceSpill(council, theme, group, period)).then(asRows);
}
