// The metrics LADE showed, in its six domains. Ids are public API: never rename one.
// Label, unit, polarity, publisher, licence and caveats come from the published metadata (published.ts,
// generated from ../shared/data); only metrics whose files carry none have `metadata` here.
import type { Polarity } from "../model.js";
import {
  FINANCE_BY_TIER,
  FINANCE_CONTEXT,
  HIGHWAY_AUTHORITIES,
  PLANNING_AUTHORITIES,
  UPPER_TIER,
  WASTE_COLLECTION,
} from "./populations.js";
import type { MetricDefinition, PublishedMetadata } from "./types.js";

const OGL = "Open Government Licence v3.0 (Crown copyright)";
const NO_DATA =
  "No data in the default snapshot: point this metric at a published file (Settings > Sources).";
export const NOT_OFFICIAL = "Calculated from MHCLG Revenue Outturn, not an official Oflog figure.";

const unpublished = (
  label: string,
  unit: string,
  polarity: Polarity,
  publisher: string,
  publication: string,
  publisherUrl: string,
): PublishedMetadata => ({
  label,
  unit,
  polarity,
  publisher,
  publication,
  publisherUrl,
  licence: OGL,
  caveats: [NO_DATA],
  official: true,
});

const MHCLG = "Ministry of Housing, Communities and Local Government (MHCLG)";
const PLANNING_TABLES =
  "https://www.gov.uk/government/statistical-data-sets/live-tables-on-planning-application-statistics";
const FINANCE_COLLECTION =
  "https://www.gov.uk/government/collections/local-authority-revenue-expenditure-and-financing";

/**
 * Adult social care: LADE's own file. Its label, polarity and caveats are generated from the file's
 * Measure and rank_order columns (scripts/generate-data.ts); the file has no unit column, so the unit is
 * kept here.
 */
const asc = (id: string, file: string, unit: string): MetricDefinition => ({
  id,
  domain: "adult-social-care",
  numberFormat: unit === "percent" ? "0.0" : "0.0##",
  appliesTo: "upper",
  population: UPPER_TIER,
  // Ease of finding information speaks to engagement; workforce turnover to culture (as context).
  themes:
    id === "ASC3" || id === "ASC4"
      ? ["service-delivery", "partnerships-and-community-engagement"]
      : id === "ASC7"
        ? ["service-delivery", "culture"]
        : ["service-delivery"],
  file,
  unit,
});

const waste = (id: string, numberFormat: string, aliases: readonly string[] = []): MetricDefinition => ({
  id,
  aliases,
  domain: "waste",
  numberFormat,
  appliesTo: "lower",
  population: WASTE_COLLECTION,
  themes: ["service-delivery"],
  file: `waste/${id}.csv`,
});

const roads = (id: string): MetricDefinition => ({
  id,
  domain: "roads",
  numberFormat: "0",
  appliesTo: "upper",
  population: HIGHWAY_AUTHORITIES,
  themes: ["service-delivery"],
  file: `roads/${id}.csv`,
});

const finance = (id: string, scored: boolean): MetricDefinition => ({
  id,
  domain: "finance",
  numberFormat: scored ? "0.0" : "#,##0",
  appliesTo: "all",
  population: scored ? FINANCE_BY_TIER : FINANCE_CONTEXT,
  themes: ["use-of-resources"],
  file: `finance/${id}.csv`,
  ...(scored ? { note: NOT_OFFICIAL } : {}),
});

const skills = (id: string, file: string): MetricDefinition => ({
  id,
  domain: "adult-skills",
  numberFormat: "#,##0",
  appliesTo: "upper",
  population: UPPER_TIER,
  themes: ["service-delivery", "partnerships-and-community-engagement"],
  file: `ons-els/${file}.csv`,
  fileMetric: file,
});

export const DEFINITIONS: readonly MetricDefinition[] = [
  // Adult social care: the LADE file's own codes and measures.
  asc("ASC1", "oflog-lade-asc1-4.csv", "score out of 12"),
  asc("ASC2", "oflog-lade-asc1-4.csv", "score"),
  asc("ASC3", "oflog-lade-asc1-4.csv", "percent"),
  asc("ASC4", "oflog-lade-asc1-4.csv", "percent"),
  asc("ASC5", "oflog-lade-asc5-7.csv", "percent"),
  asc("ASC6", "oflog-lade-asc5-7.csv", "requests per 100,000 adults"),
  asc("ASC7", "oflog-lade-asc5-7.csv", "percent"),

  // Adult skills: ONS Explore Local Statistics.
  skills("further-education-and-skills-achievements", "further-education-and-skills-learner-achievements"),
  skills("further-education-and-skills-participation", "further-education-and-skills-participation"),

  // Waste: Defra ENV18.
  waste("household-waste-recycling-rate", "0.0"),
  waste("residual-household-waste-per-household", "#,##0.0", ["residual-household-waste"]),
  waste("recycling-contamination-rate", "0.0"),

  // Roads: DfT RDC0120.
  roads("a-roads-maintenance-should-be-considered"),
  roads("bc-roads-maintenance-should-be-considered"),

  // Planning: MHCLG live tables.
  {
    id: "non-major-planning-decisions-in-time",
    domain: "planning",
    numberFormat: "0.0",
    appliesTo: "lower",
    population: PLANNING_AUTHORITIES,
    themes: ["service-delivery"],
    file: "planning/non-major-planning-decisions-in-time.csv",
  },
  {
    id: "major-planning-decisions-in-time",
    domain: "planning",
    numberFormat: "0.0",
    appliesTo: "lower",
    population: PLANNING_AUTHORITIES,
    themes: ["service-delivery"],
    metadata: unpublished(
      "Percentage of major planning applications decided within 13 weeks or an agreed extended time",
      "percent",
      "higher",
      MHCLG,
      "Live tables on planning application statistics, Table P151",
      PLANNING_TABLES,
    ),
  },
  {
    id: "planning-appeals-overturned",
    domain: "planning",
    numberFormat: "0.0",
    appliesTo: "lower",
    population: PLANNING_AUTHORITIES,
    themes: ["service-delivery", "governance"],
    metadata: unpublished(
      "Percentage of planning decisions overturned at appeal",
      "percent",
      "lower",
      MHCLG,
      "Live tables on planning application statistics, Tables P152 and P154 (quality of decisions)",
      PLANNING_TABLES,
    ),
  },

  // Finance: MHCLG Revenue Outturn (ratios calculated by us; components as published).
  finance("non-ringfenced-reserves-pct-net-revenue-expenditure", true),
  finance("non-ringfenced-reserves-pct-total-service-expenditure", true),
  finance("unallocated-reserves", false),
  finance("earmarked-reserves", false),
  finance("net-revenue-expenditure", false),
  finance("total-service-expenditure", false),
  finance("adult-social-care-net-current-expenditure", false),
  finance("childrens-social-care-net-current-expenditure", false),
  {
    id: "debt-pct-core-spending-power",
    domain: "finance",
    numberFormat: "0.0",
    appliesTo: "all",
    population: FINANCE_BY_TIER,
    themes: ["use-of-resources"],
    metadata: unpublished(
      "Total debt as a percentage of core spending power",
      "percent",
      "lower",
      MHCLG,
      "Local authority capital expenditure and financing (borrowing) with Core Spending Power tables",
      "https://www.gov.uk/government/collections/local-authority-capital-expenditure-receipts-and-financing",
    ),
  },
  {
    id: "social-care-spend-pct-core-spending-power",
    domain: "finance",
    numberFormat: "0.0",
    appliesTo: "upper",
    population: FINANCE_BY_TIER,
    themes: ["use-of-resources"],
    metadata: unpublished(
      "Adult and children's social care spend as a percentage of core spending power",
      "percent",
      "none",
      MHCLG,
      "Revenue Outturn (RO3) with Core Spending Power tables",
      FINANCE_COLLECTION,
    ),
  },
  {
    id: "council-tax-collection-rate",
    domain: "finance",
    numberFormat: "0.0",
    appliesTo: "lower",
    population: FINANCE_BY_TIER,
    themes: ["use-of-resources"],
    metadata: unpublished(
      "Percentage of council tax collected in the year",
      "percent",
      "higher",
      MHCLG,
      "Collection rates and receipts of council tax and non-domestic rates in England",
      "https://www.gov.uk/government/collections/council-tax-statistics",
    ),
  },
];
