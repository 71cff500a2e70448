// Progress of an insert or refresh, for the pane's progress bar: how many steps of how many are done,
// and what is happening now. A callback that throws never stops the work.

/** Called with the steps done so far, the total (fixed for one operation) and what is happening. */
export type Progress = (done: number, total: number, what: string) => void;

/** A Progress that is safe to call: nothing when none is given; a throwing callback is only logged. */
export function progressReporter(onProgress?: Progress): Progress {
  return (done, total, what) => {
    if (!onProgress) return;
    try {
      onProgress(done, total, what);
    } catch (e) {
      console.error("The progress callback failed", e);
    }
  };
}
