// Ribbon commands. Loaded by taskpane.html (the shared runtime), so the handlers share state with the
// task pane and custom functions.
import { refreshAll } from "./refreshAll.js";

async function onRefreshAll(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await refreshAll();
  } catch (err) {
    console.error("Refresh all failed", err);
  } finally {
    // Office shows a spinner on the button until completed() is called, even after an error.
    event.completed();
  }
}

// Outside Office (preview page, tests) there is no Office global and nothing to register with.
if (typeof Office !== "undefined") {
  Office.onReady(() => Office.actions.associate("refreshAll", onRefreshAll));
}
