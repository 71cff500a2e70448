// A small cache of fetched files, so a refresh can ask the publisher "has it changed?" instead of
// downloading the whole file again.

export interface CacheEntry {
  /** Text for text files, bytes for spreadsheets. */
  body: string | Uint8Array;
  etag?: string;
  lastModified?: string;
  /** Milliseconds since the epoch when the body was stored or last confirmed unchanged. */
  storedAt: number;
}

export interface SourceCache {
  get(key: string): CacheEntry | undefined;
  set(key: string, entry: CacheEntry): void;
}

/**
 * An in-memory cache that keeps the most recently used `maxEntries` files. A Map iterates in insertion
 * order, so re-inserting on read makes the first key the least recently used.
 */
export function createMemoryCache(maxEntries = 32): SourceCache {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError("maxEntries must be at least 1");
  const entries = new Map<string, CacheEntry>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    set(key, entry) {
      entries.delete(key);
      entries.set(key, entry);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}
