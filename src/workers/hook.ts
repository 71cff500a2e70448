// A separate entry (worker-hook.js), loaded by no page of the add-in: it puts readInWorker on
// globalThis so the e2e test (test/e2e/worker.e2e.ts), or someone checking a file in a browser's console,
// can read a publisher's file through the real worker as the build ships it. It stays out of first paint.
import { canUseWorkers, readInWorker } from "../sources/workerReader.js";

Object.assign(globalThis, { councilBenchmarksWorker: { readInWorker, canUseWorkers } });
