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

const ascof = (label: string, unit: string, polarity: Polarity, hasData: boolean): PublishedMetadata => ({
  label,
  unit,
  polarity,
  publisher: "NHS England / Department of Health and Social Care (Adult Social Care Outcomes Framework)",
  publication: "Oflog Local Authority Data Explorer, adult social care outcomes (ASC_data.csv, Nov 2024)",
  publisherUrl: "https://github.com/communitiesuk/oflog-automated-text",
  licence: OGL,
  caveats: hasData
    ? ["2020-21 was not collected (COVID-19): there is no value for that year."]
    : [NO_DATA, "LADE code; check the measure in your source file matches this definition."],
  official: true,
});

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

const asc = (id: string, metadata: PublishedMetadata, hasData: boolean): MetricDefinition => ({
  id,
  domain: "adult-social-care",
  numberFormat: metadata.unit === "percent" ? "0.0" : "0.0##",
  appliesTo: "upper",
  population: UPPER_TIER,
  themes:
    id === "ASC3" || id === "ASC4"
      ? ["service-delivery", "partnerships-and-community-engagement"]
      : ["service-delivery"],
  ...(hasData ? { file: "oflog-lade-asc1-4.csv" } : {}),
  metadata,
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
  // Adult social care: the LADE file's own codes.
  asc("ASC1", ascof("Carer-reported quality of life (ASCOF 1D)", "score out of 12", "higher", true), true),
  asc(
    "ASC2",
    ascof(
      "Social care-related quality of life impact of adult social care services (ASCOF 1J)",
      "score",
      "higher",
      true,
    ),
    true,
  ),
  asc(
    "ASC3",
    ascof(
      "People who use services who find it easy to find information about services (ASCOF 3D1)",
      "percent",
      "higher",
      true,
    ),
    true,
  ),
  asc(
    "ASC4",
    ascof("Carers who find it easy to find information about support (ASCOF 3D2)", "percent", "higher", true),
    true,
  ),
  asc("ASC5", ascof("People who use services who feel safe (ASCOF 4A)", "percent", "higher", false), false),
  asc(
    "ASC6",
    ascof(
      "Long-term support needs of younger adults (18-64) met by admission to residential and nursing care homes, per 100,000 (ASCOF 2A1)",
      "per 100,000 population",
      "lower",
      false,
    ),
    false,
  ),
  asc(
    "ASC7",
    ascof(
      "Long-term support needs of older adults (65+) met by admission to residential and nursing care homes, per 100,000 (ASCOF 2A2)",
      "per 100,000 population",
      "lower",
      false,
    ),
    false,
  ),

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
