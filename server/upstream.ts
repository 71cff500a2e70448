// Fetching a published file for the proxy: redirects followed by hand so each hop is checked against the
// allowlist, with a time limit over the whole exchange and a size limit counted as the body arrives.

import { discardBody, formatBytes, readBytesCapped } from "../src/sources/readBody.js";
import { checkTarget, type TargetPolicy } from "./allowlist.js";

export const MAX_REDIRECTS = 5;

/** A failure the proxy reports to its client with this status and message. */
export class ProxyError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfter?: string,
  ) {
    super(message);
  }
}

export interface UpstreamOptions {
  policy: TargetPolicy;
  fetchImpl: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  /** If-None-Match / If-Modified-Since to forward. */
  conditional: Record<string, string>;
  /** Told the body's declared size (Content-Length) once the publisher answers. */
  declared?: (bytes: number) => void;
}

export type UpstreamResult =
  | { status: 304; etag?: string; lastModified?: string }
  | {
      status: 200;
      body: Buffer;
      contentType?: string;
      etag?: string;
      lastModified?: string;
      noStore: boolean;
    };

export async function fetchUpstream(start: URL, options: UpstreamOptions): Promise<UpstreamResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    let url = start;
    for (let redirects = 0; ; redirects++) {
      const response = await options.fetchImpl(url, {
        redirect: "manual",
        signal: controller.signal,
        headers: { ...options.conditional, "user-agent": "council-benchmarks-data-proxy" },
      });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await discardBody(response);
        url = nextHop(url, response.headers.get("location"), redirects, options.policy);
        continue;
      }
      const etag = response.headers.get("etag") ?? undefined;
      const lastModified = response.headers.get("last-modified") ?? undefined;
      if (response.status === 304) return { status: 304, etag, lastModified };
      if (!response.ok) {
        await discardBody(response);
        // A publisher's 4xx is the client's answer too; a 5xx is a bad gateway from the client's view.
        throw new ProxyError(
          response.status >= 500 ? 502 : response.status,
          `upstream answered HTTP ${response.status} for ${url.href}`,
          response.headers.get("retry-after") ?? undefined,
        );
      }
      const length = Number(response.headers.get("content-length") ?? NaN);
      if (Number.isFinite(length)) options.declared?.(length);
      const body = await readCapped(response, options.maxBytes, url);
      const contentType = response.headers.get("content-type") ?? undefined;
      const noStore = /no-store/i.test(response.headers.get("cache-control") ?? "");
      return { status: 200, body, contentType, etag, lastModified, noStore };
    }
  } catch (error) {
    if (timedOut) {
      throw new ProxyError(
        504,
        `upstream did not answer within ${options.timeoutMs / 1000} s for ${start.href}`,
      );
    }
    if (error instanceof ProxyError) throw error;
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
    throw new ProxyError(502, `could not reach upstream for ${start.href}: ${String(error)}${cause}`);
  } finally {
    clearTimeout(timer);
  }
}

function nextHop(from: URL, location: string | null, redirects: number, policy: TargetPolicy): URL {
  if (!location) throw new ProxyError(502, `upstream redirect without a Location from ${from.href}`);
  if (redirects >= MAX_REDIRECTS)
    throw new ProxyError(502, `more than ${MAX_REDIRECTS} redirects from ${from.href}`);
  const check = checkTarget(new URL(location, from).href, policy);
  if (!check.ok) throw new ProxyError(check.status, `redirect from ${from.href} refused: ${check.error}`);
  return check.url;
}

/** The proxy is at its limit of downloads or memory: the client should try again shortly. */
export function busy(): ProxyError {
  return new ProxyError(503, "the data proxy is busy with other downloads: try again in a few seconds", "5");
}

async function readCapped(response: Response, maxBytes: number, url: URL): Promise<Buffer> {
  const bytes = await readBytesCapped(
    response,
    maxBytes,
    (size) =>
      new ProxyError(
        502,
        `upstream file is too large (${size}; the limit is ${formatBytes(maxBytes)}): ${url.href}`,
      ),
  );
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
