// What the publisher worker does with one message, as a plain function so it is tested in Node without a
// worker: read the file with the publisher's reader, posting progress, then the observations or the error.
import { readerFor, type PublisherReader } from "../core/publishers/index.js";
import { throttleProgress } from "./progress.js";
import type { ReadRequest, WorkerReply } from "./protocol.js";

export type Post = (reply: WorkerReply) => void;

/** The error as it crosses to the pane: its name (LayoutError, SpreadsheetError, …) and message. */
export function errorReply(error: unknown): WorkerReply {
  if (error instanceof Error) return { type: "error", name: error.name, message: error.message };
  return { type: "error", name: "Error", message: String(error) };
}

function checkRequest(data: unknown): ReadRequest {
  const r = data as Partial<ReadRequest> | null;
  if (
    typeof r !== "object" ||
    r === null ||
    typeof r.id !== "string" ||
    !(r.bytes instanceof ArrayBuffer) ||
    (r.period !== undefined && typeof r.period !== "string")
  )
    throw new TypeError("The publisher worker was sent something other than {id, bytes, period?}");
  return r as ReadRequest;
}

/** Handles one request, posting progress and then exactly one done or error reply. Never throws. */
export function handleRequest(
  data: unknown,
  post: Post,
  readers: (id: string) => PublisherReader = readerFor,
): void {
  try {
    const { id, bytes, period } = checkRequest(data);
    const onProgress = throttleProgress((fraction) => post({ type: "progress", fraction }));
    const observations = readers(id).read(new Uint8Array(bytes), { period, onProgress });
    post({ type: "done", observations });
  } catch (error) {
    post(errorReply(error));
  }
}
