import { describe, expect, it } from "vitest";
import { backoffDelay, isRetryable, parseRetryAfter } from "../../src/sources/retry.js";
import { proxiedUrl, SourceError } from "../../src/sources/index.js";

describe("isRetryable", () => {
  const http = (status: number) => new SourceError("http", "u", "x", { status });
  it("retries 5xx, 429 and network errors only", () => {
    expect([500, 502, 503, 429].map((s) => isRetryable(http(s)))).toEqual([true, true, true, true]);
    expect([400, 403, 404, 410].map((s) => isRetryable(http(s)))).toEqual([false, false, false, false]);
    expect(isRetryable(new SourceError("offline", "u", "x"))).toBe(true);
    expect(isRetryable(new SourceError("timeout", "u", "x"))).toBe(false);
    expect(isRetryable(new SourceError("too-large", "u", "x"))).toBe(false);
    expect(isRetryable(new SourceError("aborted", "u", "x"))).toBe(false);
    expect(isRetryable(new Error("other"))).toBe(false);
  });
});

describe("backoffDelay", () => {
  it("doubles each attempt with 50-100% jitter", () => {
    expect(backoffDelay(1, 100, () => 0)).toBe(50);
    expect(backoffDelay(1, 100, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, () => 1)).toBe(400);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  it("reads seconds and HTTP dates, capped", () => {
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("3600", now)).toBe(30_000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});

describe("proxiedUrl", () => {
  const base = "/api/fetch?url=";
  it("sends absolute URLs through the proxy, encoded", () => {
    expect(proxiedUrl("https://www.ons.gov.uk/a.csv?x=1&y=2", base)).toBe(
      "/api/fetch?url=https%3A%2F%2Fwww.ons.gov.uk%2Fa.csv%3Fx%3D1%26y%3D2",
    );
  });
  it("fetches the add-in's own files directly", () => {
    expect(proxiedUrl("data/default-snapshot.json", base)).toBe("data/default-snapshot.json");
    expect(proxiedUrl("/data/default-snapshot.json", base)).toBe("/data/default-snapshot.json");
  });
  it("leaves URLs alone without a proxy", () => {
    expect(proxiedUrl("https://www.ons.gov.uk/a.csv")).toBe("https://www.ons.gov.uk/a.csv");
  });
});
