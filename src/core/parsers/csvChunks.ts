// The CSV row reader, for text whole (readCsv) or in pieces: each row is handed on as soon as it is
// complete, so a large file is never held whole. It refuses broken quotes as it meets them; readCsv counts
// fields only after the last row, so callers that check fields row by row and need readCsv's exact first
// message read a refused file again.
import { FormatError } from "./formatError.js";

/** A row (reused for the next: copy what you keep) and the file line it starts on. */
export type RowHandler = (row: string[], line: number) => void;

export class CsvChunkReader {
  private rest = "";
  private line = 1;
  private started = false;
  private readonly row: string[] = [];
  private wanted: readonly boolean[] = [];

  /** `onRow` gets every non-blank row, the header first. */
  constructor(private readonly onRow: RowHandler) {}

  /**
   * Only these columns' text is needed: the others are still checked but handed on as "" (slicing a
   * million rows' unused fields was a third of the reading time). The first column is always given, so
   * blank lines are still told apart.
   */
  only(columns: readonly number[]): void {
    const wanted: boolean[] = [];
    for (const c of [0, ...columns]) if (c >= 0) wanted[c] = true;
    this.wanted = wanted;
  }

  push(text: string): void {
    if (!this.started && text) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.rest) {
      // Finish the row carried over on its own, rather than copy the whole piece behind it.
      const k = text.indexOf("\n");
      if (k === -1) {
        this.rest += text;
        return;
      }
      const left = this.read(this.rest + text.slice(0, k + 1), false);
      text = left ? left + text.slice(k + 1) : text.slice(k + 1);
    }
    this.rest = this.read(text, false);
  }

  /** The last row (which may have no line break); then every row has been handed on. */
  end(): void {
    this.read(this.rest, true);
    this.rest = "";
  }

  /** Reads the rows that are surely complete; returns the text left over, a row still arriving. */
  private read(src: string, final: boolean): string {
    const n = src.length;
    // Rows end at a line break; one ending in \r may still get its \n from the next piece.
    let limit = n;
    if (!final) {
      const end = src.charCodeAt(n - 1) === 13 ? n - 2 : n - 1;
      const nl = end < 0 ? -1 : src.lastIndexOf("\n", end);
      // A lone \r ends a row too, but is rare: look for one after the last \n only.
      const cr = src.indexOf("\r", nl + 1);
      limit = (cr !== -1 && cr <= end ? src.lastIndexOf("\r", end) : nl) + 1;
    }
    let i = 0;
    let nl = -1; // the next \n, \r and " at or after i (n for none), found once and reused
    let cr = -1;
    let quote = -1;
    while (i < limit) {
      const row = this.row;
      row.length = 0;
      const start = this.line;
      if (nl < i) nl = indexOr(src, "\n", i, n);
      if (cr < i) cr = indexOr(src, "\r", i, n);
      if (quote < i) quote = indexOr(src, '"', i, n);
      // Most rows end in \n or \r\n with no line break inside quotes: their fields are found by indexOf.
      let end = -1;
      if (nl < limit) end = cr === nl - 1 ? cr : cr > nl ? nl : -1;
      else if (final && cr === n) end = n;
      let at = end >= 0 ? this.fastRow(src, i, end, quote) : -1;
      let line = start + 1;
      if (at >= 0) at = end === n ? n : nl + 1;
      else {
        row.length = 0;
        const r = this.slowRow(src, i, n, limit, final);
        if (r === undefined) return src.slice(i); // the row runs on into the next piece
        [at, line] = r;
      }
      i = at;
      this.line = line;
      if (row.length === 1 && row[0].trim() === "") continue; // a blank line
      this.onRow(row, start);
    }
    return src.slice(i);
  }

  /**
   * The fields of a row in src[i, end) with no line break inside it; -1 when it needs slowRow (a quote
   * that is not a whole field, or one that runs past the line's end: slowRow finds the error or the row).
   */
  private fastRow(src: string, i: number, end: number, quote: number): number {
    const row = this.row;
    const wanted = this.wanted;
    const all = wanted.length === 0;
    let at = i;
    for (let c = 0; ; c++) {
      let next: number; // the comma or line end after the field
      if (at === quote) {
        let field = "";
        let j = at + 1;
        for (;;) {
          const q = src.indexOf('"', j);
          if (q === -1 || q >= end) return -1;
          field += src.slice(j, q);
          if (src.charCodeAt(q + 1) === 34) {
            field += '"';
            j = q + 2;
          } else {
            next = q + 1;
            break;
          }
        }
        if (next !== end && src.charCodeAt(next) !== 44) return -1;
        quote = indexOr(src, '"', next, src.length);
        row.push(all || wanted[c] ? field : "");
      } else {
        next = src.indexOf(",", at);
        if (next === -1 || next > end) next = end;
        if (quote < next) return -1; // a quote inside an unquoted field
        row.push(all || wanted[c] ? src.slice(at, next) : "");
      }
      if (next === end) return end;
      at = next + 1;
    }
  }

  /** readCsv's own reading of one row: [where the next row starts, its line], undefined if incomplete. */
  private slowRow(
    src: string,
    i: number,
    n: number,
    limit: number,
    final: boolean,
  ): [number, number] | undefined {
    const start = this.line;
    const row = this.row;
    let line = start;
    let at = i;
    for (;;) {
      let field: string;
      if (src.charCodeAt(at) === 34 /* " */) {
        field = "";
        let j = at + 1;
        for (;;) {
          const q = src.indexOf('"', j);
          if (q === -1 || q >= limit) {
            if (final) throw new FormatError(`Line ${start}: a quote opened here is never closed`);
            return undefined; // the closing quote is still to come
          }
          field += src.slice(j, q);
          if (src.charCodeAt(q + 1) === 34) {
            field += '"';
            j = q + 2;
          } else {
            at = q + 1;
            break;
          }
        }
        line += countNewlines(field);
        const c = src.charCodeAt(at);
        if (at < n && c !== 44 && c !== 10 && c !== 13)
          throw new FormatError(`Line ${line}: text after a closing quote; quote the whole field`);
      } else {
        let j = at;
        while (j < n) {
          const c = src.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          j++;
        }
        field = src.slice(at, j);
        if (field.includes('"')) throw new FormatError(`Line ${start}: a quote inside an unquoted field`);
        at = j;
      }
      row.push(field);
      if (at < n && src.charCodeAt(at) === 44) {
        at++;
        continue;
      }
      if (src.charCodeAt(at) === 13) at++;
      if (src.charCodeAt(at) === 10) at++;
      line++;
      break;
    }
    return at > limit ? undefined : [at, line];
  }
}

function indexOr(s: string, c: string, from: number, none: number): number {
  const k = s.indexOf(c, from);
  return k === -1 ? none : k;
}

function countNewlines(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) k++;
  }
  return k;
}
