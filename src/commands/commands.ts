// Ribbon commands. Bundled into functions.js (webpack.config.js), which taskpane.html (the shared runtime)
// loads before the pane, so the handlers share state with the task pane and custom functions.
import { describeError } from "../excel/errors.js";
import { refreshAll } from "./refreshAll.js";

export async function onRefreshAll(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const report = await refreshAll();
    // The pane lists each table's last refresh (kept in the workbook); the console has the detail.
    for (const f of report.failed) console.warn(`Refresh all: ${f.table} was not refreshed: ${f.message}`);
  } catch (err) {
    console.error("Refresh all failed:", describeError(err));
  } finally {
    // Office shows a spinner on the button until completed() is called, even after an error.
    event.completed();
  }
}

// Outside Office (preview page, tests) there is no Office global and nothing to register with; nor are there
// ribbon actions where functions.js runs on its own (Excel's JavaScript-only custom functions runtime).
if (typeof Office !== "undefined") {
  Office.onReady(() => {
    if (Office.actions) Office.actions.associate("refreshAll", onRefreshAll);
  });
}
