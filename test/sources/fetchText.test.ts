import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMemoryCache, fetchText, SourceError } from "../../src/sources/index.js";
import { startFixtureServer, type FixtureServer } from "../support/fixtureServer.js";
import { listen } from "../support/listen.js";
import { sharedFile } from "../support/paths.js";

let fixture: FixtureServer;
beforeEach(async () => {
  fixture = await startFixtureServer();
});
afterEach(async () => {
  await fixture.close();
});

const fast = { retryDelayMs: 1 };

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe("fetchText", () => {
  it("returns a published file as text", async () => {
    const result = await fetchText(`${fixture.url}/data/waste-sample.csv`);
    const expected = await readFile(sharedFile("waste-sample.csv"), "utf8");
    expect(result.text).toBe(expected);
    expect(result.fromCache).toBe(false);
    expect(result.contentType).toMatch(/^text\/csv/);
  });

  it("drops the byte-order mark the ELS CSVs start with", async () => {
    const file = "ons-els/further-education-and-skills-participation.csv";
    const raw = await readFile(sharedFile(file));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { text } = await fetchText(`${fixture.url}/data/${file}`);
    expect(text.startsWith("areacd,areanm,geography,indicator,period")).toBe(true);
  });

  it("retries server errors and then succeeds", async () => {
    const route = "/data/waste-sample.csv?fail=2";
    const result = await fetchText(fixture.url + route, { ...fast, attempts: 3 });
    expect(result.text.startsWith("areacd,areanm,period,indicator,value")).toBe(true);
    expect(fixture.requests(route)).toBe(3);
  });

  it("gives up after the last attempt with the status and URL in the message", async () => {
    const url = `${fixture.url}/data/waste-sample.csv?fail=9&status=503`;
    const error = await failure(fetchText(url, { ...fast, attempts: 3 }));
    expect(error.reason).toBe("http");
    expect(error.status).toBe(503);
    expect(error.message).toContain(url);
    expect(error.message).toContain("HTTP 503");
    expect(fixture.requests("/data/waste-sample.csv")).toBe(3);
  });

  it("retries 429 Too Many Requests", async () => {
    const route = "/data/waste-sample.csv?fail=1&status=429&retryAfter=0";
    await fetchText(fixture.url + route, fast);
    expect(fixture.requests(route)).toBe(2);
  });

  it("does not retry 404 and says so clearly", async () => {
    const url = `${fixture.url}/data/no-such-file.csv`;
    const error = await failure(fetchText(url, fast));
    expect(error.reason).toBe("http");
    expect(error.status).toBe(404);
    expect(error.message).toBe(`Could not fetch ${url}: HTTP 404 Not Found`);
    expect(fixture.requests("/data/no-such-file.csv")).toBe(1);
  });

  it("retries when the server cannot be reached, then reports being offline", async () => {
    const gone = await startFixtureServer();
    await gone.close();
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const error = await failure(fetchText(`${gone.url}/data/waste-sample.csv`, { ...fast, fetch: counting }));
    expect(error.reason).toBe("offline");
    expect(error.message).toContain(gone.url);
    expect(calls).toBe(3);
  });

  it("times out a slow server and names the limit", async () => {
    const started = Date.now();
    const url = `${fixture.url}/data/waste-sample.csv?delay=3000`;
    const error = await failure(fetchText(url, { ...fast, timeoutMs: 200 }));
    expect(error.reason).toBe("timeout");
    expect(error.message).toBe(`Could not fetch ${url}: timed out after 0.2 s`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fixture.requests("/data/waste-sample.csv")).toBe(1);
  });

  it("rejects a body over the size limit announced by Content-Length", async () => {
    const error = await failure(fetchText(`${fixture.url}/big?bytes=5000`, { maxBytes: 1000 }));
    expect(error.reason).toBe("too-large");
    expect(error.message).toBe(
      `Could not fetch ${fixture.url}/big?bytes=5000: the file is too large (5 KB; the limit is 1 KB)`,
    );
  });

  it("stops reading an endless body at the size limit", async () => {
    const error = await failure(
      fetchText(`${fixture.url}/endless`, { maxBytes: 256 * 1024, timeoutMs: 10_000 }),
    );
    expect(error.reason).toBe("too-large");
    expect(error.message).toContain("too large (more than 256 KB; the limit is 256 KB)");
  });

  it("asks whether the file changed and serves the cached copy on 304", async () => {
    const cache = createMemoryCache();
    const url = `${fixture.url}/data/waste-sample.csv`;
    const first = await fetchText(url, { cache });
    expect(first.etag).toMatch(/^".+"$/);
    const second = await fetchText(url, { cache });

    expect(second.fromCache).toBe(true);
    expect(second.text).toBe(first.text);
    const [firstRequest, secondRequest] = fixture.log();
    expect(firstRequest.headers["if-none-match"]).toBeUndefined();
    expect(secondRequest.headers["if-none-match"]).toBe(first.etag);
    expect(secondRequest.headers["if-modified-since"]).toBe(first.lastModified);
    expect(secondRequest.status).toBe(304);
  });

  it("downloads again when the server gives no validators to ask with", async () => {
    const cache = createMemoryCache();
    const url = `${fixture.url}/data/waste-sample.csv?validators=0`;
    await fetchText(url, { cache });
    const second = await fetchText(url, { cache });
    expect(second.fromCache).toBe(false);
    expect(fixture.log()[1].headers["if-none-match"]).toBeUndefined();
    expect(fixture.log()[1].status).toBe(200);
  });

  it("stops when the caller cancels during the request", async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(
      fetchText(`${fixture.url}/data/waste-sample.csv?delay=5000`, { signal: controller.signal }),
    );
    expect(error.reason).toBe("aborted");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("stops when the caller cancels while waiting to retry", async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(
      fetchText(`${fixture.url}/data/waste-sample.csv?fail=9`, {
        signal: controller.signal,
        retryDelayMs: 10_000,
      }),
    );
    expect(error.reason).toBe("aborted");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fixture.requests("/data/waste-sample.csv")).toBe(1);
  });

  it("does not start when already cancelled", async () => {
    const error = await failure(
      fetchText(`${fixture.url}/data/waste-sample.csv`, { signal: AbortSignal.abort() }),
    );
    expect(error.reason).toBe("aborted");
    expect(fixture.log()).toHaveLength(0);
  });
});

/**
 * A publisher on https (which these tests cannot serve) whose file has moved to `location`: it answers as
 * fetch does, the redirect itself when asked not to follow, else whatever `location` serves.
 */
function movedOnHttps(location: string): { fetch: typeof fetch; asked: string[] } {
  const asked: string[] = [];
  const publisher: typeof fetch = async (input, init) => {
    const url = String(input);
    if (!url.startsWith("https://publisher.test/")) return fetch(input, init);
    asked.push(url);
    if (init?.redirect === "manual") return new Response(null, { status: 302, headers: { location } });
    return fetch(location, { ...init, redirect: "follow" });
  };
  return { fetch: publisher, asked };
}

describe("fetchText redirects", () => {
  it("follows a redirect on the same host", async () => {
    const { text } = await fetchText(`${fixture.url}/redirect?code=301&to=/data/waste-sample.csv`);
    expect(text).toBe(await readFile(sharedFile("waste-sample.csv"), "utf8"));
  });

  it("refuses a redirect from https down to http, naming both addresses, without asking the http one", async () => {
    const insecure = `${fixture.url}/data/waste-sample.csv`;
    const publisher = movedOnHttps(insecure);
    const url = "https://publisher.test/waste.csv";
    const error = await failure(fetchText(url, { ...fast, fetch: publisher.fetch }));
    expect(error.reason).toBe("redirect");
    expect(error.message).toBe(
      `Could not fetch ${url}: refused the redirect from ${url} to ${insecure}, which leaves https ` +
        "(the file could be altered on the way)",
    );
    expect(fixture.log()).toHaveLength(0);
    expect(publisher.asked).toEqual([url]); // not retried: asking again would be refused again
  });

  it("stops after five redirects", async () => {
    const error = await failure(fetchText(`${fixture.url}/loop`, fast));
    expect(error.reason).toBe("redirect");
    expect(error.message).toBe(`Could not fetch ${fixture.url}/loop: more than 5 redirects`);
    expect(fixture.requests("/loop")).toBe(6);
  });
});

/** A server that writes `raw` (status line, headers and as much body as it likes) and hangs up. */
async function rawServer(
  raw: string | Buffer,
): Promise<{ url: string; requests: () => number; close(): Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((_req, res) => {
    requests++;
    res.socket?.end(raw);
  });
  const listening = await listen(server);
  return { url: listening.url, requests: () => requests, close: listening.close };
}

describe("fetchText downloads cut off", () => {
  it("fails when the connection drops before the declared Content-Length arrived, after retrying", async () => {
    const body = "areacd,areanm,period,indicator,value\nE07000245,West Suffolk,2023-24,x,10\nE0700";
    const server = await rawServer(
      `HTTP/1.1 200 OK\r\ncontent-type: text/csv\r\ncontent-length: 1000\r\n\r\n${body}`,
    );
    try {
      const error = await failure(fetchText(`${server.url}/waste.csv`, fast));
      expect(error.reason).toBe("truncated");
      expect(error.message).toMatch(
        new RegExp(
          `^Could not fetch ${server.url}/waste.csv: the download was cut off \\((\\d+) of 1,000 bytes arrived\\); try again$`,
        ),
      );
      const received = Number(/\((\d+) of/.exec(error.message)![1]);
      expect(received).toBeLessThanOrEqual(body.length);
      expect(server.requests()).toBe(3);
    } finally {
      await server.close();
    }
  });

  it("fails when a body ends short of its Content-Length without the runtime noticing", async () => {
    // Not every fetch checks the length itself; this one hands on what arrived as the whole body.
    const lenient: typeof fetch = async () =>
      new Response("areacd,areanm,period,indicator,value\nE07", { headers: { "content-length": "2048" } });
    const error = await failure(
      fetchText("https://publisher.test/a.csv", { ...fast, attempts: 1, fetch: lenient }),
    );
    expect(error.reason).toBe("truncated");
    expect(error.message).toBe(
      "Could not fetch https://publisher.test/a.csv: the download was cut off (40 of 2,048 bytes arrived); try again",
    );
  });

  it("does not compare a gzipped body's Content-Length (the compressed size) with the text", async () => {
    const text = await readFile(sharedFile("waste-sample.csv"), "utf8");
    const gzipped = gzipSync(text);
    const server = await rawServer(
      Buffer.concat([
        Buffer.from(
          `HTTP/1.1 200 OK\r\ncontent-type: text/csv\r\ncontent-encoding: gzip\r\ncontent-length: ${gzipped.length}\r\n\r\n`,
        ),
        gzipped,
      ]),
    );
    try {
      expect(gzipped.length).toBeLessThan(text.length);
      expect((await fetchText(`${server.url}/waste.csv`)).text).toBe(text);
    } finally {
      await server.close();
    }
  });
});
