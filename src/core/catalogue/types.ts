import type { Domain, Polarity } from "../model.js";

/** The seven themes of the 2024 Best Value statutory guidance. */
export type Theme =
  | "continuous-improvement"
  | "leadership"
  | "governance"
  | "culture"
  | "use-of-resources"
  | "service-delivery"
  | "partnerships-and-community-engagement";

/**
 * Councils compared with one another: those whose code starts with one of `prefixes` (the council's type:
 * E06 unitary, E07 district, E08 metropolitan district, E09 London borough, E10 county), applied to the
 * council that had the service in that period (see population.ts), whatever code the publisher used.
 */
export interface ComparisonSet {
  name: string;
  prefixes: readonly string[];
}

/**
 * Who a metric compares, as LADE compared like with like. Rows of other councils are kept and shown but
 * not scored, with the reason for their code prefix (or `otherwise`).
 */
export interface Population {
  description: string;
  sets: readonly ComparisonSet[];
  notCompared: Readonly<Record<string, string>>;
  otherwise: string;
  /** How this comparison counts councils, shown with the metric's caveats. */
  caveat?: string;
  /** Partnerships that report for their member councils as one: each member without a value takes theirs. */
  joint?: readonly JointReporting[];
}

/** A partnership that reports as one for its members (Cambridge City and South Cambridgeshire, E50000008). */
export interface JointReporting {
  code: string;
  members: readonly string[];
}

/** What the publisher's metadata says about a metric (generated from the published metadata files). */
export interface PublishedMetadata {
  label: string;
  unit: string;
  polarity: Polarity;
  publisher: string;
  publication: string;
  publisherUrl: string;
  licence: string;
  caveats: readonly string[];
  official: boolean;
}

/** The hand-kept part of a catalogue entry: where it belongs and how it is compared and shown. */
export interface MetricDefinition {
  /** Public API: users type it into formulas. Never rename one. */
  id: string;
  domain: Domain;
  /** Excel number format for values. */
  numberFormat: string;
  /** Which councils provide the service: upper tier, lower tier or all. */
  appliesTo: "upper" | "lower" | "all";
  population: Population;
  themes: readonly Theme[];
  /** Where the default snapshot takes its values from, under ../shared/data (none: no published file found). */
  file?: string;
  /** Id of the metric inside that file when it differs from `id`. */
  fileMetric?: string;
  /** Other names publishers' files use for it (slugs of their labels), so their rows join this metric. */
  aliases?: readonly string[];
  /** The unit, for files that have no unit column (LADE's): the rest of their metadata is generated. */
  unit?: string;
  /** Metadata for metrics that have no published file. */
  metadata?: PublishedMetadata;
  /** Shown with every value, e.g. that a figure is calculated, not an official one. */
  note?: string;
}

/** A catalogue entry: definition and published metadata together. */
export interface Metric extends Omit<MetricDefinition, "unit">, PublishedMetadata {
  name: string;
  /** True when the default snapshot ships values for it. */
  hasDefaultData: boolean;
}
