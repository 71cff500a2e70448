// readInWorker's side of the protocol, with a stand-in Worker that runs the real handler on a timer: the
// worker is terminated once it answers or the read is aborted, progress is throttled, errors are rebuilt.
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LayoutError } from "../../src/core/spreadsheet/index.js";
import { readInWorker } from "../../src/sources/workerReader.js";
import { handleRequest } from "../../src/workers/handleRequest.js";
import type { WorkerReply } from "../../src/workers/protocol.js";
import { sharedFile } from "../support/paths.js";

const RDC0120 = sharedFile("publisher-files", "dft-rdc0120-2025.ods");

class FakeWorker {
  static started: FakeWorker[] = [];
  /** Replies to post instead of running the reader (to script one). */
  static script: WorkerReply[] | undefined;
  onmessage: ((event: { data: WorkerReply }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  constructor(readonly url: string) {
    FakeWorker.started.push(this);
  }
  postMessage(data: unknown, transfer: Transferable[]) {
    const received = structuredClone(data, { transfer }); // detaches the sender's buffer, as a worker does
    setTimeout(() => {
      const post = (reply: WorkerReply) => !this.terminated && this.onmessage?.({ data: reply });
      if (FakeWorker.script) FakeWorker.script.forEach(post);
      else handleRequest(received, post);
    }, 5);
  }
  terminate() {
    this.terminated = true;
  }
}

beforeEach(() => {
  FakeWorker.started = [];
  FakeWorker.script = undefined;
  vi.stubGlobal("Worker", FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

const bytes = () => new Uint8Array(readFileSync(RDC0120));

describe("readInWorker with workers", () => {
  it("starts the built worker (publisher-worker.js beside the page), transfers the bytes and terminates it when done", async () => {
    const input = bytes();
    const observations = await readInWorker("dft-rdc0120", input);
    expect(observations.length).toBeGreaterThan(100);
    expect(input.byteLength, "the buffer went to the worker").toBe(0);
    const [worker] = FakeWorker.started;
    expect(worker.url).toBe("publisher-worker.js");
    expect(worker.terminated).toBe(true);
  });

  it("copies a view of part of a buffer rather than transfer all of it", async () => {
    const whole = bytes();
    const padded = new Uint8Array(whole.length + 8);
    padded.set(whole, 8);
    await readInWorker("dft-rdc0120", padded.subarray(8));
    expect(padded.byteLength).toBe(whole.length + 8);
  });

  it("passes on progress at most once per 1%, rising to 1", async () => {
    FakeWorker.script = [
      ...Array.from({ length: 1001 }, (_, i) => ({ type: "progress" as const, fraction: i / 1000 })),
      { type: "done", observations: [] },
    ];
    const seen: number[] = [];
    await readInWorker("x", new Uint8Array(1), { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeLessThanOrEqual(101);
    expect(seen.at(-1)).toBe(1);
  });

  it("rejects with the worker's LayoutError rebuilt, and terminates it", async () => {
    FakeWorker.script = [{ type: "error", name: "LayoutError", message: 'no sheet named "Table_3"' }];
    const error = await readInWorker("x", new Uint8Array(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LayoutError);
    expect(error).toMatchObject({ name: "LayoutError", message: 'no sheet named "Table_3"' });
    expect(FakeWorker.started[0].terminated).toBe(true);
  });

  it("terminates the worker and rejects with the reason when aborted mid-read", async () => {
    FakeWorker.script = [];
    const controller = new AbortController();
    const read = readInWorker("x", new Uint8Array(1), { signal: controller.signal });
    controller.abort(new Error("cancelled"));
    await expect(read).rejects.toThrow("cancelled");
    expect(FakeWorker.started[0].terminated).toBe(true);
  });

  it("rejects when the worker script fails to run", async () => {
    FakeWorker.script = [];
    const read = readInWorker("x", new Uint8Array(1));
    FakeWorker.started[0].onerror?.({ message: "404", preventDefault: () => undefined });
    await expect(read).rejects.toThrow("could not run: 404");
  });
});
