// The pane's first paint has a budget: the gzipped JavaScript taskpane.html loads before the pane is usable
// (every <script src> of the built page; office.js is Microsoft's and not counted). functions.js has its
// own, as Excel's JavaScript-only custom functions runtime loads it alone. Chunks loaded later (React.lazy,
// import()) are listed but not counted. Over budget? See webpack.config.js (taskpane.js takes the core from
// functions.js) and src/taskpane/lazyParts.tsx (parts loaded on first use).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT_MS, productionBuild, scriptSources, type ProductionBuild } from "./build.js";

const KB = 1000;
/** All the add-in's own scripts taskpane.html loads, gzipped. */
const FIRST_PAINT_BUDGET = 250 * KB;
const FUNCTIONS_BUDGET = 60 * KB;

let build: ProductionBuild | undefined;

beforeAll(async () => {
  build = await productionBuild();
}, BUILD_TIMEOUT_MS + 10_000);

beforeEach(() => {
  if (build?.error) throw build.error;
});

afterAll(() => build?.remove());

const isExternal = (src: string) => /^(https?:)?\/\//.test(src);
const gzipped = (file: string) => gzipSync(readFileSync(join(build!.out, file))).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** The page's own scripts and their gzipped sizes, printed as a table. */
function pageScripts(page: string): { file: string; gzip: number }[] {
  const html = readFileSync(join(build!.out, page), "utf8");
  const files = scriptSources(html).filter((src) => !isExternal(src));
  for (const file of files) expect(existsSync(join(build!.out, file)), `${page} loads ${file}`).toBe(true);
  return files.map((file) => ({ file, gzip: gzipped(file) }));
}

function report(title: string, rows: { file: string; gzip: number }[]): number {
  const total = rows.reduce((sum, r) => sum + r.gzip, 0);
  const lines = rows.map((r) => `  ${r.file.padEnd(24)} ${kb(r.gzip).padStart(10)}`);
  console.log(
    [`${title} (gzipped):`, ...lines, `  ${"total".padEnd(24)} ${kb(total).padStart(10)}`].join("\n"),
  );
  return total;
}

describe("bundle size", () => {
  it(`keeps the scripts taskpane.html loads within ${kb(FIRST_PAINT_BUDGET)} gzipped`, () => {
    const rows = pageScripts("taskpane.html");
    expect(rows.map((r) => r.file)).toContain("functions.js");
    const total = report("taskpane.html first paint", rows);
    // For information: the preview page, and what loads later on demand.
    report("preview.html first paint", pageScripts("preview.html"));
    const loaded = new Set([...rows.map((r) => r.file), "preview.js"]);
    const later = readdirSync(build!.out)
      .filter((f) => f.endsWith(".js") && !loaded.has(f))
      .map((file) => ({ file, gzip: gzipped(file) }));
    report("loaded on demand, not counted", later);
    expect(total, `taskpane.html loads ${kb(total)} of gzipped JavaScript`).toBeLessThanOrEqual(
      FIRST_PAINT_BUDGET,
    );
  });

  it(`keeps functions.js within ${kb(FUNCTIONS_BUDGET)} gzipped`, () => {
    const size = gzipped("functions.js");
    expect(size, `functions.js is ${kb(size)} gzipped`).toBeLessThanOrEqual(FUNCTIONS_BUDGET);
  });
});
