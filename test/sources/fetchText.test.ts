import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMemoryCache, fetchText, SourceError } from "../../src/sources/index.js";
import { startFixtureServer, type FixtureServer } from "../support/fixtureServer.js";
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
