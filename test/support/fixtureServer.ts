// A local stand-in for the publishers: serves the real published files in ../shared/data on 127.0.0.1 and
// misbehaves on demand, so fetching and the proxy are tested without the network.
//
// Routes:
//   /data/<file>            a file under ../shared/data, with ETag + Last-Modified and 304 on a match
//   /endless                a body that never ends (no Content-Length)
//   /big?bytes=N            N bytes with a matching Content-Length
//   /redirect?to=URL        a redirect (302, or ?code=301/307/308) to URL
//   /loop                   redirects to itself forever
//   /api/content/<path>     a stand-in GOV.UK Content API: <data>/api/content/<path>.json
// Flags on any route:
//   fail=N                  the first N requests for this exact path and query answer `status` (default 500)
//   status=S                the status for `fail`; without `fail`, always answer S
//   retryAfter=S            a Retry-After header on those failures
//   delay=MS                wait before answering
//   validators=0            no ETag / Last-Modified
//   notype=1                no Content-Type

import { createHash } from "node:crypto";
import { readFile, realpath, stat } from "node:fs/promises";
import http, { type IncomingHttpHeaders } from "node:http";
import path from "node:path";
import { listen } from "./listen.js";
import { sharedData } from "./paths.js";

export interface FixtureRequest {
  /** Path and query as requested, e.g. `/data/waste-sample.csv?fail=2`. */
  url: string;
  pathname: string;
  headers: IncomingHttpHeaders;
  /** The status the fixture answered. */
  status: number;
}

export interface FixtureServer {
  /** Origin, e.g. `http://127.0.0.1:43123`. */
  url: string;
  /** `host:port`, as an allowlist entry names it. */
  host: string;
  /** Requests seen for a pathname, or for an exact path and query when `path` contains "?". */
  requests(path: string): number;
  /** Every request seen, oldest first. */
  log(): FixtureRequest[];
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, "x");

export async function startFixtureServer(dataDir = sharedData): Promise<FixtureServer> {
  const seen: FixtureRequest[] = [];
  const failuresServed = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const realDataDir = await realpath(dataDir);

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = http.createServer((req, res) => {
    const target = new URL(req.url ?? "/", "http://fixture");
    const record: FixtureRequest = {
      url: req.url ?? "/",
      pathname: target.pathname,
      headers: req.headers,
      status: 0,
    };
    seen.push(record);
    const send = (status: number, headers: http.OutgoingHttpHeaders = {}, body?: string | Buffer) => {
      record.status = status;
      if (!res.headersSent) res.writeHead(status, headers);
      res.end(body);
    };
    respond(target, req, res, record, send).catch((error: unknown) => send(500, {}, String(error)));
  });

  async function respond(
    target: URL,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    record: FixtureRequest,
    send: (status: number, headers?: http.OutgoingHttpHeaders, body?: string | Buffer) => void,
  ): Promise<void> {
    const flags = target.searchParams;
    const delay = Number(flags.get("delay") ?? 0);
    if (delay > 0) await wait(delay);
    if (res.destroyed) return;

    const status = Number(flags.get("status") ?? 500);
    const failFirst = Number(flags.get("fail") ?? 0);
    const served = failuresServed.get(record.url) ?? 0;
    if ((failFirst > 0 && served < failFirst) || (!flags.has("fail") && flags.has("status"))) {
      failuresServed.set(record.url, served + 1);
      const retryAfter = flags.get("retryAfter");
      send(status, retryAfter ? { "retry-after": retryAfter } : {}, `fixture failure ${status}`);
      return;
    }

    switch (target.pathname) {
      case "/endless":
        record.status = 200;
        res.writeHead(200, { "content-type": "text/csv" });
        streamForever(res);
        return;
      case "/big": {
        const bytes = Number(flags.get("bytes") ?? 0);
        send(200, { "content-type": "text/plain", "content-length": bytes }, Buffer.alloc(bytes, "y"));
        return;
      }
      case "/redirect":
        send(Number(flags.get("code") ?? 302), { location: flags.get("to") ?? "/" });
        return;
      case "/loop":
        send(302, { location: "/loop" });
        return;
    }
    if (target.pathname.startsWith("/api/content/")) {
      const file = await dataFile(`${decodeURIComponent(target.pathname.slice(1))}.json`);
      if (file) {
        serveFile(file, req, { validators: true, type: true }, send);
        return;
      }
    }
    if (target.pathname.startsWith("/data/")) {
      const file = await dataFile(decodeURIComponent(target.pathname.slice("/data/".length)));
      if (file) {
        serveFile(
          file,
          req,
          { validators: flags.get("validators") !== "0", type: flags.get("notype") !== "1" },
          send,
        );
        return;
      }
    }
    send(404, { "content-type": "text/plain" }, "not found");
  }

  async function dataFile(
    relative: string,
  ): Promise<{ body: Buffer; mtime: Date; name: string } | undefined> {
    const file = path.resolve(realDataDir, relative);
    if (!file.startsWith(realDataDir + path.sep)) return undefined;
    try {
      const info = await stat(file);
      return info.isFile() ? { body: await readFile(file), mtime: info.mtime, name: file } : undefined;
    } catch {
      return undefined;
    }
  }

  function streamForever(res: http.ServerResponse): void {
    const pump = () => {
      while (!res.destroyed && res.write(CHUNK));
      if (!res.destroyed) res.once("drain", pump);
    };
    res.on("close", () => res.removeAllListeners("drain"));
    pump();
  }

  const listening = await listen(server);
  return {
    url: listening.url,
    host: listening.host,
    requests: (p) => seen.filter((r) => (p.includes("?") ? r.url === p : r.pathname === p)).length,
    log: () => [...seen],
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      await listening.close();
    },
  };
}

function serveFile(
  file: { body: Buffer; mtime: Date; name: string },
  req: http.IncomingMessage,
  include: { validators: boolean; type: boolean },
  send: (status: number, headers?: http.OutgoingHttpHeaders, body?: string | Buffer) => void,
): void {
  const type = file.name.endsWith(".json")
    ? "application/json"
    : file.name.endsWith(".ods")
      ? "application/vnd.oasis.opendocument.spreadsheet"
      : "text/csv; charset=utf-8";
  const plain = { "content-length": file.body.byteLength, ...(include.type ? { "content-type": type } : {}) };
  if (!include.validators) {
    send(200, plain, file.body);
    return;
  }
  const etag = `"${createHash("sha1").update(file.body).digest("hex").slice(0, 16)}"`;
  const lastModified = file.mtime.toUTCString();
  const validators = { etag, "last-modified": lastModified };
  const inm = req.headers["if-none-match"];
  const ims = req.headers["if-modified-since"];
  const unchanged =
    inm !== undefined
      ? inm.split(",").some((tag) => tag.trim() === etag)
      : ims !== undefined && Math.floor(file.mtime.getTime() / 1000) * 1000 <= Date.parse(ims);
  if (unchanged) send(304, validators);
  else send(200, { ...validators, ...plain }, file.body);
}
