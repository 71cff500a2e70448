// GET /api/fetch?url=<https URL>: the add-in cannot fetch most publishers' files itself because they send
// no CORS headers, so this fetches them server-side, within the allowlist and limits.

import type { IncomingMessage, ServerResponse } from "node:http";
import { checkTarget, type TargetPolicy } from "./allowlist.js";
import { sendJson } from "./respond.js";
import type { CachedResponse, ResponseCache } from "./responseCache.js";
import { fetchUpstream, ProxyError } from "./upstream.js";

export interface ProxyContext {
  policy: TargetPolicy;
  fetchImpl: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  cache: ResponseCache;
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag, Last-Modified, X-Proxy-Cache",
};

export async function handleProxy(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: ProxyContext,
): Promise<void> {
  if (req.method === "OPTIONS") {
    res.writeHead(204, {
      ...CORS,
      "access-control-allow-methods": "GET, HEAD, OPTIONS",
      "access-control-allow-headers": "If-None-Match, If-Modified-Since",
      "access-control-max-age": "86400",
    });
    res.end();
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    sendJson(
      res,
      405,
      { error: `method ${req.method} not allowed` },
      { ...CORS, allow: "GET, HEAD, OPTIONS" },
    );
    return;
  }
  const target = checkTarget(new URL(req.url ?? "/", "http://proxy").searchParams.get("url"), ctx.policy);
  if (!target.ok) {
    sendJson(res, target.status, { error: target.error }, CORS);
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
  try {
    const result = await fetchUpstream(target.url, {
      ...ctx,
      conditional: stale ? validators(stale) : conditional,
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
    const failure = error instanceof ProxyError ? error : new ProxyError(502, String(error));
    const extra = failure.retryAfter ? { ...CORS, "retry-after": failure.retryAfter } : CORS;
    sendJson(res, failure.status, { error: failure.message }, extra);
  }
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
      "content-type": entry.contentType,
      "content-length": String(entry.body.byteLength),
      // The browser should come back with its ETag rather than reuse a copy unasked.
      "cache-control": "no-cache",
    }),
  );
  res.end(entry.body);
}

function headers(values: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = { ...CORS };
  for (const [name, value] of Object.entries(values)) if (value !== undefined) out[name] = value;
  return out;
}

function defaultContentType(pathname: string): string {
  if (/\.csv$/i.test(pathname)) return "text/csv; charset=utf-8";
  if (/\.json$/i.test(pathname)) return "application/json; charset=utf-8";
  return "application/octet-stream";
}
