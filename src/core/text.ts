// Bytes of a data file as text, or a plain reason why they are not a UTF-8 text file.
import { FormatError } from "./parsers/csv.js";

/**
 * Decodes a UTF-8 file (a BOM is allowed). UTF-16 files, spreadsheets, zip and other binary files are
 * refused with what to do, never echoed: their bytes could hold terminal escape sequences.
 */
export function decodeText(bytes: Uint8Array): string {
  refuseBinary(bytes);
  let text: string;
  try {
    text = new Utf8Decoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new FormatError(NOT_UTF8);
  }
  refuseControls(text);
  return text;
}

/**
 * decodeText for a file read in pieces, with the same refusals: the first 4,096 bytes are held until they
 * are all in (they show a binary file), and each piece is decoded and checked as it comes.
 */
export class TextPieces {
  private readonly decoder = new Utf8Decoder("utf-8", { fatal: true });
  private head: Uint8Array | undefined = new Uint8Array(0);

  decode(bytes: Uint8Array, last: boolean): string {
    let b = bytes;
    if (this.head) {
      b = concat(this.head, bytes);
      if (b.length < 4096 && !last) {
        this.head = b === bytes ? bytes.slice() : b; // the caller may reuse its buffer
        return "";
      }
      this.head = undefined;
      refuseBinary(b);
    }
    let text: string;
    try {
      text = this.decoder.decode(b, { stream: !last });
    } catch {
      throw new FormatError(NOT_UTF8);
    }
    refuseControls(text);
    return text;
  }
}

const NOT_UTF8 = "The file is not UTF-8 text; save it as CSV UTF-8 and try again";

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Control characters other than tab, line feed and carriage return do not belong in a CSV or JSON file. */
function refuseControls(text: string): void {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text))
    throw new FormatError("The file is not text (it holds control characters); save it as CSV UTF-8");
}

/** UTF-16, spreadsheets, zip and other binary files, told by their first bytes. */
function refuseBinary(bytes: Uint8Array): void {
  const b = bytes;
  const bom16 = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
  const utf16 = "The file is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel) and try again";
  if (bom16) throw new FormatError(utf16);
  if (startsWith(b, ZIP))
    throw new FormatError(
      "The file is not text: it looks like a spreadsheet or zip file. Save the sheet as CSV UTF-8",
    );
  if (startsWith(b, OLE))
    throw new FormatError(
      "The file is not text: it looks like an Excel .xls workbook. Save the sheet as CSV UTF-8",
    );
  if (looksUtf16(b)) throw new FormatError(utf16);
  if (b.subarray(0, 4096).includes(0))
    throw new FormatError("The file is not text (it holds NUL bytes); save it as CSV UTF-8");
}

/** The platform's TextDecoder (Node and browsers), typed here: the core library compiles without DOM types. */
export const Utf8Decoder = (
  globalThis as unknown as {
    TextDecoder: new (
      label?: string,
      options?: { fatal?: boolean },
    ) => { decode(bytes?: Uint8Array, options?: { stream?: boolean }): string };
  }
).TextDecoder;

/** Zip (xlsx, ods and other zipped files: local file, empty archive or spanned signature) and OLE2 (xls). */
const ZIP = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
];
const OLE = [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]];

function startsWith(b: Uint8Array, signatures: readonly (readonly number[])[]): boolean {
  return signatures.some((sig) => sig.length <= b.length && sig.every((x, i) => b[i] === x));
}

/**
 * UTF-16 without a BOM: in mostly-ASCII text one byte of each pair is zero (the high byte: odd positions
 * for little-endian, even for big-endian) and the other almost never is. Other files with zeros are binary.
 */
function looksUtf16(b: Uint8Array): boolean {
  const pairs = Math.min(b.length, 1024) >> 1;
  if (pairs < 2) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs; i++) {
    if (b[2 * i] === 0) even++;
    if (b[2 * i + 1] === 0) odd++;
  }
  const [many, few] = even > odd ? [even, odd] : [odd, even];
  return many > pairs / 2 && few <= pairs / 20;
}
