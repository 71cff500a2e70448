// The publishers' own files behind four of the six domains, where each is published, and how to fetch
// the newest release: GOV.UK's Content API for Defra, DfT and MHCLG finance; the GitHub mirror of P153.
// Only the period rule: the readers themselves (fflate, saxes) load on demand, in a worker in the pane.
import { PUBLISHER_METRICS } from "../core/publishers/metrics.js";
import { p153PeriodOf } from "../core/publishers/p153.js";
import { fetchBytes, fetchText, type Fetched } from "./fetchText.js";
import { findRelease, GOVUK_ORIGIN, type FindOptions, type GovukPage, type Release } from "./govuk.js";
import { SourceError } from "./sourceError.js";

export const GITHUB_API = "https://api.github.com";

/** A published file: the release it came from and its bytes. */
export interface Download {
  release: Release;
  file: Fetched<Uint8Array>;
  /** The period the file is for, when the file does not say (P153). */
  period?: string;
}

export interface PublisherSource {
  /** The reader's id, also the source id. */
  id: string;
  name: string;
  /** Users' words for the publication (shown with the release date). */
  publication: string;
  publisher: string;
  licence: string;
  /** The page users know, linked in the pane. */
  page: string;
  /** Catalogue metric ids the file holds (the same list as its reader's). */
  metrics: readonly string[];
  govuk?: GovukPage;
  github?: { repo: string; path: string };
}

const OGL = "Open Government Licence v3.0";

export const PUBLISHER_SOURCES: readonly PublisherSource[] = [
  {
    id: "defra-env18",
    name: "Defra local authority collected waste (ENV18)",
    publication: "ENV18 local authority collected waste: LA and regional spreadsheet",
    publisher: "Department for Environment, Food & Rural Affairs (Defra)",
    licence: OGL,
    page: `${GOVUK_ORIGIN}/government/statistics/local-authority-collected-waste-management-annual-results`,
    govuk: {
      path: "/government/statistics/local-authority-collected-waste-management-annual-results",
      attachment: /la.and.regional/i,
      extension: "ods",
    },
    metrics: PUBLISHER_METRICS["defra-env18"],
  },
  {
    id: "dft-rdc0120",
    name: "DfT road condition statistics (RDC0120)",
    publication: "Road condition statistics, table RDC0120",
    publisher: "Department for Transport (DfT)",
    licence: OGL,
    page: `${GOVUK_ORIGIN}/government/statistical-data-sets/road-condition-statistics-data-tables-rdc`,
    govuk: {
      path: "/government/statistical-data-sets/road-condition-statistics-data-tables-rdc",
      attachment: /rdc0120/i,
      extension: "ods",
    },
    metrics: PUBLISHER_METRICS["dft-rdc0120"],
  },
  {
    id: "mhclg-revenue-outturn-rs",
    name: "MHCLG Revenue Outturn summary (RS)",
    publication: "Local authority revenue expenditure and financing: Revenue Outturn summary (RS)",
    publisher: "Ministry of Housing, Communities and Local Government (MHCLG)",
    licence: OGL,
    page: `${GOVUK_ORIGIN}/government/collections/local-authority-revenue-expenditure-and-financing`,
    govuk: {
      path: "/government/collections/local-authority-revenue-expenditure-and-financing",
      document: /individual local authority data.*outturn/i,
      attachment: /revenue outturn summary|\brs\b/i,
      extension: "xlsx",
    },
    metrics: PUBLISHER_METRICS["mhclg-revenue-outturn-rs"],
  },
  {
    id: "mhclg-planning-p153",
    name: "MHCLG planning live table P153 (digital-land mirror)",
    publication:
      "Live tables on planning application statistics, table P153 (as mirrored by MHCLG digital-land)",
    publisher: "Ministry of Housing, Communities and Local Government (MHCLG)",
    licence: `${OGL} (Crown copyright, MHCLG)`,
    page: "https://github.com/digital-land/performance/blob/main/data/p153.csv",
    github: { repo: "digital-land/performance", path: "data/p153.csv" },
    metrics: PUBLISHER_METRICS["mhclg-planning-p153"],
  },
];

export const findPublisherSource = (id: string): PublisherSource | undefined =>
  PUBLISHER_SOURCES.find((s) => s.id === id);

export interface DownloadOptions extends FindOptions {
  /** https://api.github.com unless a fixture server stands in for it. */
  githubApi?: string;
  /** Where GitHub's raw files are served from (tests). */
  githubRaw?: string;
}

/** The newest commit of the mirrored file: the release, and the period it covers. */
async function githubRelease(
  source: PublisherSource,
  github: { repo: string; path: string },
  options: DownloadOptions,
): Promise<{ release: Release; period: string }> {
  const api = options.githubApi ?? GITHUB_API;
  const url = `${api}/repos/${github.repo}/commits?path=${encodeURIComponent(github.path)}&per_page=1`;
  const { text } = await fetchText(url, options);
  let commit: { sha?: unknown; commit?: { committer?: { date?: unknown } } } | undefined;
  try {
    commit = (JSON.parse(text) as unknown[])[0] as typeof commit;
  } catch {
    // reported below
  }
  const sha = typeof commit?.sha === "string" && /^[0-9a-f]{40}$/.test(commit.sha) ? commit.sha : undefined;
  const date = commit?.commit?.committer?.date;
  if (!sha || typeof date !== "string")
    throw new SourceError("invalid", url, "GitHub did not list a commit of the file");
  const raw = options.githubRaw ?? "https://raw.githubusercontent.com";
  const period = p153PeriodOf(date);
  return {
    period,
    release: {
      title: `${source.publication}, 12 months ending ${period.slice(2)}`,
      url: `${raw}/${github.repo}/${sha}/${github.path}`,
      publication: source.publication,
      page: `https://github.com/${github.repo}/commit/${sha}`,
      released: date,
    },
  };
}

/** Finds the newest release of a publisher's file and downloads it. Throws a SourceError naming the page. */
export async function downloadNewest(
  source: PublisherSource,
  options: DownloadOptions = {},
): Promise<Download> {
  if (source.github) {
    const { release, period } = await githubRelease(source, source.github, options);
    return { release, period, file: await fetchBytes(release.url, options) };
  }
  if (!source.govuk) throw new Error(`${source.name} has no page to look for releases on`);
  const release = await findRelease(source.govuk, options);
  return { release, file: await fetchBytes(release.url, options) };
}
