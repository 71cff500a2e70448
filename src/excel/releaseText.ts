// How a publisher's release is named in the pane and in the tables: its title and dates, in words. Apart
// from releases.ts (which downloads releases), so the pane's first paint can use them without that code.
import type { ReleaseInfo } from "../core/snapshot.js";

/** 12 Mar 2025 */
export function shortDate(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  return new Date(t).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** "Release: <title>, published 12 Mar 2025; checked 2 Dec 2026." — for a table's source line. */
export function releaseLine(r: ReleaseInfo): string {
  const checked = r.checked ? `; checked ${shortDate(r.checked)}` : "";
  return `Release: ${releaseName(r)}${checked}.`;
}

/** "<title>, published 12 Mar 2025" */
const releaseName = (r: ReleaseInfo): string =>
  `${r.title ?? r.publication}${r.released ? `, published ${shortDate(r.released)}` : ""}`;

/** What a failed refresh leaves in use, for its message. */
export function stillInUse(r: ReleaseInfo | undefined): string {
  if (!r) return "The data already loaded is still in use.";
  return `Still using ${releaseName(r)}.`;
}
