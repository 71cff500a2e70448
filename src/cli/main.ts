#!/usr/bin/env node
import { writeFile } from "node:fs/promises";
import { FormatError } from "../core/parsers/index.js";
import { choice, parseArgs, UsageError } from "./args.js";
import { scoreFile } from "./scoreFile.js";

const USAGE = `Usage:
  cli score FILE [--format lade|els|tidy] [--polarity higher|lower|none] [--out FILE]`;

/** Runs one command; returns the text for stdout. Errors are thrown, printed by `main`. */
export async function run(argv: readonly string[]): Promise<{ text: string; out?: string }> {
  const [command, ...rest] = argv;
  switch (command) {
    case "score": {
      const args = parseArgs(rest, ["format", "polarity", "out"]);
      const [file, ...extra] = args.positional;
      if (!file) throw new UsageError("score needs a FILE");
      if (extra.length) throw new UsageError(`Unexpected argument(s): ${extra.join(" ")}`);
      const text = await scoreFile(file, {
        format: choice(args, "format", ["lade", "els", "tidy"] as const),
        polarity: choice(args, "polarity", ["higher", "lower", "none"] as const),
      });
      return { text, out: args.flags.get("out") };
    }
    case undefined:
    case "help":
    case "--help":
      return { text: USAGE + "\n" };
    default:
      throw new UsageError(`Unknown command "${command}". ${USAGE}`);
  }
}

async function main(): Promise<void> {
  try {
    const { text, out } = await run(process.argv.slice(2));
    if (out) await writeFile(out, text);
    else process.stdout.write(text);
  } catch (e) {
    const known = e instanceof UsageError || e instanceof FormatError || isFileError(e);
    process.stderr.write(`error: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    process.exitCode = known ? 2 : 1;
  }
}

function isFileError(e: unknown): boolean {
  return e instanceof Error && "code" in e && typeof (e as { code: unknown }).code === "string";
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ");
}

await main();
