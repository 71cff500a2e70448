// The publishers' files the add-in reads as published, by source id.
import { env18Reader } from "./env18.js";
import { p153Reader, p153PeriodOf } from "./p153.js";
import { rdc0120Reader } from "./rdc0120.js";
import { revenueOutturnReader } from "./revenueOutturn.js";
import type { PublisherReader } from "./types.js";

export type { PublisherReader, ReaderOptions } from "./types.js";
export { p153PeriodOf };

export const PUBLISHER_READERS: readonly PublisherReader[] = [
  env18Reader,
  rdc0120Reader,
  revenueOutturnReader,
  p153Reader,
];

export const findReader = (id: string): PublisherReader | undefined =>
  PUBLISHER_READERS.find((r) => r.id === id);

/** The reader of a source id, or an error listing the ones there are. */
export function readerFor(id: string): PublisherReader {
  const reader = findReader(id);
  if (reader) return reader;
  throw new Error(
    `There is no reader for "${id}". Publishers' files that can be read: ${PUBLISHER_READERS.map((r) => r.id).join(", ")}`,
  );
}
