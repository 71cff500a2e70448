// The workbook's custom comparator groups, read again whenever the pane gets focus: users edit the
// ComparatorGroups table in the sheet, then come back to the pane.
import { useCallback, useEffect, useState } from "react";
import type { CustomGroup } from "../core/groups.js";
import { describeError } from "../excel/errors.js";
import type { BenchmarkWorkbook } from "../excel/index.js";

export interface CustomGroups {
  /** Undefined until read, or when the workbook has no ComparatorGroups table. */
  groups?: CustomGroup[];
  /** Whether the table was found; undefined until read (and outside Excel). */
  hasTable?: boolean;
  /** Why the table could not be read. */
  error?: string;
  reload: () => void;
}

export function useCustomGroups(workbook?: () => Promise<BenchmarkWorkbook>): CustomGroups {
  const [state, setState] = useState<Omit<CustomGroups, "reload">>({});

  const reload = useCallback(() => {
    if (!workbook) return;
    workbook()
      .then((w) => w.customGroups())
      .then(
        (groups) => setState({ groups, hasTable: groups !== undefined }),
        (e: unknown) => setState({ hasTable: true, error: describeError(e) }),
      );
  }, [workbook]);

  useEffect(() => {
    reload();
    window.addEventListener("focus", reload);
    return () => window.removeEventListener("focus", reload);
  }, [reload]);

  return { ...state, reload };
}
