// What the add-in's pages weigh. Lists what taskpane.html loads before its first paint: the scripts its
// <script> tags name (office.js is Microsoft's, from its CDN, and not counted) and the chunks those wait for
// before they start (a webpack entry split over several chunks names them in its startup, `.O(0,[ids])`),
// each file's size raw and gzipped (level 9), and the total; then functions.js alone, which Excel's
// JavaScript-only custom functions runtime loads with no page; then the chunks loaded later, on demand (not
// counted). Prints PASS or MISS against the budgets, and exits with 1 on a MISS.
// Run after `npm run build`: npx tsx bench/bundle.ts [dist folder, default dist/]
// test/foundation/bundleSize.test.ts checks the same budgets on a build of its own.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export const KB = 1000;
/** Everything taskpane.html loads before the pane is usable, gzipped. */
export const FIRST_PAINT_BUDGET = 200 * KB;
/** functions.js on its own, gzipped. */
export const FUNCTIONS_BUDGET = 60 * KB;

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
  /** Why it is loaded: a <script> tag of the page, or a chunk a script waits for. */
  via: string;
}

export interface Measurement {
  /** What taskpane.html loads before first paint, in load order. */
  firstPaint: FileSize[];
  functions: FileSize;
  /** The add-in's other chunks, loaded on demand (or by no page); not counted. */
  later: FileSize[];
  /** Problems found in the build: a chunk a script waits for that no file holds, and the like. */
  problems: string[];
}

/** The src of every <script> in a built page, in order (html-webpack-plugin minifies, so quotes are optional). */
export const scriptSources = (html: string): string[] =>
  [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s">]+))/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );

const isExternal = (src: string) => /^(https?:)?\/\//.test(src);

function sizeOf(dir: string, file: string, via: string): FileSize {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, via };
}

// A chunk that is not a runtime starts `(globalThis.webpackChunk<name>=…||[]).push([[ids],{modules},startup])`;
// its startup, when the entry is split over several chunks, first waits for them: `<require>.O(0,[ids],…)`.
const declaredIds = (code: string): string[] =>
  code
    .slice(0, 400)
    .match(/\.push\(\[\[([^\]]*)\]/)?.[1]
    .split(",")
    .filter(Boolean) ?? [];
const startupIds = (code: string): string[] =>
  [...code.matchAll(/\.O\((?:0|void 0),\[([^\]]*)\]/g)].flatMap((m) => m[1].split(",").filter(Boolean));
/** A runtime chunk (functions.js) is an IIFE that defines the webpack require function; a chunk pushes. */
const isChunk = (code: string): boolean => declaredIds(code).length > 0;

/** Measures a build: `dir` holds taskpane.html, functions.js and the chunks. */
export function measure(dir: string): Measurement {
  const problems: string[] = [];
  const scripts = readdirSync(dir).filter((f) => f.endsWith(".js"));
  const code = new Map(scripts.map((f) => [f, readFileSync(join(dir, f), "utf8")]));
  // Which file holds each chunk id.
  const fileOf = new Map<string, string>();
  for (const [file, text] of code) for (const id of declaredIds(text)) fileOf.set(id, file);

  const html = readFileSync(join(dir, "taskpane.html"), "utf8");
  const tags = scriptSources(html).filter((src) => !isExternal(src));
  const firstPaint: FileSize[] = [];
  const counted = new Set<string>();
  const add = (file: string, via: string) => {
    if (counted.has(file)) return;
    if (!code.has(file)) {
      problems.push(`taskpane.html loads ${file}, which the build does not have`);
      return;
    }
    counted.add(file);
    firstPaint.push(sizeOf(dir, file, via));
  };
  let runtime = false;
  for (const src of tags) {
    const file = src.replace(/^\.\//, "");
    const text = code.get(file);
    if (text !== undefined && !isChunk(text)) runtime = true;
    else if (text !== undefined && !runtime)
      problems.push(`${file} needs a webpack runtime no earlier script has`);
    // The chunks this script waits for before it starts: loaded before first paint whatever loads them.
    for (const id of text ? startupIds(text) : []) {
      const holder = fileOf.get(id);
      if (holder) add(holder, `waited for by ${file}`);
      else problems.push(`${file} waits for chunk ${id}, which no file of the build holds`);
    }
    add(file, "<script> in taskpane.html");
  }

  const functionsCode = code.get("functions.js");
  if (functionsCode === undefined) throw new Error(`${dir} has no functions.js: run npm run build first`);
  // Excel's JavaScript-only runtime loads functions.js alone: it must hold its runtime and wait for nothing.
  if (isChunk(functionsCode))
    problems.push("functions.js is not standalone: it needs another script's runtime");
  if (startupIds(functionsCode).length) problems.push("functions.js waits for other chunks before it starts");
  const functions = sizeOf(dir, "functions.js", "Excel's JavaScript-only custom functions runtime");

  const later = scripts
    .filter((f) => !counted.has(f) && f !== "preview.js")
    .sort()
    .map((f) => sizeOf(dir, f, "on demand"));
  return { firstPaint, functions, later, problems };
}

export const sum = (rows: readonly FileSize[], key: "raw" | "gzip"): number =>
  rows.reduce((total, r) => total + r[key], 0);
export const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;
const verdict = (bytes: number, budget: number) =>
  `${bytes <= budget ? "PASS" : "MISS"} (budget ${kb(budget)} gzipped)`;

/** The table the bench prints: one row per file, then the total. */
export function table(rows: readonly FileSize[], withTotal = true): string {
  const line = (name: string, raw: string, gzip: string, via = "") =>
    `  ${name.padEnd(40)} ${raw.padStart(9)} ${gzip.padStart(9)}  ${via}`.trimEnd();
  return [
    line("file", "raw", "gzip"),
    ...rows.map((r) => line(r.file, kb(r.raw), kb(r.gzip), r.via)),
    ...(withTotal ? [line("total", kb(sum(rows, "raw")), kb(sum(rows, "gzip")))] : []),
  ].join("\n");
}

export function report(m: Measurement): { text: string; pass: boolean } {
  const total = sum(m.firstPaint, "gzip");
  const pass = total <= FIRST_PAINT_BUDGET && m.functions.gzip <= FUNCTIONS_BUDGET && !m.problems.length;
  const text = [
    "taskpane.html before first paint (its <script> tags and the chunks they wait for; office.js not counted):",
    table(m.firstPaint),
    `  first paint: ${kb(total)} gzipped: ${verdict(total, FIRST_PAINT_BUDGET)}`,
    "",
    "functions.js alone (loaded without the page by Excel's JavaScript-only custom functions runtime):",
    table([m.functions], false),
    `  functions.js: ${kb(m.functions.gzip)} gzipped: ${verdict(m.functions.gzip, FUNCTIONS_BUDGET)}`,
    "",
    "Loaded on demand, or by no page (not counted):",
    table(m.later),
    ...(m.problems.length ? ["", "PROBLEMS:", ...m.problems.map((p) => `  ${p}`)] : []),
  ].join("\n");
  return { text, pass };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const dir = process.argv[2] ? resolve(process.argv[2]) : join(root, "dist");
  if (!existsSync(join(dir, "taskpane.html"))) {
    console.error(`${dir} has no taskpane.html: run npm run build first.`);
    process.exit(2);
  }
  const { text, pass } = report(measure(dir));
  console.log(text);
  if (!pass) process.exitCode = 1;
}
