// Streaming XML over bytes: the text is decoded and parsed a chunk at a time, so a 22 MB sheet never
// becomes one 44 MB string or a DOM.
import { Utf8Decoder } from "../text.js";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { SpreadsheetError } from "./types.js";

export interface XmlHandlers {
  open(tag: SaxesTagPlain): void;
  close(name: string): void;
  text(text: string): void;
}

const CHUNK = 1 << 20;

export function parseXml(
  bytes: Uint8Array,
  handlers: XmlHandlers,
  what: string,
  onProgress?: (fraction: number) => void,
): void {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (tag) => handlers.open(tag as SaxesTagPlain));
  parser.on("closetag", (tag) => handlers.close(tag.name));
  parser.on("text", (text) => handlers.text(text));
  const decoder = new Utf8Decoder("utf-8");
  for (let at = 0; at < bytes.length && !failure; at += CHUNK) {
    const end = Math.min(at + CHUNK, bytes.length);
    parser.write(decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length }));
    onProgress?.(end / bytes.length);
  }
  if (!failure) parser.close();
  if (failure) throw new SpreadsheetError(`${what} holds damaged XML: ${failure.message.split("\n")[0]}`);
}
