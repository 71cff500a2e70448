// Headers that keep what the server hands out from running as a page of the add-in's origin.

export { PAGE_CSP } from "./pageCsp.mjs";

/** On every answer of the data proxy, errors included: nothing it returns is sniffed, framed or run. */
export const PROXY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "sandbox; default-src 'none'",
  "cross-origin-resource-policy": "same-origin",
};

/** The types the add-in's readers accept; anything else a publisher labels its file is sent as bytes. */
const READABLE_TYPES = new Set([
  "text/csv",
  "text/plain",
  "application/json",
  "application/zip",
  "application/octet-stream",
  "application/vnd.ms-excel",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
]);

/** The publisher's type when a reader accepts it (text/html, SVG and the rest become bytes). */
export function safeContentType(type: string): string {
  const essence = type.split(";")[0].trim().toLowerCase();
  return READABLE_TYPES.has(essence) ? type : "application/octet-stream";
}
