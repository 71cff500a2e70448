// The built add-in's files (task pane, functions, manifest, icons) from one directory, and nothing outside it.

import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { sendJson } from "./respond.js";
import { PAGE_CSP } from "./securityHeaders.js";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * The file under `root` that a request path names, or undefined when there is none or it would lie outside
 * `root` (via "..", encoded slashes or a symbolic link).
 */
export async function resolveStaticFile(root: string, requestPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const realRoot = await realpath(root).catch(() => undefined);
  if (!realRoot) return undefined;
  let file = path.resolve(realRoot, `./${decoded}`);
  if (!isInside(realRoot, file)) return undefined;
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
    const real = await realpath(file);
    return isInside(realRoot, real) && (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root + path.sep);
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    sendJson(res, 405, { error: `method ${req.method} not allowed` }, { allow: "GET, HEAD" });
    return;
  }
  const pathname = (req.url ?? "/").split("?")[0].split("#")[0];
  const file = await resolveStaticFile(root, pathname);
  if (!file) {
    sendJson(res, 404, { error: "not found" });
    return;
  }
  const { size } = await stat(file);
  res.writeHead(200, {
    "content-type": contentTypeFor(file),
    "content-length": String(size),
    "x-content-type-options": "nosniff",
    ...(/\.html$/i.test(file) ? { "content-security-policy": PAGE_CSP } : {}),
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
}
