// Task pane entry, used by taskpane.html (inside Excel) and preview.html (any browser, no Office).
import { createRoot } from "react-dom/client";
import { App } from "./App.js";

/** How long to wait for Office.onReady before rendering anyway. */
const READY_TIMEOUT_MS = 3000;

// preview.html has no office.js at all, and office.js in a plain browser resolves onReady with no host
// (or, offline, never loads), so every one of those cases yields null.
async function detectOfficeHost(): Promise<string | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), READY_TIMEOUT_MS));
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    return info?.host ? String(info.host) : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  // Render whatever the outcome: without Excel the pane still works as a preview.
  const host = await detectOfficeHost();
  createRoot(container).render(<App host={host} />);
}

void main();
