// Fetching one published file as text, in the add-in (through the data proxy) and in the CLI alike.
// Only the global fetch, AbortController and timers are used, so the same code runs in both.

import type { CacheEntry, SourceCache } from "./cache.js";
import { discardBody, errorDetail, readBytes, readTextCapped } from "./readBody.js";
import { fetchFollowing } from "./redirects.js";
import { backoffDelay, isRetryable, parseRetryAfter, sleep } from "./retry.js";
import { SourceError } from "./sourceError.js";

export interface FetchTextOptions {
  /** The fetch to use; the global one by default (tests inject their own). */
  fetch?: typeof fetch;
  /** Cancels the fetch, including any wait between retries. */
  signal?: AbortSignal;
  /** Per attempt, covering the whole body. Default 20 s. */
  timeoutMs?: number;
  /** Total attempts including the first. Default 3. */
  attempts?: number;
  /** First backoff step; doubled on each retry. Default 500 ms. */
  retryDelayMs?: number;
  /** Largest body accepted. Default 20 MB. */
  maxBytes?: number;
  /** Where ETag/Last-Modified and bodies are kept for conditional requests. */
  cache?: SourceCache;
  /**
   * Prefix for the data proxy, e.g. `/api/fetch?url=`. Absolute URLs are sent through it (most publishers
   * send no CORS headers, so the browser cannot fetch them directly); relative URLs, the add-in's own
   * files, are fetched directly.
   */
  proxyBase?: string;
}

export interface Fetched<Body> {
  /** The URL asked for. */
  url: string;
  body: Body;
  /** True when the server answered 304 Not Modified and the cached copy was used. */
  fromCache: boolean;
  etag?: string;
  lastModified?: string;
  contentType?: string;
}

export type FetchedText = Omit<Fetched<string>, "body"> & { text: string };

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** The URL to request: absolute http(s) URLs go through the proxy when one is set. */
export function proxiedUrl(url: string, proxyBase?: string): string {
  return proxyBase && /^https?:\/\//i.test(url) ? proxyBase + encodeURIComponent(url) : url;
}

export async function fetchText(url: string, options: FetchTextOptions = {}): Promise<FetchedText> {
  const { body, ...rest } = await fetchBody(url, options, "text");
  return { ...rest, text: body };
}

/** A spreadsheet or other binary file, with the same retries, timeouts, cache and proxy as fetchText. */
export function fetchBytes(url: string, options: FetchTextOptions = {}): Promise<Fetched<Uint8Array>> {
  return fetchBody(url, options, "bytes");
}

type Kind = "text" | "bytes";
type BodyOf<K extends Kind> = K extends "text" ? string : Uint8Array;

async function fetchBody<K extends Kind>(
  url: string,
  options: FetchTextOptions,
  kind: K,
): Promise<Fetched<BodyOf<K>>> {
  const attempts = Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS);
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchOnce(url, options, kind);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      const backoff = backoffDelay(attempt, options.retryDelayMs ?? 500);
      await sleep(Math.max(backoff, (error as SourceError).retryAfterMs ?? 0), url, options.signal);
    }
  }
}

async function fetchOnce<K extends Kind>(
  url: string,
  options: FetchTextOptions,
  kind: K,
): Promise<Fetched<BodyOf<K>>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { signal, cache } = options;
  if (signal?.aborted) throw new SourceError("aborted", url, "cancelled");

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener("abort", onAbort, { once: true });

  const cached = cache?.get(url);
  const headers: Record<string, string> = {};
  if (cached?.etag) headers["If-None-Match"] = cached.etag;
  if (cached?.lastModified) headers["If-Modified-Since"] = cached.lastModified;

  try {
    const response = await fetchFollowing(options.fetch ?? fetch, url, proxiedUrl(url, options.proxyBase), {
      headers,
      signal: controller.signal,
    });
    if (response.status === 304 && cached && typeof cached.body === (kind === "text" ? "string" : "object")) {
      await discardBody(response);
      const refreshed: CacheEntry = { ...cached, storedAt: Date.now() };
      cache?.set(url, refreshed);
      return {
        url,
        body: cached.body as BodyOf<K>,
        fromCache: true,
        etag: cached.etag,
        lastModified: cached.lastModified,
      };
    }
    if (!response.ok) {
      const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
      throw new SourceError("http", url, status + (await errorDetail(response)), {
        status: response.status,
        retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
      });
    }
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const body = (
      kind === "text"
        ? await readTextCapped(response, maxBytes, url)
        : await readBytes(response, maxBytes, url)
    ) as BodyOf<K>;
    const etag = response.headers.get("etag") ?? undefined;
    const lastModified = response.headers.get("last-modified") ?? undefined;
    // A body without validators can never be revalidated, so keeping it would only cost memory.
    if (cache && (etag || lastModified)) cache.set(url, { body, etag, lastModified, storedAt: Date.now() });
    const contentType = response.headers.get("content-type") ?? undefined;
    return { url, body, fromCache: false, etag, lastModified, contentType };
  } catch (error) {
    if (timedOut)
      throw new SourceError("timeout", url, `timed out after ${timeoutMs / 1000} s`, { cause: error });
    if (signal?.aborted) throw new SourceError("aborted", url, "cancelled", { cause: error });
    if (error instanceof SourceError) throw error;
    throw new SourceError(
      "offline",
      url,
      `network error (offline, or the server could not be reached): ${describe(error)}`,
      {
        cause: error,
      },
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

/** Node's fetch says only "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND) is in its cause. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause ? `${error.message} (${cause})` : error.message;
}
