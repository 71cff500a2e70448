// The publisher worker as the build ships it, in Chromium: the preview page loads worker-hook.js (a page of
// the add-in loads no such thing; the hook only puts readInWorker on globalThis), fetches Defra's ENV18 ODS
// through the add-in's proxy from the fixture publisher, and reads it in publisher-worker.js while the page's
// own thread keeps ticking. A file with Table_3 renamed comes back as a LayoutError naming the sheet.
import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../../src/core/parsers/csv.js";
import { sharedFile } from "../support/paths.js";
import { PUBLISHER, startE2E, type E2E, type OpenedPage } from "./support/harness.js";

const ENV18 = "publisher-files/defra-env18-la-and-regional-2023-24.ods";
const RENAMED_PATH = "/e2e-files/env18-table3-renamed.ods";
const METRIC = "household-waste-recycling-rate";

let env: E2E;
let pane: OpenedPage;

/** What the page reports of one read. */
interface PageRead {
  ok: boolean;
  /** "areacd|period" → value, for METRIC rows. */
  recycling: [string, number | null][];
  total: number;
  progress: number[];
  error?: { name: string; message: string };
  ticks: number;
  /** The longest the page's thread went without a 10 ms interval tick, in ms. */
  maxGapMs: number;
  ms: number;
  /** The caller's bytes after the read (0: transferred to the worker). */
  bytesLeft: number;
}

/** Reads `url`'s bytes in the page with readInWorker; `inThread` hides Worker so it falls back. */
function readInPage(url: string, inThread = false): Promise<PageRead> {
  return pane.page.evaluate(
    async ({ url, inThread, metric }) => {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      const hook = (globalThis as unknown as Record<string, unknown>).councilBenchmarksWorker as {
        readInWorker: (
          id: string,
          bytes: Uint8Array,
          o: { onProgress: (f: number) => void },
        ) => Promise<{ metric: string; areacd: string; period: string; value: number | null }[]>;
      };
      const saved = globalThis.Worker;
      if (inThread) Reflect.deleteProperty(globalThis, "Worker");
      const progress: number[] = [];
      let ticks = 0;
      let last = performance.now();
      let maxGapMs = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        maxGapMs = Math.max(maxGapMs, now - last);
        last = now;
        ticks++;
      }, 10);
      const started = performance.now();
      try {
        const observations = await hook.readInWorker("defra-env18", bytes, {
          onProgress: (f) => progress.push(f),
        });
        return {
          ok: true,
          total: observations.length,
          recycling: observations
            .filter((o) => o.metric === metric)
            .map((o) => [`${o.areacd}|${o.period}`, o.value] as [string, number | null]),
          progress,
          ticks,
          maxGapMs: Math.max(maxGapMs, performance.now() - last),
          ms: performance.now() - started,
          bytesLeft: bytes.byteLength,
        };
      } catch (e) {
        const error = e as Error;
        return {
          ok: false,
          total: 0,
          recycling: [],
          progress,
          error: { name: error.name, message: error.message },
          ticks,
          maxGapMs,
          ms: performance.now() - started,
          bytesLeft: bytes.byteLength,
        };
      } finally {
        clearInterval(timer);
        if (inThread) globalThis.Worker = saved;
      }
    },
    { url, inThread, metric: METRIC },
  );
}

const env18Url = () => `/api/fetch?url=${encodeURIComponent(`${PUBLISHER}/data/${ENV18}`)}`;

/** The tidy recycling rates: "areacd|period" → value. */
function tidyRecycling(): Map<string, number | null> {
  const { header, rows } = readCsv(readFileSync(sharedFile("waste", `${METRIC}.csv`), "utf8"));
  const at = (name: string) => header.indexOf(name);
  return new Map(
    rows.map((r) => [
      `${r[at("areacd")]}|${r[at("period")]}`,
      r[at("value")] === "" ? null : Number(r[at("value")]),
    ]),
  );
}

/** ENV18 with Table_3 renamed, zipped back as an ODS must be ("mimetype" first, stored). */
function renamedTable3(): Buffer {
  const { mimetype, ...rest } = unzipSync(new Uint8Array(readFileSync(sharedFile(ENV18))));
  const content = strFromU8(rest["content.xml"]).replace(
    'table:name="Table_3"',
    'table:name="Table 3 renamed"',
  );
  return Buffer.from(
    zipSync({ mimetype: [mimetype, { level: 0 }], ...rest, "content.xml": strToU8(content) }),
  );
}

beforeAll(async () => {
  env = await startE2E();
  pane = await env.open("preview.html", { office: false });
  const renamed = renamedTable3();
  await pane.page.route(`${env.baseUrl}${RENAMED_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: "application/octet-stream", body: renamed }),
  );
  await pane.page.addScriptTag({ url: `${env.baseUrl}/worker-hook.js` });
  await pane.page.waitForFunction(() => "councilBenchmarksWorker" in globalThis, null, { timeout: 10_000 });
});

afterAll(async () => {
  await env?.close();
});

describe("the publisher worker in Chromium", () => {
  let inWorker: PageRead;

  it("reads ENV18 in the worker: every tidy recycling rate, value for value", async () => {
    inWorker = await readInPage(env18Url());
    expect(inWorker.error).toBeUndefined();
    const want = tidyRecycling();
    expect(inWorker.recycling).toHaveLength(4821);
    expect(want.size).toBe(4821);
    const got = new Map(inWorker.recycling);
    expect(got.get("E06000001|2023-24"), "Hartlepool 2023-24").toBe(want.get("E06000001|2023-24"));
    expect(got.get("E06000001|2023-24")).toBe(27.7);
    const mismatches = [...want].filter(([k, v]) => got.get(k) !== v);
    expect(mismatches).toEqual([]);
    expect(inWorker.bytesLeft, "the bytes were transferred, not copied").toBe(0);
    // The worker chunk was loaded by the page, from the build.
    expect(pane.requests.some((u) => u.endsWith("/publisher-worker.js"))).toBe(true);
    console.log(
      `e2e worker: ${inWorker.total} observations in ${inWorker.ms.toFixed(0)} ms; ` +
        `${inWorker.progress.length} progress callbacks; ${inWorker.ticks} ticks, longest gap ${inWorker.maxGapMs.toFixed(0)} ms`,
    );
  });

  it("reports progress rising to 1, at most once per 1%", () => {
    const { progress } = inWorker;
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.length).toBeLessThanOrEqual(101);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress.at(-1)).toBe(1);
  });

  it("keeps the page's thread responsive while the worker parses (unlike reading in-thread)", async () => {
    expect(inWorker.ticks).toBeGreaterThanOrEqual(5);
    // The control: the same read with Worker hidden runs in the page's thread (the fallback chunk) and
    // blocks it for the whole parse.
    const inThread = await readInPage(env18Url(), true);
    expect(inThread.recycling).toHaveLength(4821);
    console.log(
      `e2e in-thread: ${inThread.ms.toFixed(0)} ms; ${inThread.ticks} ticks, longest gap ${inThread.maxGapMs.toFixed(0)} ms`,
    );
    expect(inThread.maxGapMs).toBeGreaterThan(inWorker.maxGapMs);
  });

  it("rejects a file with Table_3 renamed with a LayoutError naming the sheet", async () => {
    const read = await readInPage(RENAMED_PATH);
    expect(read.ok).toBe(false);
    expect(read.error?.name).toBe("LayoutError");
    expect(read.error?.message).toContain('no sheet named "Table_3"');
  });

  it("speaks the protocol to a bare new Worker(publisher-worker.js)", async () => {
    const replies = await pane.page.evaluate(async (url) => {
      const bytes = await (await fetch(url)).arrayBuffer();
      const worker = new Worker("publisher-worker.js");
      const seen: { type: string; name?: string; message?: string; fraction?: number }[] = [];
      await new Promise<void>((resolve) => {
        worker.onmessage = (event) => {
          seen.push(event.data);
          if (event.data.type !== "progress") resolve();
        };
        worker.postMessage({ id: "defra-env18", bytes }, [bytes]);
      });
      worker.terminate();
      return seen;
    }, RENAMED_PATH);
    const last = replies.at(-1)!;
    expect(last).toMatchObject({ type: "error", name: "LayoutError" });
    expect(last.message).toContain("Table_3");
    expect(replies.slice(0, -1).every((r) => r.type === "progress")).toBe(true);
    expect(pane.errors).toEqual([]);
  });
});
