import { open, readFile } from "node:fs/promises";
import { decodeText, TextPieces } from "../core/text.js";

/** A data file's text; UTF-16, spreadsheets and binary files are refused with what to do. */
export async function readTextFile(path: string | URL): Promise<string> {
  return decodeText(await readFile(path));
}

/**
 * readTextFile 64 KB at a time, with the same refusals, for files too large to hold whole. (Pieces of a
 * megabyte were no faster and left the process 70 MB bigger: each piece's text is a large object to V8.)
 */
export async function* readTextPieces(path: string | URL): AsyncGenerator<string> {
  const file = await open(path);
  try {
    const pieces = new TextPieces();
    const buffer = new Uint8Array(1 << 16);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      yield pieces.decode(buffer.subarray(0, bytesRead), false);
    }
    yield pieces.decode(new Uint8Array(0), true);
  } finally {
    await file.close();
  }
}
