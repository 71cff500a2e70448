// The worker's message protocol, without a worker: handleRequest given a message posts rising progress and
// then exactly one done or error reply; readInWorker falls back to reading in-thread where Worker is absent.
import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Observation } from "../../src/core/model.js";
import type { PublisherReader } from "../../src/core/publishers/index.js";
import { LayoutError } from "../../src/core/spreadsheet/index.js";
import { canUseWorkers, readInWorker, rebuildError } from "../../src/sources/workerReader.js";
import { handleRequest } from "../../src/workers/handleRequest.js";
import type { WorkerReply } from "../../src/workers/protocol.js";
import { sharedFile } from "../support/paths.js";

const RDC0120 = sharedFile("publisher-files", "dft-rdc0120-2025.ods");

/** The file's bytes as the pane would transfer them: an ArrayBuffer of its own. */
const bufferOf = (path: string): ArrayBuffer => new Uint8Array(readFileSync(path)).buffer;

function run(data: unknown, readers?: (id: string) => PublisherReader): WorkerReply[] {
  const posted: WorkerReply[] = [];
  handleRequest(data, (reply) => posted.push(structuredClone(reply)), readers);
  return posted;
}

/** A reader that reports the given fractions, then returns one observation or throws. */
function fakeReader(fractions: number[], outcome: Observation[] | Error): PublisherReader {
  return {
    id: "fake",
    name: "Fake",
    kind: "ods",
    metrics: [],
    read(_bytes, options = {}) {
      for (const f of fractions) options.onProgress?.(f);
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
  };
}

const OBS: Observation = { metric: "m", period: "2023-24", areacd: "E06000001", areanm: "A", value: 1 };

describe("handleRequest", () => {
  it("reads a real file: progress rising to 1, then done with the observations", () => {
    const posted = run({ id: "dft-rdc0120", bytes: bufferOf(RDC0120) });
    const last = posted.at(-1)!;
    expect(last.type).toBe("done");
    expect(last.type === "done" && last.observations.length).toBeGreaterThan(100);
    const fractions = posted.flatMap((r) => (r.type === "progress" ? [r.fraction] : []));
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(posted.filter((r) => r.type !== "progress")).toHaveLength(1);
  });

  it("throttles progress to at most one message per 1%", () => {
    const fractions = Array.from({ length: 10_001 }, (_, i) => i / 10_000);
    const posted = run({ id: "fake", bytes: new ArrayBuffer(1) }, () => fakeReader(fractions, [OBS]));
    const progress = posted.filter((r) => r.type === "progress");
    expect(progress.length).toBeLessThanOrEqual(101);
    expect(progress.at(-1)).toEqual({ type: "progress", fraction: 1 });
    expect(posted.at(-1)).toEqual({ type: "done", observations: [OBS] });
  });

  it("passes the period on to the reader", () => {
    let seen: string | undefined;
    const reader: PublisherReader = {
      ...fakeReader([], [OBS]),
      read: (_b, o) => ((seen = o?.period), [OBS]),
    };
    run({ id: "fake", bytes: new ArrayBuffer(1), period: "2024-25" }, () => reader);
    expect(seen).toBe("2024-25");
  });

  it("posts a reader's LayoutError as its name and message", () => {
    const error = new LayoutError('The file has no sheet named "Table_3"');
    const posted = run({ id: "fake", bytes: new ArrayBuffer(1) }, () => fakeReader([0.5], error));
    expect(posted).toEqual([
      { type: "progress", fraction: 0.5 },
      { type: "error", name: "LayoutError", message: 'The file has no sheet named "Table_3"' },
    ]);
  });

  it("posts a SpreadsheetError for bytes that are not a spreadsheet", () => {
    const csv = strToU8("a,b\n1,2\n");
    const posted = run({ id: "defra-env18", bytes: csv.buffer });
    expect(posted).toEqual([expect.objectContaining({ type: "error", name: "SpreadsheetError" })]);
  });

  it("posts an error naming the readers there are for an unknown id", () => {
    const [reply] = run({ id: "nope", bytes: new ArrayBuffer(1) });
    expect(reply).toMatchObject({ type: "error", name: "Error" });
    expect(reply.type === "error" && reply.message).toContain("defra-env18");
  });

  it("posts a TypeError for a message of the wrong shape, and never throws", () => {
    for (const bad of [
      null,
      "x",
      { id: 1 },
      { id: "x", bytes: [1, 2] },
      { id: "x", bytes: new ArrayBuffer(1), period: 3 },
    ])
      expect(run(bad)).toEqual([expect.objectContaining({ type: "error", name: "TypeError" })]);
  });
});

describe("rebuildError", () => {
  it("rebuilds the readers' own errors as their classes, others by name and message", () => {
    const layout = rebuildError("LayoutError", "no sheet");
    expect(layout).toBeInstanceOf(LayoutError);
    expect([layout.name, layout.message]).toEqual(["LayoutError", "no sheet"]);
    expect(rebuildError("SpreadsheetError", "x").name).toBe("SpreadsheetError");
    const other = rebuildError("RangeError", "too big");
    expect([other.name, other.message, other instanceof Error]).toEqual(["RangeError", "too big", true]);
  });
});

describe("readInWorker without workers (Node)", () => {
  it("reads in-thread, with throttled progress ending at 1", async () => {
    expect(canUseWorkers()).toBe(false);
    const progress: number[] = [];
    const bytes = new Uint8Array(readFileSync(RDC0120));
    const observations = await readInWorker("dft-rdc0120", bytes, { onProgress: (f) => progress.push(f) });
    expect(observations.length).toBeGreaterThan(100);
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeLessThanOrEqual(101);
  });

  it("rejects with the reader's LayoutError naming the sheet", async () => {
    const { mimetype, ...rest } = unzipSync(new Uint8Array(readFileSync(RDC0120)));
    const content = strFromU8(rest["content.xml"]).replace(
      'table:name="RDC0120_A_Roads_and_Motorways"',
      'table:name="Renamed"',
    );
    const renamed = zipSync({ mimetype: [mimetype, { level: 0 }], ...rest, "content.xml": strToU8(content) });
    const error = await readInWorker("dft-rdc0120", renamed).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(LayoutError);
    expect((error as Error).message).toContain("RDC0120_A_Roads_and_Motorways");
  });

  it("rejects at once with the signal's reason when already aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("cancelled"));
    await expect(
      readInWorker("dft-rdc0120", new Uint8Array(1), { signal: controller.signal }),
    ).rejects.toThrow("cancelled");
  });
});
