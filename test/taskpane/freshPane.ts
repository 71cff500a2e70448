// Each pane test starts from nothing: the shipped data fetched from the repository, no session or workbook
// left on globalThis by an earlier test (src/excel/addin.ts keeps them there), and after it a clean DOM,
// globals and no fake Office.
import { cleanup } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";
import { resetShippedBenchmarks } from "../../src/sources/shipped.js";
import { repoDataFetch } from "../excel/shipped.js";
import { uninstallFakeOffice } from "../fakes/fakeExcel.js";

/** Registers the hooks; `clearStorage` also forgets what the pane remembered (my council, the group). */
export function freshPaneEachTest(options: { clearStorage?: boolean } = {}): void {
  beforeEach(() => {
    vi.stubGlobal("fetch", repoDataFetch);
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("council-benchmarks.addin")];
    resetShippedBenchmarks();
    if (options.clearStorage) localStorage.clear();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    uninstallFakeOffice(globalThis);
  });
}
