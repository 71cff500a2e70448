// The commands of the command line: score files or the shipped data, list metrics, read publishers' files,
// build snapshots, export.
import { choice, parseArgs, UsageError } from "./args.js";
import { exportCsv, exportXlsx } from "./export.js";
import { metricsCsv } from "./metrics.js";
import { profileCsv } from "./profile.js";
import { publisherFileCsv } from "./publisherFile.js";
import { themesCsv } from "./themes.js";
import { scoreMetricCsv } from "./scoreMetric.js";
import { scoreFileOutput, type ScoreOutput } from "./scoreStream.js";
import { shippedBenchmarks } from "./shipped.js";
import { snapshotJson } from "./snapshot.js";
import { findMetric } from "../core/catalogue/index.js";
import { PUBLISHER_READERS } from "../core/publishers/index.js";

const USAGE = `Usage:
  cli score FILE [--format lade|els|tidy] [--polarity higher|lower|none] [--metric M] [--period P] [--out FILE]
  cli score --metric ID [--period P] [--council CODE_OR_NAME] [--group tier|type|region|nearest] [--out FILE]
  cli profile --council CODE_OR_NAME [--group tier|type|region|nearest] [--period P] [--out FILE]
  cli themes --council CODE_OR_NAME [--group tier|type|region|nearest] [--period P] [--out FILE]
  cli metrics [--out FILE]
  cli read FILE --as ${PUBLISHER_READERS.map((r) => r.id).join("|")} [--period P] [--out FILE]
  cli snapshot --sources SOURCE[,...] --out FILE.json [--created DATE]
    SOURCE: a file, an https URL, a source id, a publisher's file ID (newest release, downloaded),
    ID=FILE (a local copy of it) or mhclg-planning-p153@YE2025-12=FILE; downloads use the mirrors
    in GOVUK_ORIGIN, GITHUB_API and GITHUB_RAW when set
  cli export [--metric ID] [--period P] [--out FILE]
  cli export [FILE] [--metric ID] [--period P] --out OUT.xlsx`;

const GROUPS = ["tier", "type", "region", "nearest"] as const;

type Output = { text: string; bytes?: Uint8Array; out?: string; notes?: string[] };
/** Output made in pieces as it is written: `score FILE` of a large file is never held whole. */
type Streamed = Omit<Output, "text"> & { chunks: ScoreOutput["chunks"] };

/**
 * Runs one command; returns the text for stdout (or --out) and notes for stderr. Errors are thrown and
 * printed by `main`.
 */
export async function run(argv: readonly string[]): Promise<Output> {
  const { chunks, ...rest } = await runStreamed(argv);
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return { text, ...rest };
}

/** `run` with the output in pieces, for `main` to write as they come. */
export async function runStreamed(argv: readonly string[]): Promise<Streamed> {
  const result = await execute(argv);
  return "chunks" in result ? result : { ...result, chunks: [result.text] };
}

async function execute(argv: readonly string[]): Promise<Output | Streamed> {
  const [command, ...rest] = argv;
  switch (command) {
    case "score": {
      const args = parseArgs(rest, ["format", "polarity", "out", "metric", "period", "council", "group"]);
      const [file, ...extra] = args.positional;
      if (extra.length) throw new UsageError(`Unexpected argument(s): ${extra.join(" ")}`);
      const out = args.flags.get("out");
      if (file) {
        for (const flag of ["council", "group"])
          if (args.flags.has(flag))
            throw new UsageError(
              `--${flag} works with the shipped data (score --metric ID --council NAME), not with a FILE; ` +
                "use --metric and --period to choose rows of a file",
            );
        const { chunks, notes } = await scoreFileOutput(file, {
          format: choice(args, "format", ["lade", "els", "tidy"] as const),
          polarity: choice(args, "polarity", ["higher", "lower", "none"] as const),
          knownPolarity: (metric) => findMetric(metric)?.polarity,
          metric: args.flags.get("metric"),
          period: args.flags.get("period"),
        });
        return { chunks, out, notes };
      }
      for (const flag of ["format", "polarity"])
        if (args.flags.has(flag)) throw new UsageError(`--${flag} goes with a FILE to score`);
      const metric = args.flags.get("metric");
      if (!metric) throw new UsageError("score needs a FILE or --metric ID");
      const options = {
        metric,
        period: args.flags.get("period"),
        council: args.flags.get("council"),
        group: choice(args, "group", GROUPS),
      };
      return { text: scoreMetricCsv(await shippedBenchmarks(), options), out };
    }
    case "profile":
    case "themes": {
      // The same arguments: whose profile or ratings, within which group, in which period.
      const args = parseArgs(rest, ["council", "group", "period", "out"]);
      const council = args.flags.get("council");
      if (!council) throw new UsageError(`${command} needs --council CODE_OR_NAME`);
      const options = { group: choice(args, "group", GROUPS), period: args.flags.get("period") };
      const csv = command === "profile" ? profileCsv : themesCsv;
      return { text: csv(await shippedBenchmarks(), council, options), out: args.flags.get("out") };
    }
    case "metrics": {
      const args = parseArgs(rest, ["out"]);
      return { text: metricsCsv(await shippedBenchmarks()), out: args.flags.get("out") };
    }
    case "read": {
      const args = parseArgs(rest, ["as", "period", "out"]);
      const [file, ...extra] = args.positional;
      if (!file) throw new UsageError("read needs the publisher's FILE and --as ID");
      if (extra.length) throw new UsageError(`Unexpected argument(s): ${extra.join(" ")}`);
      const text = await publisherFileCsv(file, {
        as: args.flags.get("as"),
        period: args.flags.get("period"),
      });
      return { text, out: args.flags.get("out") };
    }
    case "snapshot": {
      const args = parseArgs(rest, ["sources", "out", "created"]);
      const out = args.flags.get("out");
      if (!out) throw new UsageError("snapshot needs --out FILE.json");
      const sources = (args.flags.get("sources") ?? "").split(",").filter(Boolean);
      const created = args.flags.get("created") ?? new Date().toISOString().slice(0, 10);
      return { text: await snapshotJson(sources, created), out };
    }
    case "export": {
      const args = parseArgs(rest, ["metric", "period", "out", "format", "polarity"]);
      const [file, ...extra] = args.positional;
      if (extra.length) throw new UsageError(`Unexpected argument(s): ${extra.join(" ")}`);
      const out = args.flags.get("out");
      if (file || out?.toLowerCase().endsWith(".xlsx")) {
        if (!out?.toLowerCase().endsWith(".xlsx"))
          throw new UsageError("export FILE writes a workbook: give --out OUT.xlsx");
        return { text: "", bytes: await exportXlsx(file, args), out };
      }
      const text = exportCsv(await shippedBenchmarks(), args.flags.get("metric"), args.flags.get("period"));
      return { text, out };
    }
    case undefined:
    case "help":
    case "--help":
      return { text: USAGE + "\n" };
    default:
      throw new UsageError(`Unknown command "${command}". ${USAGE}`);
  }
}
