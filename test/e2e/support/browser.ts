// What the fake Office script (fakeOfficeEntry.ts) leaves on `window` for the tests to read and steer, typed
// for page.evaluate callbacks.
import type { FakeExcelHost } from "../../fakes/fakeExcel.js";

export type CustomFunction = (...args: unknown[]) => unknown;

export interface FakeOfficeHandle {
  /** The in-memory workbook behind Excel.run (values(), table(), failSync(), …) and the ribbon actions. */
  host: FakeExcelHost;
  /** CustomFunctions.associate() registrations: function id → implementation. */
  functions: Map<string, CustomFunction>;
  /** Every associate() call's id, in order (an id twice means the add-in registered it twice). */
  associations: string[];
  /** Office.context.document.settings, as saved. */
  settings: Map<string, unknown>;
}

declare global {
  interface Window {
    __fakeOffice?: FakeOfficeHandle;
  }
}
