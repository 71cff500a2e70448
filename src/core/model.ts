// The data model shared by every surface: metrics, councils, observations.

/** Which direction is "better" for a metric. */
export type Polarity = "higher" | "lower" | "none";

export type Domain = "adult-skills" | "adult-social-care" | "finance" | "planning" | "roads" | "waste";

/** Council tiers as LADE compared them. */
export type Tier = "upper" | "lower" | "single";

/** One published value of one metric for one area and period. `value` is null when missing or suppressed. */
export interface Observation {
  metric: string;
  period: string;
  areacd: string;
  areanm: string;
  value: number | null;
  /** Why `value` is null: the source's marker (e.g. "..", "[c]") or "empty". */
  missing?: string;
  /** How the row came to be this council's, where it was not published so (a former code, a partnership). */
  note?: string;
  /** The publisher's geography level, where a file has several (ONS Explore Local Statistics). */
  geography?: string;
}

/** A council in the reference table. */
export interface Council {
  code: string;
  name: string;
  shortName: string;
  /** mySociety type: NMD, UA, MD, LBO, CTY, ... */
  type: string;
  tier: Tier;
  region: string;
  /** Codes this council replaced in the 2019-2023 reorganisations (and earlier recodings). */
  predecessors: string[];
  /**
   * When a council created by a reorganisation took over its predecessors' services (ISO date, e.g.
   * "2020-04-01"): from then on a row a publisher still files under a predecessor's code is this council's.
   */
  since?: string;
  /** A district's county council (its code): it provides the upper-tier services in the district's area. */
  county?: string;
}
