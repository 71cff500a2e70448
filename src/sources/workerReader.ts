// Reads a publisher's file in a worker, so parsing (ENV18: 22 MB of XML, a second or more) never blocks the
// pane. The readers (fflate, saxes) live only in the worker's chunk, not in functions.js or the pane's first
// paint. Where there are no workers (Node, the CLI, tests), the same readers run in-thread, loaded on demand.
import type { Observation } from "../core/model.js";
import { LayoutError } from "../core/spreadsheet/table.js";
import { SpreadsheetError } from "../core/spreadsheet/types.js";
import { throttleProgress } from "../workers/progress.js";
import { readPublisherFile } from "./readPublisher.js";
import type { ReadRequest, WorkerReply } from "../workers/protocol.js";

export interface WorkerReadOptions {
  /** The period the file is for, when the file does not say (P153). */
  period?: string;
  /** The fraction read (0 to 1), at most once per 1% and always ending at 1. */
  onProgress?: (fraction: number) => void;
  /** Aborting terminates the worker and rejects with the signal's reason. */
  signal?: AbortSignal;
}

export const canUseWorkers = (): boolean => typeof Worker !== "undefined";

/**
 * The observations in `bytes`, read by the reader `readerId` (core/publishers) in a worker where there are
 * workers, else in-thread. Rejects with the reader's error rebuilt: LayoutError and SpreadsheetError as
 * themselves, any other with the same name and message. In a worker, `bytes`' buffer is transferred when
 * `bytes` spans all of it, so the caller's copy is left empty; keep a copy first if it is needed after.
 */
export function readInWorker(
  readerId: string,
  bytes: Uint8Array,
  options: WorkerReadOptions = {},
): Promise<Observation[]> {
  if (options.signal?.aborted) return Promise.reject(abortReason(options.signal));
  return canUseWorkers() ? inWorker(readerId, bytes, options) : inThread(readerId, bytes, options);
}

/** The worker's error as the reader threw it, so `instanceof LayoutError` works on this side too. */
export function rebuildError(name: string, message: string): Error {
  if (name === "LayoutError") return new LayoutError(message);
  if (name === "SpreadsheetError") return new SpreadsheetError(message);
  const error = new Error(message);
  error.name = name;
  return error;
}

const abortReason = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException("The read was aborted", "AbortError");

/** A whole ArrayBuffer holding exactly `bytes`: its own buffer when it spans it, else a copy. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  if (whole && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

function inWorker(readerId: string, bytes: Uint8Array, options: WorkerReadOptions): Promise<Observation[]> {
  const { period, onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    // An entry of the build (webpack.config.js), beside the page that runs the pane.
    const worker = new Worker("publisher-worker.js");
    const progress = onProgress && throttleProgress(onProgress);
    const finish = (settle: () => void) => {
      worker.terminate();
      signal?.removeEventListener("abort", onAbort);
      settle();
    };
    const onAbort = () => finish(() => reject(abortReason(signal!)));
    signal?.addEventListener("abort", onAbort, { once: true });

    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === "progress") progress?.(reply.fraction);
      else if (reply.type === "done") finish(() => resolve(reply.observations));
      else finish(() => reject(rebuildError(reply.name, reply.message)));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish(() =>
        reject(new Error(`The publisher file reader could not run: ${event.message || "unknown error"}`)),
      );
    };
    worker.onmessageerror = () =>
      finish(() => reject(new Error("The publisher file reader sent back a reply that could not be read")));

    const buffer = ownBuffer(bytes);
    const request: ReadRequest = { id: readerId, bytes: buffer, period };
    worker.postMessage(request, [buffer]);
  });
}

async function inThread(
  readerId: string,
  bytes: Uint8Array,
  options: WorkerReadOptions,
): Promise<Observation[]> {
  if (options.signal?.aborted) throw abortReason(options.signal);
  const onProgress = options.onProgress && throttleProgress(options.onProgress);
  return readPublisherFile(readerId, bytes, { period: options.period, onProgress });
}
