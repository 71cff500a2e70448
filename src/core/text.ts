// Bytes of a data file as text, or a plain reason why they are not a UTF-8 text file.
import { FormatError } from "./parsers/csv.js";

/**
 * Decodes a UTF-8 file (a BOM is allowed). UTF-16 files, spreadsheets, zip and other binary files are
 * refused with what to do, never echoed: their bytes could hold terminal escape sequences.
 */
export function decodeText(bytes: Uint8Array): string {
  const b = bytes;
  const bom16 = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
  if (!bom16 && b[0] === 0x50 && b[1] === 0x4b)
    throw new FormatError(
      "The file is not text: it looks like a spreadsheet or zip file. Save the sheet as CSV UTF-8",
    );
  if (bom16 || looksUtf16(b))
    throw new FormatError("The file is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel) and try again");
  let text: string;
  try {
    text = new Utf8Decoder("utf-8", { fatal: true }).decode(b);
  } catch {
    throw new FormatError("The file is not UTF-8 text; save it as CSV UTF-8 and try again");
  }
  // Control characters other than tab, line feed and carriage return do not belong in a CSV or JSON file.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text))
    throw new FormatError("The file is not text (it holds control characters); save it as CSV UTF-8");
  return text;
}

/** The platform's TextDecoder (Node and browsers), typed here: the core library compiles without DOM types. */
const Utf8Decoder = (
  globalThis as unknown as {
    TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
  }
).TextDecoder;

/** UTF-16 without a BOM: every other byte of ASCII text is zero. */
function looksUtf16(b: Uint8Array): boolean {
  const n = Math.min(b.length, 512);
  if (n < 4) return false;
  let zeros = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) zeros++;
  return zeros > n / 4;
}
