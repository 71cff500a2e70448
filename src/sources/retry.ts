// When and how long to wait before asking a publisher again.

import { SourceError } from "./sourceError.js";

/**
 * Server errors, rate limiting and dropped connections (before or during the body) are often transient;
 * 4xx, timeouts, size and refused redirects are not.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof SourceError)) return false;
  if (error.reason === "offline" || error.reason === "truncated") return true;
  return (
    error.reason === "http" && error.status !== undefined && (error.status >= 500 || error.status === 429)
  );
}

/** Retry-After in milliseconds (seconds or an HTTP date), capped so a refresh never stalls for long. */
export function parseRetryAfter(header: string | null, now = Date.now(), capMs = 30_000): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), capMs) : undefined;
}

/** Exponential backoff with jitter (50-100% of the step), so many clients do not retry in lockstep. */
export function backoffDelay(attempt: number, baseMs: number, random = Math.random): number {
  return baseMs * 2 ** (attempt - 1) * (0.5 + random() / 2);
}

/** Waits `ms`, or rejects as soon as the caller cancels. */
export function sleep(ms: number, url: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => new SourceError("aborted", url, "cancelled");
    if (signal?.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
