// Publishers' own files as snapshot sources: `ID` downloads the newest release, `ID=FILE` reads a local
// copy, and `mhclg-planning-p153@YE2025-12=FILE` a local copy of the P153 mirror for those 12 months.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Observation } from "../core/model.js";
import { findReader, type PublisherReader } from "../core/publishers/index.js";
import type { ReleaseInfo } from "../core/snapshot.js";
import { downloadNewest, findPublisherSource, type DownloadOptions } from "../sources/publishers.js";
import { UsageError } from "./args.js";
import { readerPeriod } from "./publisherFile.js";

export interface PublisherRef {
  id: string;
  /** `@PERIOD`: the 12 months a local copy of the P153 mirror covers. */
  period?: string;
  /** `=FILE`: a local copy instead of the newest release. */
  file?: string;
}

/** `ID`, `ID=FILE` or `ID@PERIOD=FILE` when ID is a publisher's file the project reads; else undefined. */
export function parsePublisherRef(ref: string): PublisherRef | undefined {
  const m = /^([a-z0-9-]+)(?:@([^=]*))?(?:=([\s\S]*))?$/.exec(ref);
  if (!m || !findReader(m[1]) || !findPublisherSource(m[1])) return undefined;
  const [, id, period, file] = m;
  return { id, ...(period !== undefined && { period }), ...(file !== undefined && { file }) };
}

/**
 * Mirrors of GOV.UK and GitHub (and, in tests, a local server) from the environment. Unlike sources typed
 * on the command line these may be http: whoever sets the environment chose the server.
 */
export function downloadOptions(env: NodeJS.ProcessEnv = process.env): DownloadOptions {
  const options: DownloadOptions = {};
  const names = { GOVUK_ORIGIN: "origin", GITHUB_API: "githubApi", GITHUB_RAW: "githubRaw" } as const;
  for (const [name, key] of Object.entries(names)) {
    const value = env[name];
    if (!value) continue;
    if (!/^https?:\/\/[^/]/i.test(value))
      throw new UsageError(`${name} must be an http or https address, such as https://www.gov.uk`);
    options[key] = value.replace(/\/+$/, "");
  }
  return options;
}

/** The metrics a read found, in the reader's order. */
const metricsOf = (reader: PublisherReader, observations: Observation[]): string[] => {
  const found = new Set(observations.map((o) => o.metric));
  return [
    ...reader.metrics.filter((m) => found.has(m)),
    ...[...found].filter((m) => !reader.metrics.includes(m)),
  ];
};

/** The file's values, and which release they came from (for the snapshot's `releases`). */
export async function readPublisherRef(
  ref: PublisherRef,
  now: () => Date = () => new Date(),
): Promise<{ observations: Observation[]; release: ReleaseInfo }> {
  const reader = findReader(ref.id)!;
  const source = findPublisherSource(ref.id)!;
  if (ref.file === undefined) {
    if (ref.period !== undefined)
      throw new UsageError(
        `A period goes with a local copy (${ref.id}@${ref.period}=FILE); the newest release says its own 12 months`,
      );
    const checked = now().toISOString();
    const { release, file, period } = await downloadNewest(source, downloadOptions());
    const observations = reader.read(file.body, { period });
    return {
      observations,
      release: {
        source: source.id,
        publication: source.publication,
        title: release.title,
        url: release.url,
        ...(release.released && { released: release.released }),
        checked,
        metrics: metricsOf(reader, observations),
      },
    };
  }
  if (!ref.file) throw new UsageError(`${ref.id}= needs the local file after "="`);
  const period = readerPeriod(reader, ref.period, `${ref.id}@YE2025-12=FILE`);
  const observations = reader.read(new Uint8Array(await readFile(ref.file)), { period });
  return {
    observations,
    // A local copy: only its name is known, not where or when it was published.
    release: {
      source: source.id,
      publication: source.publication,
      title: basename(ref.file),
      metrics: metricsOf(reader, observations),
    },
  };
}
