// The dedicated worker that reads publishers' files off the pane's thread (ENV18 is 22 MB of XML; parsing
// it in the pane would freeze Excel's task pane for a second or more). Started by sources/workerReader.ts,
// one per file, and terminated once it has answered.
import { handleRequest } from "./handleRequest.js";
import type { WorkerReply } from "./protocol.js";

// tsconfig's lib is DOM, not WebWorker: the two members used here, typed by hand.
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: WorkerReply): void;
};

scope.onmessage = (event) => handleRequest(event.data, (reply) => scope.postMessage(reply));
