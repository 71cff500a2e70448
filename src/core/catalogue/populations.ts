import type { Population } from "./types.js";

const NATIONAL_PARK = "national park authority: shown, not compared with councils";
const DEVELOPMENT_CORPORATION = "development corporation: shown, not compared with councils";

/**
 * As LADE compared them: every council that collected household waste that year. Cambridge City and South
 * Cambridgeshire report jointly (E50000008), so each counts with the partnership's value. Other E50
 * authorities are joint disposal authorities (London, Greater Manchester, Merseyside) or partnerships whose
 * members report their own figures (Somerset): they are shown, not compared.
 */
export const WASTE_COLLECTION: Population = {
  description:
    "waste collection authorities (E06, E07, E08, E09) that year; members of a joint collection partnership each count once with its value",
  sets: [{ name: "waste collection authorities", prefixes: ["E06", "E07", "E08", "E09"] }],
  notCompared: {
    E10: "county waste disposal authority: not compared with collection authorities",
    E50: "joint waste authority: not compared with collection authorities",
  },
  otherwise: "not a waste collection authority",
  joint: [{ code: "E50000008", members: ["E07000008", "E07000012"] }],
  caveat:
    "Compared as LADE compared them: every council that collected waste that year. Cambridge and South " +
    "Cambridgeshire report jointly (Cambridge City and South Cambs Councils, E50000008), so each counts once " +
    "with the joint value; the joint row itself is shown, not compared. Buckinghamshire Council, a unitary " +
    "since April 2020, is filed by Defra under the old county code E10000002 and compared as a collection authority.",
};

export const HIGHWAY_AUTHORITIES: Population = {
  description: "highway authorities (E06, E08, E09, E10)",
  sets: [{ name: "highway authorities", prefixes: ["E06", "E08", "E09", "E10"] }],
  notCompared: { E07: "district council: not a highway authority" },
  otherwise: "not a highway authority",
};

export const PLANNING_AUTHORITIES: Population = {
  description: "councils deciding planning applications (E06, E07, E08, E09)",
  sets: [{ name: "local planning authorities", prefixes: ["E06", "E07", "E08", "E09"] }],
  notCompared: { E26: NATIONAL_PARK, E51: DEVELOPMENT_CORPORATION },
  otherwise: "not a council deciding planning applications",
};

export const FINANCE_BY_TIER: Population = {
  description:
    "districts (E07) among districts; single-tier and county councils (E06, E08, E09, E10) among themselves",
  sets: [
    { name: "districts", prefixes: ["E07"] },
    { name: "single-tier and county councils", prefixes: ["E06", "E08", "E09", "E10"] },
  ],
  notCompared: {},
  otherwise: "not a council",
};

/** £-thousand components: shown for context beside the ratios, never scored. */
export const FINANCE_CONTEXT: Population = {
  description: "context figure: not scored",
  sets: [],
  notCompared: {},
  otherwise: "context figure in £ thousand: not scored (compare the reserves ratios instead)",
};

export const UPPER_TIER: Population = {
  description: "upper-tier councils (E06, E08, E09, E10)",
  sets: [{ name: "upper-tier councils", prefixes: ["E06", "E08", "E09", "E10"] }],
  notCompared: { E07: "district council: the service is provided by the county" },
  otherwise: "not an upper-tier council",
};
