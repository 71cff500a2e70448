// Where published data comes from: the files the project knows, plus any the user adds.

import * as z from "../core/schema.js";
import { PUBLISHER_SOURCES } from "./publishers.js";

/**
 * How a file is laid out, which decides the parser:
 * - `lade`: Oflog Local Authority Data Explorer export (Financial year, Local authority code, ..., Code, Value).
 * - `els`: ONS Explore Local Statistics indicator CSV (areacd, areanm, geography, indicator, period, observation, ...).
 * - `tidy`: the project's own tidy CSV (areacd, areanm, period, indicator, value).
 * - `snapshot`: the add-in's bundled JSON snapshot.
 * - `publisher`: a publisher's own spreadsheet, read by the reader of the same id (src/core/publishers);
 *   `url` is the page it is published on, where refresh looks for the newest release.
 */
export type SourceFormat = "lade" | "els" | "tidy" | "snapshot" | "publisher";

export interface SourceDefinition {
  id: string;
  name: string;
  /** Absolute https URL of a published file, or a path relative to the add-in for bundled files. */
  url: string;
  format: SourceFormat;
  licence: string;
  /** The credit line the licence asks for, shown wherever the data appear. */
  attribution: string;
  /** Metric ids the file provides, when it is known in advance. */
  metrics?: string[];
}

/** The built-in data: a snapshot shipped with the add-in, so it works offline and without the data proxy. */
export const DEFAULT_SNAPSHOT_ID = "default-snapshot";

const OGL = "Open Government Licence v3.0";
const ELS_FILES = "https://raw.githubusercontent.com/ONSdigital/explore-local-statistics-data/main";

export const DEFAULT_SOURCES: readonly SourceDefinition[] = [
  {
    id: DEFAULT_SNAPSHOT_ID,
    name: "Built-in data (offline snapshot)",
    url: "data/default-snapshot.json",
    format: "snapshot",
    licence: `${OGL} unless the snapshot names another licence for a metric`,
    attribution: "Contains public sector information licensed under the Open Government Licence v3.0",
  },
  {
    id: "ons-els-further-education-and-skills-participation",
    name: "Further education and skills participation (ONS Explore Local Statistics)",
    url: `${ELS_FILES}/further-education-and-skills-participation/further-education-and-skills-participation.csv`,
    format: "els",
    licence: OGL,
    attribution: "Source: Office for National Statistics, Explore Local Statistics; Department for Education",
    metrics: ["further-education-and-skills-participation"],
  },
  {
    id: "ons-els-further-education-and-skills-learner-achievements",
    name: "Further education and skills learner achievements (ONS Explore Local Statistics)",
    url: `${ELS_FILES}/further-education-and-skills-learner-achievements/further-education-and-skills-learner-achievements.csv`,
    format: "els",
    licence: OGL,
    attribution: "Source: Office for National Statistics, Explore Local Statistics; Department for Education",
    metrics: ["further-education-and-skills-learner-achievements"],
  },
  {
    // LADE was withdrawn; this is its last adult social care export, pinned to the commit that holds it.
    id: "oflog-lade-adult-social-care",
    name: "Adult social care outcomes (Oflog Local Authority Data Explorer)",
    url: "https://raw.githubusercontent.com/communitiesuk/oflog-automated-text/16628da1e26909e5d88de993585959d7633f7df1/src/lib/ASC_data.csv",
    format: "lade",
    licence: `${OGL} (Crown copyright statistics as published by Oflog)`,
    attribution: "Source: Office for Local Government (Oflog), Local Authority Data Explorer",
  },
  ...PUBLISHER_SOURCES.map((p): SourceDefinition => ({
    id: p.id,
    name: p.name,
    url: p.page,
    format: "publisher",
    licence: p.licence,
    attribution: `Source: ${p.publisher}`,
    metrics: [...p.metrics],
  })),
];

const userSourceSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "the id must be lower-case letters, digits and hyphens (at most 64)"),
  name: z.string().trim().min(1, "give the source a name"),
  url: z
    .string()
    .refine(isHttpsUrl, "the URL must be a full https:// address (http and local files are not allowed)"),
  format: z.enum(["lade", "els", "tidy", "snapshot"], "the format must be one of lade, els, tidy, snapshot"),
  licence: z.string().trim().min(1).default("Unknown: check the publisher's terms before sharing"),
  attribution: z.string().trim().min(1).optional(),
  metrics: z.array(z.string().min(1)).optional(),
});

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

/** Thrown when a user source is rejected; the message lists every problem in plain words. */
export class InvalidSourceError extends Error {
  override readonly name = "InvalidSourceError";
}

export class SourceRegistry {
  readonly #sources = new Map<string, SourceDefinition>();

  constructor(initial: readonly SourceDefinition[] = DEFAULT_SOURCES) {
    for (const source of initial) this.#sources.set(source.id, source);
  }

  list(): SourceDefinition[] {
    return [...this.#sources.values()];
  }

  get(id: string): SourceDefinition | undefined {
    return this.#sources.get(id);
  }

  /** Adds a source the user typed in: validated, https only, and never replacing an existing id. */
  add(input: unknown): SourceDefinition {
    const parsed = userSourceSchema.safeParse(input);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) =>
        issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
      );
      throw new InvalidSourceError(`This data source cannot be added: ${problems.join("; ")}`);
    }
    const { attribution, ...rest } = parsed.data;
    if (this.#sources.has(rest.id)) {
      throw new InvalidSourceError(
        `This data source cannot be added: a source with id "${rest.id}" already exists`,
      );
    }
    const source: SourceDefinition = {
      ...rest,
      attribution: attribution ?? `Source: ${new URL(rest.url).host}`,
    };
    this.#sources.set(source.id, source);
    return source;
  }
}
