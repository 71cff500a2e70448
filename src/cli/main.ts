#!/usr/bin/env node
// The command line over the core. Usage: npm run --silent cli -- help
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import { NotFound } from "../core/benchmarks.js";
import { FormatError } from "../core/parsers/index.js";
import { SnapshotError } from "../core/snapshot.js";
import { SourceError } from "../sources/sourceError.js";
import { UsageError } from "./args.js";
import { runStreamed } from "./run.js";
import { terminalLine } from "./terminal.js";

/**
 * Errors the user can fix (bad input, unknown names, a source that cannot be downloaded: unreachable,
 * refused, cut off) exit 2; anything else exits 1: a bug, or a publisher's file its reader cannot follow
 * (LayoutError: the layout changed; SpreadsheetError: not the spreadsheet).
 */
function isInputError(e: unknown): boolean {
  if (
    e instanceof UsageError ||
    e instanceof FormatError ||
    e instanceof NotFound ||
    e instanceof SnapshotError ||
    e instanceof SourceError
  ) {
    return true;
  }
  return e instanceof Error && "code" in e && typeof (e as { code: unknown }).code === "string";
}

async function main(): Promise<void> {
  // `cli read … | head`: the reader of stdout has gone, which is no error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    else throw e;
  });
  try {
    const { chunks, bytes, out, notes = [] } = await runStreamed(process.argv.slice(2));
    for (const note of notes) process.stderr.write(`note: ${terminalLine(note)}\n`);
    if (out) await writeFile(out, bytes ?? chunks);
    else {
      // Piece by piece, waiting when the reader is slower, so the output is never held whole.
      for await (const chunk of chunks) if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`error: ${terminalLine(message)}\n`);
    process.exitCode = isInputError(e) ? 2 : 1;
  }
}

await main();
