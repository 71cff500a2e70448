// Loads the data the first time something needs it, and remembers a failure so the pane can say why.
import { useCallback, useRef, useState } from "react";
import { describeError } from "../excel/errors.js";
import type { DataSession } from "../excel/index.js";

export interface DataState {
  status: "idle" | "loading" | "ready" | "error";
  session?: DataSession;
  error?: string;
  /** Bumped whenever the data changes (a source or file added), so lists re-read it. */
  revision: number;
}

export interface Data extends DataState {
  /** The data, loading it if needed; undefined when loading failed (the error is in the state). */
  ensure: () => Promise<DataSession | undefined>;
  changed: () => void;
}

export function useData(open: () => Promise<DataSession>): Data {
  const [state, setState] = useState<DataState>({ status: "idle", revision: 0 });
  const loading = useRef<Promise<DataSession | undefined> | undefined>(undefined);

  const ensure = useCallback(() => {
    loading.current ??= (async () => {
      setState((s) => ({ ...s, status: "loading", error: undefined }));
      try {
        const session = await open();
        setState((s) => ({ ...s, status: "ready", session }));
        return session;
      } catch (e) {
        loading.current = undefined; // the next use tries again
        setState((s) => ({ ...s, status: "error", error: describeError(e) }));
        return undefined;
      }
    })();
    return loading.current;
  }, [open]);

  const changed = useCallback(() => setState((s) => ({ ...s, revision: s.revision + 1 })), []);
  return { ...state, ensure, changed };
}
