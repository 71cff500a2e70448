// Refreshing from a publisher: find the newest release, download it, read and check it, and only then
// hand it over to replace the data. The release (title, date, when checked) goes with the data.
import type { Observation } from "../core/model.js";
import type { ReleaseInfo } from "../core/snapshot.js";
import { downloadNewest, type DownloadOptions, type PublisherSource } from "../sources/publishers.js";
import type { PublisherFileReader } from "../sources/readPublisher.js";
import type { LoadedData } from "./session.js";

export interface PublisherFetch {
  download: DownloadOptions;
  read: PublisherFileReader;
  /** The release whose values are in use now. */
  inUse?: ReleaseInfo;
  now: Date;
  onProgress?: (fraction: number) => void;
}

/** A release that parsed but holds no values for a metric the file should have is refused, not loaded. */
function check(source: PublisherSource, observations: Observation[], title: string): void {
  const withValues = new Set(observations.filter((o) => o.value !== null).map((o) => o.metric));
  const empty = source.metrics.filter((m) => !withValues.has(m));
  if (empty.length) throw new Error(`${title} has no values for ${empty.join(", ")}: it was not loaded.`);
}

export async function fetchPublisher(source: PublisherSource, how: PublisherFetch): Promise<LoadedData> {
  const { release, file, period } = await downloadNewest(source, how.download);
  const info: ReleaseInfo = {
    source: source.id,
    publication: source.publication,
    title: release.title,
    url: release.url,
    released: release.released,
    checked: how.now.toISOString(),
    metrics: [...source.metrics],
  };
  // The same file as the one in use (the server said 304): nothing to read again, only the check to note.
  if (file.fromCache && how.inUse?.url === release.url)
    return { observations: [], attribution: [], releases: [{ ...how.inUse, checked: info.checked }] };
  // A copy: a worker takes the bytes it is given, and the cache keeps these for the next conditional request.
  const observations = await how.read(source.id, file.body.slice(), { period, onProgress: how.onProgress });
  check(source, observations, release.title);
  return {
    observations,
    attribution: [], // the catalogue already credits these metrics' publisher and licence
    releases: [info],
    replaces: "periods",
  };
}
