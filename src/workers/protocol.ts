// The messages between the pane and the publisher worker (src/workers/publisherWorker.ts). Only plain,
// structured-cloneable data crosses: errors travel as their name and message and are rebuilt on this side.
import type { Observation } from "../core/model.js";

/** Pane → worker: read one publisher's file. `bytes` is transferred, not copied. */
export interface ReadRequest {
  /** The reader's id, e.g. "defra-env18" (core/publishers). */
  id: string;
  bytes: ArrayBuffer;
  period?: string;
}

/** Worker → pane: progress (throttled, rising, ending at 1), then exactly one of done or error. */
export type WorkerReply =
  | { type: "progress"; fraction: number }
  | { type: "done"; observations: Observation[] }
  | { type: "error"; name: string; message: string };
