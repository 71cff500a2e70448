// The statistics core as a library: pure functions, no Office, DOM, fetch or Node I/O.
export { median } from "./median.js";
export { mad, spread, NORMAL_SCALE, MEAN_AD_SCALE, type MadOptions, type Spread } from "./mad.js";
export { madScore, madScores, scoreAgainst, type NoScoreReason, type ScoreResult } from "./madScore.js";
export { band, isOutlier, BANDS, OUTLIER_THRESHOLD, type Band } from "./band.js";
export { quickselect } from "./quickselect.js";
export { directionOfTravel, type Direction, type Travel } from "./travel.js";
export { parseValue, MISSING_MARKERS } from "./values.js";
export { parsePolarity } from "./polarity.js";
export { periodId, periodLabel, comparePeriods, sortPeriods } from "./periods.js";
export {
  scoreObservations,
  type Placement,
  type ScoredObservation,
  type ScoringOptions,
  type Status,
} from "./scoring.js";
export * from "./parsers/index.js";
export type { Council, Domain, Observation, Polarity, Tier } from "./model.js";
export { Dataset } from "./dataset.js";
export {
  Benchmarks,
  benchmarksFromFiles,
  NotFound,
  type ScoreOptions,
  type ShippedFiles,
} from "./benchmarks.js";
export {
  buildSnapshot,
  parseSnapshot,
  serializeSnapshot,
  snapshotObservations,
  SnapshotError,
  type Snapshot,
} from "./snapshot.js";
export { CATALOGUE, findMetric, catalogueId, THEMES, type Metric, type Theme } from "./catalogue/index.js";
export { CouncilDirectory } from "./councils.js";
export { resolveGroup, GROUP_KINDS, type ComparatorGroup, type GroupKind } from "./groups.js";
export { readObservations, type DataFormat } from "./load.js";
export {
  councilProfile,
  profileRow,
  rankText,
  bandWords,
  type CouncilProfile,
  type ProfileOptions,
  type ProfileRow,
  type ProfileFlag,
  type Trend,
} from "./profile.js";
export { decodeText } from "./text.js";
export {
  PUBLISHER_READERS,
  findReader,
  readerFor,
  type PublisherReader,
  type ReaderOptions,
} from "./publishers/index.js";
export {
  LayoutError,
  SpreadsheetError,
  readSpreadsheet,
  type Sheet,
  type Cell,
} from "./spreadsheet/index.js";
