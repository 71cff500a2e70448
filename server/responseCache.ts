// Successful upstream responses kept for a short time, so several users (or functions recalculating)
// asking for the same published file cause one download.

export interface CachedResponse {
  body: Buffer;
  contentType: string;
  etag?: string;
  lastModified?: string;
  storedAt: number;
}

export interface ResponseCache {
  /** The entry and whether it is still within its time to live; stale entries can still be revalidated. */
  get(url: string, now?: number): { entry: CachedResponse; fresh: boolean } | undefined;
  set(url: string, entry: CachedResponse): void;
}

/** Evicts the oldest entries once the bodies together exceed `maxBytes`. */
export function createResponseCache(ttlMs: number, maxBytes: number): ResponseCache {
  const entries = new Map<string, CachedResponse>();
  let total = 0;
  const remove = (url: string) => {
    const entry = entries.get(url);
    if (entry) total -= entry.body.byteLength;
    entries.delete(url);
  };
  return {
    get(url, now = Date.now()) {
      const entry = entries.get(url);
      return entry && { entry, fresh: now - entry.storedAt < ttlMs };
    },
    set(url, entry) {
      remove(url);
      if (ttlMs <= 0 || entry.body.byteLength > maxBytes) return;
      entries.set(url, entry);
      total += entry.body.byteLength;
      for (const oldest of entries.keys()) {
        if (total <= maxBytes) break;
        remove(oldest);
      }
    },
  };
}
