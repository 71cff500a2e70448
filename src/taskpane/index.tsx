// Task pane entry, used by taskpane.html (inside Excel) and preview.html (any browser, no Office).
import { createRoot } from "react-dom/client";
import { Startup } from "./Startup.js";

// preview.html has no office.js at all, and offline office.js never loads: both open the preview at once.
// office.js in a plain browser resolves onReady with no host, which opens the preview too.
function officeReady(): (() => Promise<{ host?: unknown } | null>) | undefined {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return undefined;
  return () => Office.onReady();
}

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container element");
createRoot(container).render(<Startup onReady={officeReady()} />);
