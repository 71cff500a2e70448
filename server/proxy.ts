// GET /api/fetch?url=<https URL>: the add-in cannot fetch most publishers' files itself because they send
// no CORS headers, so this fetches them server-side, within the allowlist and limits.

import type { IncomingMessage, ServerResponse } from "node:http";
import { checkTarget, type TargetPolicy } from "./allowlist.js";
import { sendJson } from "./respond.js";
import type { CachedResponse, ResponseCache } from "./responseCache.js";
import { PROXY_HEADERS, safeContentType } from "./securityHeaders.js";
import { busy, fetchUpstream, ProxyError } from "./upstream.js";

export interface ProxyContext {
  policy: TargetPolicy;
  fetchImpl: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  cache: ResponseCache;
  /** Upstream downloads at once, and bytes of their bodies held at once, beyond which clients get 503. */
  limits: { downloads: number; bufferedBytes: number };
  /** What is under way now. */
  load: { downloads: number; bufferedBytes: number };
}

// No CORS headers: the pane calls the proxy from its own origin, and no other site may read through it.
const BASE = PROXY_HEADERS;

export async function handleProxy(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: ProxyContext,
): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    sendJson(res, 405, { error: `method ${req.method} not allowed` }, { ...BASE, allow: "GET, HEAD" });
    return;
  }
  const target = checkTarget(new URL(req.url ?? "/", "http://proxy").searchParams.get("url"), ctx.policy);
  if (!target.ok) {
    sendJson(res, target.status, { error: target.error }, BASE);
    return;
  }
  const key = target.url.href;
  const conditional = conditionalHeaders(req);
  const cached = ctx.cache.get(key);

  if (cached?.fresh) {
    sendCached(res, cached.entry, conditional, "HIT");
    return;
  }
  // Without the client's own validators, revalidate a stale copy with ours.
  const stale = Object.keys(conditional).length ? undefined : cached?.entry;
  // Each download holds its whole body in memory until it is sent: 40 at once of 19 MB each was 1.2 GB.
  // So each books the largest body it may bring (less once the publisher declares its size), and a
  // download starts only while there is room for that.
  const { load, limits } = ctx;
  if (load.downloads >= limits.downloads || load.bufferedBytes + ctx.maxBytes > limits.bufferedBytes)
    return sendFailure(res, busy());
  let booked = ctx.maxBytes;
  load.downloads++;
  load.bufferedBytes += booked;
  const declared = (bytes: number) => {
    const now = Math.min(bytes, ctx.maxBytes);
    load.bufferedBytes += now - booked;
    booked = now;
  };
  try {
    const result = await fetchUpstream(target.url, {
      ...ctx,
      conditional: stale ? validators(stale) : conditional,
      declared,
    });
    if (result.status === 304) {
      if (!stale) {
        res.writeHead(304, headers({ etag: result.etag, "last-modified": result.lastModified }));
        res.end();
        return;
      }
      const entry = { ...stale, storedAt: Date.now() };
      ctx.cache.set(key, entry);
      sendCached(res, entry, {}, "REVALIDATED");
      return;
    }
    const entry: CachedResponse = {
      body: result.body,
      contentType: result.contentType ?? defaultContentType(target.url.pathname),
      etag: result.etag,
      lastModified: result.lastModified,
      storedAt: Date.now(),
    };
    if (!result.noStore) ctx.cache.set(key, entry);
    sendCached(res, entry, {}, "MISS");
  } catch (error) {
    sendFailure(res, error instanceof ProxyError ? error : new ProxyError(502, String(error)));
  } finally {
    load.downloads--;
    load.bufferedBytes -= booked;
  }
}

function sendFailure(res: ServerResponse, failure: ProxyError): void {
  const extra = failure.retryAfter ? { ...BASE, "retry-after": failure.retryAfter } : BASE;
  sendJson(res, failure.status, { error: failure.message }, extra);
}

function conditionalHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  const etag = req.headers["if-none-match"];
  const since = req.headers["if-modified-since"];
  if (etag) out["if-none-match"] = etag;
  if (since) out["if-modified-since"] = since;
  return out;
}

function validators(entry: CachedResponse): Record<string, string> {
  const out: Record<string, string> = {};
  if (entry.etag) out["if-none-match"] = entry.etag;
  if (entry.lastModified) out["if-modified-since"] = entry.lastModified;
  return out;
}

/** RFC 9110: If-None-Match wins over If-Modified-Since; weak and strong tags compare alike here. */
function notModified(entry: CachedResponse, conditional: Record<string, string>): boolean {
  const inm = conditional["if-none-match"];
  if (inm !== undefined) {
    const bare = (tag: string) => tag.trim().replace(/^W\//, "");
    return (
      inm.trim() === "*" || (!!entry.etag && inm.split(",").some((tag) => bare(tag) === bare(entry.etag!)))
    );
  }
  const since = Date.parse(conditional["if-modified-since"] ?? "");
  const modified = Date.parse(entry.lastModified ?? "");
  return Number.isFinite(since) && Number.isFinite(modified) && modified <= since;
}

function sendCached(
  res: ServerResponse,
  entry: CachedResponse,
  conditional: Record<string, string>,
  cache: "HIT" | "MISS" | "REVALIDATED",
): void {
  const common = { etag: entry.etag, "last-modified": entry.lastModified, "x-proxy-cache": cache };
  if (notModified(entry, conditional)) {
    res.writeHead(304, headers(common));
    res.end();
    return;
  }
  res.writeHead(
    200,
    headers({
      ...common,
      // Download-only: a body is data for a reader, never a page of this origin.
      "content-type": safeContentType(entry.contentType),
      "content-disposition": "attachment",
      "content-length": String(entry.body.byteLength),
      // The browser should come back with its ETag rather than reuse a copy unasked.
      "cache-control": "no-cache",
    }),
  );
  res.end(entry.body);
}

function headers(values: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = { ...BASE };
  for (const [name, value] of Object.entries(values)) if (value !== undefined) out[name] = value;
  return out;
}

function defaultContentType(pathname: string): string {
  if (/\.csv$/i.test(pathname)) return "text/csv; charset=utf-8";
  if (/\.json$/i.test(pathname)) return "application/json; charset=utf-8";
  return "application/octet-stream";
}
