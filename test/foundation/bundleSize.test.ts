// The pane's first paint has a budget: the gzipped JavaScript taskpane.html loads before the pane is usable
// (every <script src> of the built page and any chunk those wait for before they start; office.js is
// Microsoft's and not counted). functions.js has its own, as Excel's JavaScript-only custom functions runtime
// loads it alone. Chunks loaded later (React.lazy, import()) are listed but not counted. The measuring is
// bench/bundle.ts's (npx tsx bench/bundle.ts prints the same after npm run build). Over budget? See
// webpack.config.js (taskpane.js takes the core from functions.js; the Excel adapter loads on first use) and
// src/taskpane/lazyParts.tsx (parts loaded on first use).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  FIRST_PAINT_BUDGET,
  FUNCTIONS_BUDGET,
  kb,
  measure,
  report,
  sum,
  type Measurement,
} from "../../bench/bundle.js";
import { BUILD_TIMEOUT_MS, productionBuild, type ProductionBuild } from "./build.js";

let build: ProductionBuild | undefined;
let measured: Measurement | undefined;

beforeAll(async () => {
  build = await productionBuild();
  if (!build.error) {
    measured = measure(build.out);
    console.log(report(measured).text);
  }
}, BUILD_TIMEOUT_MS + 10_000);

beforeEach(() => {
  if (build?.error) throw build.error;
});

afterAll(() => build?.remove());

describe("bundle size", () => {
  it("finds what taskpane.html loads, and nothing amiss in the build", () => {
    expect(measured!.firstPaint.map((r) => r.file)).toEqual(["functions.js", "taskpane.js"]);
    expect(measured!.problems).toEqual([]);
  });

  it(`keeps what taskpane.html loads before first paint within ${kb(FIRST_PAINT_BUDGET)} gzipped`, () => {
    const total = sum(measured!.firstPaint, "gzip");
    expect(total, `taskpane.html loads ${kb(total)} of gzipped JavaScript`).toBeLessThanOrEqual(
      FIRST_PAINT_BUDGET,
    );
  });

  it(`keeps functions.js within ${kb(FUNCTIONS_BUDGET)} gzipped`, () => {
    const size = measured!.functions.gzip;
    expect(size, `functions.js is ${kb(size)} gzipped`).toBeLessThanOrEqual(FUNCTIONS_BUDGET);
  });
});
