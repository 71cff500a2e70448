import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createServer, type ServerOptions } from "../../server/createServer.js";
import { fetchText, SourceError } from "../../src/sources/index.js";
import { startFixtureServer, type FixtureServer } from "../support/fixtureServer.js";
import { sharedFile } from "../support/paths.js";
import { listen, type Listening } from "../support/listen.js";

let upstream: FixtureServer;
let other: FixtureServer;
let proxy: Listening | undefined;

beforeEach(async () => {
  upstream = await startFixtureServer();
  other = await startFixtureServer();
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  await Promise.all([upstream.close(), other.close()]);
});

/** A proxy that may fetch http from the upstream fixture (and whatever else the test allows). */
async function startProxy(options: ServerOptions = {}): Promise<Listening> {
  proxy = await listen(createServer({ allowHosts: [upstream.host], allowHttpForTests: true, ...options }));
  return proxy;
}

function viaProxy(target: string, init?: RequestInit): Promise<Response> {
  return fetch(`${proxy!.url}/api/fetch?url=${encodeURIComponent(target)}`, init);
}

const wasteSample = () => readFile(sharedFile("waste-sample.csv"), "utf8");

/** fetchImpl for tests that must show a request was refused before any fetch. */
const noNetwork: typeof fetch = () => Promise.reject(new Error("the proxy tried to fetch"));

describe("data proxy", () => {
  it("fetches an allowed file with its type and validators, and no CORS header", async () => {
    await startProxy();
    const response = await viaProxy(`${upstream.url}/data/waste-sample.csv`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(await wasteSample());
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("etag")).toMatch(/^".+"$/);
    expect(response.headers.get("last-modified")).toBeTruthy();
    // The pane calls the proxy from its own origin; no other site may read publishers' files through it.
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("labels a .csv file text/csv when the publisher gives no type", async () => {
    await startProxy();
    const response = await viaProxy(`${upstream.url}/data/waste-sample.csv?notype=1`);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  });

  it("answers 400 without a url, or with one that is not a URL", async () => {
    await startProxy({ fetchImpl: noNetwork });
    const missing = await fetch(`${proxy!.url}/api/fetch`);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatch(/missing url/);
    expect(missing.headers.get("access-control-allow-origin")).toBeNull();
    const invalid = await viaProxy("not a url");
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error).toMatch(/not a valid URL/);
  });

  it("refuses http URLs in production mode, even for an allowed host", async () => {
    proxy = await listen(createServer({ allowHosts: [upstream.host] }));
    const response = await viaProxy(`${upstream.url}/data/waste-sample.csv`);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/only https/);
    expect(upstream.log()).toHaveLength(0);
  });

  it("refuses hosts that are not on the allowlist with 403", async () => {
    await startProxy({ fetchImpl: noNetwork });
    const response = await viaProxy("https://example.org/data.csv");
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/host example\.org is not allowed/);

    const loopback = await viaProxy(`${other.url}/data/waste-sample.csv`);
    expect(loopback.status).toBe(403);
    expect(other.log()).toHaveLength(0);
  });

  it("refuses URLs with credentials", async () => {
    await startProxy({ fetchImpl: noNetwork });
    const response = await viaProxy(`http://user:secret@${upstream.host}/data/waste-sample.csv`);
    expect(response.status).toBe(400);
  });

  it("follows a redirect to another allowed host", async () => {
    await startProxy({ allowHosts: [upstream.host, other.host] });
    const target = `${other.url}/data/waste-sample.csv`;
    const response = await viaProxy(`${upstream.url}/redirect?to=${encodeURIComponent(target)}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(await wasteSample());
    expect(upstream.requests("/redirect")).toBe(1);
    expect(other.requests("/data/waste-sample.csv")).toBe(1);
  });

  it("follows a relative redirect on the same host", async () => {
    await startProxy();
    const response = await viaProxy(`${upstream.url}/redirect?code=301&to=/data/waste-sample.csv`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(await wasteSample());
  });

  it("refuses a redirect to a host that is not allowed, without contacting it", async () => {
    await startProxy();
    const target = `${other.url}/data/waste-sample.csv`;
    const response = await viaProxy(`${upstream.url}/redirect?to=${encodeURIComponent(target)}`);
    expect(response.status).toBe(403);
    expect((await response.json()).error).toContain(`host ${other.host} is not allowed`);
    expect(other.log()).toHaveLength(0);
  });

  it("refuses a redirect from https down to http in production mode", async () => {
    const hops: string[] = [];
    const publisher: typeof fetch = async (input) => {
      hops.push(String(input));
      return new Response(null, { status: 302, headers: { location: "http://publisher.test/file.csv" } });
    };
    proxy = await listen(createServer({ allowHosts: ["publisher.test"], fetchImpl: publisher }));
    const response = await viaProxy("https://publisher.test/file.csv");
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/redirect .* refused: only https/);
    expect(hops).toEqual(["https://publisher.test/file.csv"]);
  });

  it("stops after five redirects", async () => {
    await startProxy();
    const response = await viaProxy(`${upstream.url}/loop`);
    expect(response.status).toBe(502);
    expect((await response.json()).error).toMatch(/more than 5 redirects/);
    expect(upstream.requests("/loop")).toBe(6);
  });

  it("refuses a file whose declared size is over the cap", async () => {
    await startProxy({ maxBytes: 1000 });
    const response = await viaProxy(`${upstream.url}/big?bytes=5000`);
    expect(response.status).toBe(502);
    expect((await response.json()).error).toMatch(/too large \(5 KB; the limit is 1 KB\)/);
  });

  it("stops an endless body at the cap", async () => {
    await startProxy({ maxBytes: 200_000 });
    const response = await viaProxy(`${upstream.url}/endless`);
    expect(response.status).toBe(502);
    expect((await response.json()).error).toMatch(/too large \(more than 196 KB; the limit is 196 KB\)/);
  });

  it("answers 504 when the upstream is too slow", async () => {
    await startProxy({ timeoutMs: 300 });
    const started = Date.now();
    const response = await viaProxy(`${upstream.url}/data/waste-sample.csv?delay=5000`);
    expect(response.status).toBe(504);
    expect((await response.json()).error).toMatch(/did not answer within 0.3 s/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("passes a publisher's 404 on, and turns its 5xx into 502", async () => {
    await startProxy();
    const missing = await viaProxy(`${upstream.url}/data/no-such-file.csv`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatch(/upstream answered HTTP 404/);
    const broken = await viaProxy(`${upstream.url}/data/waste-sample.csv?status=500`);
    expect(broken.status).toBe(502);
    expect((await broken.json()).error).toMatch(/upstream answered HTTP 500/);
  });

  it("forwards the client's If-None-Match and passes 304 back", async () => {
    await startProxy({ cacheTtlMs: 0 });
    const url = `${upstream.url}/data/waste-sample.csv`;
    const first = await viaProxy(url);
    const etag = first.headers.get("etag")!;
    await first.text();
    const second = await viaProxy(url, { headers: { "if-none-match": etag } });
    expect(second.status).toBe(304);
    expect(second.headers.get("etag")).toBe(etag);
    const last = upstream.log().at(-1)!;
    expect(last.headers["if-none-match"]).toBe(etag);
    expect(last.status).toBe(304);
    expect(upstream.log()).toHaveLength(2);
  });

  it("serves a repeat request from its cache", async () => {
    await startProxy();
    const url = `${upstream.url}/data/waste-sample.csv`;
    const first = await viaProxy(url);
    const second = await viaProxy(url);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get("x-proxy-cache")).toBe("HIT");
    expect(upstream.requests("/data/waste-sample.csv")).toBe(1);
  });

  it("answers a conditional request from its cache", async () => {
    await startProxy();
    const url = `${upstream.url}/data/waste-sample.csv`;
    const first = await viaProxy(url);
    await first.text();
    const second = await viaProxy(url, { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(second.status).toBe(304);
    expect(upstream.requests("/data/waste-sample.csv")).toBe(1);
  });

  it("revalidates a stale copy with the publisher instead of downloading it again", async () => {
    await startProxy({ cacheTtlMs: 1 });
    const url = `${upstream.url}/data/waste-sample.csv`;
    const first = await viaProxy(url);
    const body = await first.text();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = await viaProxy(url);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(body);
    expect(second.headers.get("x-proxy-cache")).toBe("REVALIDATED");
    const last = upstream.log().at(-1)!;
    expect(last.headers["if-none-match"]).toBe(first.headers.get("etag"));
    expect(last.status).toBe(304);
  });

  it("answers no CORS preflight: OPTIONS is not allowed, and says nothing of origins", async () => {
    await startProxy({ fetchImpl: noNetwork });
    const response = await fetch(`${proxy!.url}/api/fetch?url=x`, { method: "OPTIONS" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("hostile content through the data proxy", () => {
  /** A publisher (or whatever answers for it) that sends this body with this type. */
  const sends =
    (type: string, body: string): typeof fetch =>
    async () =>
      new Response(body, { status: 200, headers: { "content-type": type } });

  it.each([
    ["text/html; charset=utf-8", "<script>parent.postMessage(document.cookie,'*')</script>"],
    ["image/svg+xml", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ["application/javascript", "alert(1)"],
    ["application/xhtml+xml", "<html xmlns='http://www.w3.org/1999/xhtml'><script>alert(1)</script></html>"],
  ])("serves %s from upstream as a download of bytes, sandboxed and not sniffed", async (type, body) => {
    await startProxy({ allowHosts: ["publisher.test"], fetchImpl: sends(type, body) });
    const response = await viaProxy("https://publisher.test/file.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toBe("attachment");
    expect(response.headers.get("content-security-policy")).toMatch(/^sandbox\b/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toBe(body); // the bytes themselves are the reader's to judge
  });

  it("keeps the types the readers accept, still as a sandboxed download", async () => {
    const ods = "application/vnd.oasis.opendocument.spreadsheet";
    await startProxy({ allowHosts: ["publisher.test"], fetchImpl: sends(ods, "PK") });
    const response = await viaProxy("https://publisher.test/file.ods");
    expect(response.headers.get("content-type")).toBe(ods);
    expect(response.headers.get("content-disposition")).toBe("attachment");
    expect(response.headers.get("content-security-policy")).toMatch(/^sandbox\b/);
  });

  it("says nosniff and sandbox on every answer, errors and 304s included", async () => {
    await startProxy();
    const file = `${upstream.url}/data/waste-sample.csv`;
    const first = await viaProxy(file);
    const answers = [
      first,
      await viaProxy(file, { headers: { "if-none-match": first.headers.get("etag")! } }), // 304
      await fetch(`${proxy!.url}/api/fetch`), // 400
      await viaProxy("https://example.org/x.csv"), // 403
      await viaProxy(`${upstream.url}/data/waste-sample.csv?status=500`), // 502
      await fetch(`${proxy!.url}/api/fetch?url=x`, { method: "POST" }), // 405
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 304, 400, 403, 502, 405]);
    for (const r of answers) {
      expect(r.headers.get("x-content-type-options"), `HTTP ${r.status}`).toBe("nosniff");
      expect(r.headers.get("content-security-policy"), `HTTP ${r.status}`).toMatch(/^sandbox\b/);
    }
  });
});

describe("fetchText through the data proxy", () => {
  it("fetches an absolute URL via the proxy", async () => {
    await startProxy();
    const url = `${upstream.url}/data/waste-sample.csv`;
    const result = await fetchText(url, { proxyBase: `${proxy!.url}/api/fetch?url=` });
    expect(result.text).toBe(await wasteSample());
    expect(result.url).toBe(url);
    expect(upstream.requests("/data/waste-sample.csv")).toBe(1);
  });

  it("reports the proxy's reason for refusing", async () => {
    await startProxy();
    const url = `${other.url}/data/waste-sample.csv`;
    const error = await fetchText(url, { proxyBase: `${proxy!.url}/api/fetch?url=` }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).status).toBe(403);
    expect((error as SourceError).message).toBe(
      `Could not fetch ${url}: HTTP 403 Forbidden: host ${other.host} is not allowed (allowed hosts: ${upstream.host})`,
    );
  });
});

describe("the data proxy under load", () => {
  /** A publisher whose every file is `chunks` chunks of 1 MB, sent only once `release` is called. */
  function slowPublisher(chunks: number) {
    let open!: () => void;
    const gate = new Promise<void>((ok) => (open = ok));
    let started = 0;
    const fetchImpl: typeof fetch = async () => {
      started++;
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(c) {
          if (sent === 1) await gate; // the first chunk at once, the rest when released
          if (sent++ === chunks) c.close();
          else c.enqueue(new Uint8Array(1024 * 1024));
        },
      });
      return new Response(body, { headers: { "content-type": "text/csv" } });
    };
    return { fetchImpl, release: () => open(), started: () => started };
  }

  it("answers 503 with Retry-After beyond its concurrent downloads, and serves the rest", async () => {
    const publisher = slowPublisher(3);
    await startProxy({ allowHosts: ["publisher.test"], fetchImpl: publisher.fetchImpl, maxDownloads: 4 });
    const answers = Array.from({ length: 10 }, (_, i) => viaProxy(`https://publisher.test/f${i}.csv`));
    await new Promise((ok) => setTimeout(ok, 200));
    publisher.release();
    const done = await Promise.all(answers);
    expect(done.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 503, 503, 503, 503, 503, 503]);
    expect(publisher.started()).toBe(4); // the refused never reached the publisher
    for (const r of done.filter((r) => r.status === 503)) {
      expect(r.headers.get("retry-after")).toBe("5");
      expect((await r.json()).error).toMatch(/busy/);
    }
    for (const r of done.filter((r) => r.status === 200))
      expect((await r.arrayBuffer()).byteLength).toBe(3 << 20);
    // Once they are done, the next download is served.
    const after = await viaProxy("https://publisher.test/after.csv");
    expect(after.status).toBe(200);
  });

  it("answers 503 once another download's largest body would pass its memory budget", async () => {
    const publisher = slowPublisher(4);
    await startProxy({
      allowHosts: ["publisher.test"],
      fetchImpl: publisher.fetchImpl,
      maxDownloads: 40,
      maxBytes: 4 * 1024 * 1024,
      maxBufferedBytes: 10 * 1024 * 1024, // room for two files of up to 4 MB, not three
    });
    const answers = Array.from({ length: 6 }, (_, i) => viaProxy(`https://publisher.test/f${i}.csv`));
    await new Promise((ok) => setTimeout(ok, 200));
    publisher.release();
    expect((await Promise.all(answers)).map((r) => r.status).sort()).toEqual([200, 200, 503, 503, 503, 503]);
    expect(publisher.started()).toBe(2);
    // Everything booked is given back: the next download is served.
    expect((await viaProxy("https://publisher.test/after.csv")).status).toBe(200);
  });
});
