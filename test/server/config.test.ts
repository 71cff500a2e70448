import { describe, expect, it } from "vitest";
import { checkTarget, DEFAULT_ALLOW_HOSTS, parseHostList } from "../../server/allowlist.js";
import { configFromEnv } from "../../server/config.js";

describe("configFromEnv", () => {
  it("defaults to 127.0.0.1:3001 and the built-in allowlist", () => {
    expect(configFromEnv({})).toEqual({
      port: 3001,
      host: "127.0.0.1",
      options: { staticDir: undefined, allowHosts: undefined },
    });
  });

  it("reads PORT, HOST, STATIC_DIR and PROXY_ALLOW_HOSTS", () => {
    const config = configFromEnv({
      PORT: "8080",
      HOST: "0.0.0.0",
      STATIC_DIR: "build",
      PROXY_ALLOW_HOSTS: " www.ons.gov.uk, Data.Example.gov.uk ,,",
    });
    expect(config).toEqual({
      port: 8080,
      host: "0.0.0.0",
      options: { staticDir: "build", allowHosts: ["www.ons.gov.uk", "data.example.gov.uk"] },
    });
  });

  it("never enables http for tests", () => {
    expect(configFromEnv({ ALLOW_HTTP_FOR_TESTS: "1" }).options.allowHttpForTests).toBeUndefined();
  });

  it("rejects a PORT that is not a port", () => {
    expect(() => configFromEnv({ PORT: "web" })).toThrow(/PORT must be a port number/);
  });
});

describe("checkTarget", () => {
  const production = { allowHosts: new Set(DEFAULT_ALLOW_HOSTS), allowHttpForTests: false };

  it("accepts https URLs on allowed hosts", () => {
    const check = checkTarget(
      "https://www.ons.gov.uk/explore-local-statistics/api/v1/data.csv?x=1",
      production,
    );
    expect(check.ok).toBe(true);
  });

  it("refuses other ports on an allowed host, and look-alike hosts", () => {
    expect(checkTarget("https://www.ons.gov.uk:8443/a.csv", production)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(checkTarget("https://www.ons.gov.uk.evil.test/a.csv", production)).toMatchObject({ status: 403 });
    expect(checkTarget("https://evil.test/www.ons.gov.uk/a.csv", production)).toMatchObject({ status: 403 });
  });

  it("refuses http and other schemes", () => {
    expect(checkTarget("http://www.ons.gov.uk/a.csv", production)).toMatchObject({ status: 400 });
    expect(checkTarget("file:///etc/passwd", production)).toMatchObject({ status: 400 });
  });

  it("allows http only to loopback, and only in test mode", () => {
    const tests = { allowHosts: new Set(["127.0.0.1:9", "www.ons.gov.uk"]), allowHttpForTests: true };
    expect(checkTarget("http://127.0.0.1:9/a.csv", tests).ok).toBe(true);
    expect(checkTarget("http://www.ons.gov.uk/a.csv", tests)).toMatchObject({ status: 400 });
  });

  it("splits host lists", () => {
    expect(parseHostList("a.gov.uk,B.gov.uk , ")).toEqual(["a.gov.uk", "b.gov.uk"]);
  });
});
