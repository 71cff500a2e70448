// Reading a response body without trusting the server about its size. Shared with the data proxy.

import { SourceError } from "./sourceError.js";

const MB = 1024 * 1024;

export function formatBytes(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * The whole body, failing with `tooLarge(size)` as soon as more than `maxBytes` have arrived: a declared
 * Content-Length is checked first, but counting is what protects against a wrong header or an endless stream.
 */
export async function readBytesCapped(
  response: Response,
  maxBytes: number,
  tooLarge: (size: string) => Error,
  cutOff?: (received: number, expected: number | undefined, cause?: unknown) => Error,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    await discardBody(response);
    throw tooLarge(formatBytes(declared));
  }
  // Content-Length counts the bytes sent: compressed ones when there is a Content-Encoding, not what we read.
  const encoding = (response.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  const expected = Number.isFinite(declared) && encoding === "identity" ? declared : undefined;
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (error) {
      // The connection dropped part-way (Node's fetch says only "terminated").
      throw cutOff ? cutOff(received, expected, error) : error;
    }
    const { done, value } = next;
    if (done) {
      // A runtime that does not check the length itself would hand on a short body as if complete.
      if (cutOff && expected !== undefined && received < expected) throw cutOff(received, expected);
      break;
    }
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`more than ${formatBytes(maxBytes)}`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as bytes, failing as a SourceError past `maxBytes` or when it stops short. */
export function readBytes(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  return readBytesCapped(
    response,
    maxBytes,
    (size) => tooLarge(url, size, maxBytes),
    (received, expected, cause) => cutOff(url, received, expected, cause),
  );
}

const count = (bytes: number) => `${bytes.toLocaleString("en-GB")} byte${bytes === 1 ? "" : "s"}`;

function cutOff(url: string, received: number, expected: number | undefined, cause: unknown): SourceError {
  const got =
    expected === undefined
      ? `after ${count(received)}`
      : `(${received.toLocaleString("en-GB")} of ${count(expected)} arrived)`;
  return new SourceError("truncated", url, `the download was cut off ${got}; try again`, { cause });
}

function tooLarge(url: string, size: string, maxBytes: number): SourceError {
  return new SourceError(
    "too-large",
    url,
    `the file is too large (${size}; the limit is ${formatBytes(maxBytes)})`,
  );
}

/** The body as text; TextDecoder drops a leading UTF-8 byte-order mark (the ONS ELS CSVs start with one). */
export async function readTextCapped(response: Response, maxBytes: number, url: string): Promise<string> {
  const bytes = await readBytes(response, maxBytes, url);
  return new TextDecoder().decode(bytes);
}

/** Releases the connection; a body that already failed has nothing left to release. */
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** A short reason from an error response: the data proxy answers `{ "error": "..." }`; HTML pages are noise. */
export async function errorDetail(response: Response): Promise<string> {
  if (!(response.headers.get("content-type") ?? "").includes("json")) {
    await discardBody(response);
    return "";
  }
  try {
    const body: unknown = JSON.parse((await response.text()).slice(0, 4096));
    const message = (body as { error?: unknown } | null)?.error;
    return typeof message === "string" ? `: ${message}` : "";
  } catch {
    return "";
  }
}
