// Where METRIC, SERIES and COMPARATORS get their data: the shipped files, fetched beside the page on the
// first call only, or whatever a test (or the task pane) supplies through useBenchmarks.
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { benchmarksFromFiles } from "../../src/core/benchmarks.js";
import { getBenchmarks, useBenchmarks } from "../../src/functions/data.js";
import { resetShippedBenchmarks } from "../../src/sources/shipped.js";
import { repoRoot } from "../support/paths.js";
import { excel, expectError, installCustomFunctions } from "./excel.js";

const RECYCLING = "household-waste-recycling-rate";
const FILES = ["default-snapshot.json", "councils.json", "nearest-neighbours.json"];
const repoFile = (name: string) => readFileSync(`${repoRoot}/data/${name}`, "utf8");

/**
 * A fetch that serves the repo's data/ folder at any URL ending in data/<file>, recording each URL;
 * while `down` is set it answers 404 (not retried, so a failed load is quick).
 */
function serveData() {
  const calls: string[] = [];
  const state = { down: false };
  const impl = vi.fn(async (input: string | URL | Request) => {
    const url = String(input);
    calls.push(url);
    const file = FILES.find((f) => url.endsWith(`data/${f}`));
    return file && !state.down ? new Response(repoFile(file)) : new Response("not found", { status: 404 });
  });
  vi.stubGlobal("fetch", impl);
  return { calls, impl, state };
}

beforeEach(() => {
  installCustomFunctions();
  useBenchmarks();
  resetShippedBenchmarks();
});
afterEach(() => {
  vi.unstubAllGlobals();
  useBenchmarks();
  resetShippedBenchmarks();
});

describe("getBenchmarks", () => {
  it("loads the shipped files beside the task pane page, once", async () => {
    vi.stubGlobal("location", { href: "https://example.org/addin/taskpane.html?_host_Info=Excel" });
    const { calls } = serveData();
    expect(await excel("METRIC", "West Suffolk", RECYCLING, "2023-24")).toBe(37.1);
    expect(await excel("METRIC", "West Suffolk", RECYCLING, "2022-23")).toBe(35.9);
    expect(calls.sort()).toEqual(FILES.map((f) => `https://example.org/addin/data/${f}`).sort());
  });

  it("asks for the files by relative URL where there is no location, and retries after a failure", async () => {
    vi.stubGlobal("location", undefined);
    const { calls, state } = serveData();
    state.down = true;
    const failed = await excel("METRIC", "West Suffolk", RECYCLING);
    expectError(failed, "#N/A", /Could not load the benchmark data.*404/);
    state.down = false;
    expect(await excel("METRIC", "West Suffolk", RECYCLING)).toBe(37.1);
    expect(calls.filter((u) => u.startsWith("data/"))).toHaveLength(calls.length);
  });

  it("serves an injected value, promise or factory", async () => {
    const b = benchmarksFromFiles({
      snapshot: repoFile(FILES[0]),
      councils: repoFile(FILES[1]),
      nearest: repoFile(FILES[2]),
    });
    const { impl } = serveData();
    useBenchmarks(b);
    expect(await getBenchmarks()).toBe(b);
    useBenchmarks(Promise.resolve(b));
    expect(await getBenchmarks()).toBe(b);
    const factory = vi.fn(() => b);
    useBenchmarks(factory);
    expect(await getBenchmarks()).toBe(b);
    expect(factory).toHaveBeenCalledTimes(1);
    expect(impl).not.toHaveBeenCalled();
  });
});

describe("functions.js", () => {
  it("fetches nothing when it loads or for the range functions: only on the first data lookup", async () => {
    vi.resetModules();
    vi.stubGlobal("location", { href: "https://example.org/addin/taskpane.html" });
    const { impl } = serveData();
    const fresh = await import("../../src/functions/functions.js");
    expect(fresh.mad([[1], [2], [4]])).toBe(1);
    expect(fresh.band(0)).toBe("similar");
    expect(impl).not.toHaveBeenCalled();
    const { resetShippedBenchmarks: resetFresh } = await import("../../src/sources/shipped.js");
    resetFresh();
    expect(await fresh.comparators("West Suffolk", "nearest")).toHaveLength(16);
    expect(impl).toHaveBeenCalledTimes(3);
  });
});
