// The add-in's server: its built files, plus the data proxy at /api/fetch.

import http from "node:http";
import path from "node:path";
import { DEFAULT_ALLOW_HOSTS } from "./allowlist.js";
import { handleProxy, type ProxyContext } from "./proxy.js";
import { sendJson } from "./respond.js";
import { createResponseCache } from "./responseCache.js";
import { serveStatic } from "./static.js";

export interface ServerOptions {
  /** Directory of the built add-in. Default `dist` in the working directory. */
  staticDir?: string;
  /** Hosts the proxy may fetch from, as in a URL's `host`. Default {@link DEFAULT_ALLOW_HOSTS}. */
  allowHosts?: readonly string[];
  /** Tests only: allow plain http to loopback upstreams. Production never sets this. */
  allowHttpForTests?: boolean;
  fetchImpl?: typeof fetch;
  /** Largest upstream body. Default 20 MB. */
  maxBytes?: number;
  /** Time limit for one upstream exchange, redirects included. Default 30 s. */
  timeoutMs?: number;
  /** How long a fetched file is served without asking upstream. Default 10 minutes; 0 disables the cache. */
  cacheTtlMs?: number;
  /** Memory the cache may use for bodies. Default 200 MB. */
  cacheMaxBytes?: number;
  /** Upstream downloads at once. Default 8. */
  maxDownloads?: number;
  /** Bytes of bodies being downloaded held at once. Default 100 MB. */
  maxBufferedBytes?: number;
}

export const DEFAULT_PROXY_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_PROXY_TIMEOUT_MS = 30_000;
export const DEFAULT_CACHE_TTL_MS = 10 * 60_000;

export function createServer(options: ServerOptions = {}): http.Server {
  const staticDir = path.resolve(options.staticDir ?? "dist");
  const ctx: ProxyContext = {
    policy: {
      allowHosts: new Set((options.allowHosts ?? DEFAULT_ALLOW_HOSTS).map((host) => host.toLowerCase())),
      allowHttpForTests: options.allowHttpForTests === true,
    },
    fetchImpl: options.fetchImpl ?? fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_PROXY_MAX_BYTES,
    limits: {
      downloads: options.maxDownloads ?? 8,
      bufferedBytes: options.maxBufferedBytes ?? 100 * 1024 * 1024,
    },
    load: { downloads: 0, bufferedBytes: 0 },
    cache: createResponseCache(
      options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS,
      options.cacheMaxBytes ?? 200 * 1024 * 1024,
    ),
  };
  return http.createServer((req, res) => {
    const pathname = (req.url ?? "/").split("?")[0];
    const handled = pathname === "/api/fetch" ? handleProxy(req, res, ctx) : serveStatic(req, res, staticDir);
    handled.catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: `internal error: ${String(error)}` });
    });
  });
}
