// Fetching published files: source registry, fetch with retries/timeouts/conditional requests, cache.

export { createMemoryCache, type CacheEntry, type SourceCache } from "./cache.js";
export {
  DEFAULT_ATTEMPTS,
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  fetchBytes,
  fetchText,
  proxiedUrl,
  type Fetched,
  type FetchedText,
  type FetchTextOptions,
} from "./fetchText.js";
export {
  DEFAULT_SNAPSHOT_ID,
  DEFAULT_SOURCES,
  InvalidSourceError,
  SourceRegistry,
  type SourceDefinition,
  type SourceFormat,
} from "./registry.js";
export { SourceError, type SourceErrorReason } from "./sourceError.js";
