// BENCH.METRIC, SERIES and COMPARATORS over the real shipped files (data/), checked against the
// published files in ../shared/data with the statistics worked out here, independently of src/core.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { benchmarksFromFiles, type Benchmarks } from "../../src/core/benchmarks.js";
import { buildSnapshot, serializeSnapshot } from "../../src/core/snapshot.js";
import { useBenchmarks } from "../../src/functions/data.js";
import { wasteAsCompared } from "../excel/shipped.js";
import { repoRoot, sharedFile } from "../support/paths.js";
import { excel, excelWith, expectError, installCustomFunctions } from "./excel.js";

const RECYCLING = "household-waste-recycling-rate";
const repoFile = (name: string) => readFileSync(`${repoRoot}/data/${name}`, "utf8");
const shipped = {
  snapshot: repoFile("default-snapshot.json"),
  councils: repoFile("councils.json"),
  nearest: repoFile("nearest-neighbours.json"),
};
const benchmarks = benchmarksFromFiles(shipped);

beforeAll(() => {
  installCustomFunctions();
  useBenchmarks(benchmarks);
});
afterEach(() => useBenchmarks(benchmarks));
afterAll(() => {
  useBenchmarks();
  vi.unstubAllGlobals();
});

// Naive statistics, deliberately not src/core: sort and take the middle.
const naiveMedian = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const naiveMad = (xs: number[]): number => {
  const m = naiveMedian(xs);
  return naiveMedian(xs.map((x) => Math.abs(x - m)));
};
const close = (actual: unknown, expected: number) => {
  expect(typeof actual, String(actual)).toBe("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
};

const recyclingRows = csvParse(readFileSync(sharedFile("waste", `${RECYCLING}.csv`), "utf8"));

describe("BENCH.METRIC", () => {
  // Waste collection authorities: unitaries, districts, metropolitan and London boroughs, as LADE
  // counted them (Buckinghamshire under its old county code; the Cambridge partnership's two members).
  const collectors = [...wasteAsCompared(`waste/${RECYCLING}.csv`, "2023-24")]
    .filter(([code, value]) => /^E0[6789]/.test(code) && value !== null)
    .map(([, value]) => value as number);
  const median = naiveMedian(collectors);
  const mad = naiveMad(collectors);
  const score = (37.1 - median) / mad;

  it("returns West Suffolk's published recycling rate for 2023-24, by name or code", async () => {
    const published = recyclingRows.find((r) => r.areacd === "E07000245" && r.period === "2023-24");
    expect(Number(published?.value)).toBe(37.1);
    expect(await excel("METRIC", "West Suffolk", RECYCLING, "2023-24")).toBe(37.1);
    expect(await excel("METRIC", "E07000245", RECYCLING, "2023/24", "value")).toBe(37.1);
    // Latest period with data when the period is omitted.
    expect(await excel("METRIC", "West Suffolk", RECYCLING)).toBe(37.1);
  });

  it("returns the LADE statistics among waste collection authorities", async () => {
    expect(collectors.length).toBeGreaterThan(290);
    close(await excel("METRIC", "West Suffolk", RECYCLING, "2023-24", "median"), median);
    close(await excel("METRIC", "West Suffolk", RECYCLING, "2023-24", "mad"), mad);
    close(await excel("METRIC", "West Suffolk", RECYCLING, "2023-24", "score"), score);
    // −0.5 > score ≥ −1.5 for a higher-is-better metric.
    expect(score).toBeLessThan(-0.5);
    expect(score).toBeGreaterThanOrEqual(-1.5);
    expect(await excel("METRIC", "West Suffolk", RECYCLING, "2023-24", "BAND")).toBe("slightly-worse");
  });

  it("returns #N/A with a message naming what was not found", async () => {
    expectError(await excel("METRIC", "Nowhere", RECYCLING, "2023-24"), "#N/A", '"Nowhere"');
    expectError(await excel("METRIC", "West Suffolk", "no-such-metric"), "#N/A", '"no-such-metric"');
    expectError(await excel("METRIC", "West Suffolk", RECYCLING, "1999-00"), "#N/A", '"1999-00"');
    expectError(await excel("METRIC", "E07999999", RECYCLING), "#N/A", "E07999999");
  });

  it("returns #N/A saying why when the council has no value or is not compared", async () => {
    // Bristol's 2023-24 figure was incomplete at publication and is blank.
    expectError(await excel("METRIC", "Bristol", RECYCLING, "2023-24"), "#N/A", /no value/);
    expectError(await excel("METRIC", "Bristol", RECYCLING, "2023-24", "score"), "#N/A", /no value/);
    // The comparison's median still exists.
    close(await excel("METRIC", "Bristol", RECYCLING, "2023-24", "median"), median);
    // Suffolk is a waste disposal authority: it has a value but is not compared with collectors.
    expect(await excel("METRIC", "Suffolk", RECYCLING, "2023-24")).toBe(40.3);
    expectError(await excel("METRIC", "Suffolk", RECYCLING, "2023-24", "band"), "#N/A", /not compared/);
  });

  it("returns #VALUE! for an unknown field, without loading data", async () => {
    const load = vi.fn(() => benchmarks);
    useBenchmarks(load);
    expectError(await excel("METRIC", "West Suffolk", RECYCLING, null, "colour"), "#VALUE!", '"colour"');
    expect(load).not.toHaveBeenCalled();
  });

  it("returns #DIV/0! for a score when the MAD is 0", async () => {
    const codes = ["E07000245", "E07000200", "E07000202", "E07000203", "E07000244"];
    const values = [50, 50, 50, 60, 40];
    const snapshot = buildSnapshot(
      codes.map((areacd, i) => ({
        metric: RECYCLING,
        period: "2023-24",
        areacd,
        areanm: areacd,
        value: values[i],
      })),
      { created: "2025-01-01", attribution: [{ publisher: "test", licence: "test", metrics: [RECYCLING] }] },
    );
    useBenchmarks(benchmarksFromFiles({ ...shipped, snapshot: serializeSnapshot(snapshot) }));
    expect(await excel("METRIC", "West Suffolk", RECYCLING, "2023-24", "mad")).toBe(0);
    expectError(await excel("METRIC", "West Suffolk", RECYCLING, "2023-24", "score"), "#DIV/0!", /MAD is 0/);
  });

  it("returns #N/A when the data cannot be loaded", async () => {
    useBenchmarks(() => Promise.reject(new Error("offline")));
    expectError(
      await excel("METRIC", "West Suffolk", RECYCLING),
      "#N/A",
      "Could not load the benchmark data: offline",
    );
    useBenchmarks(() => {
      throw new Error("broken snapshot");
    });
    expectError(await excel("METRIC", "West Suffolk", RECYCLING), "#N/A", "broken snapshot");
  });

  it("is cancelable: it sets onCanceled, and a cancelled call resolves without doing its lookup", async () => {
    let release!: (b: Benchmarks) => void;
    useBenchmarks(new Promise<Benchmarks>((resolve) => (release = resolve)));
    const lookup = vi.spyOn(benchmarks, "lookup");
    try {
      const invocation: CustomFunctions.CancelableInvocation = {};
      const pending = excelWith("METRIC", invocation, "West Suffolk", RECYCLING) as Promise<unknown>;
      expect(invocation.onCanceled).toBeTypeOf("function");
      invocation.onCanceled!();
      release(benchmarks);
      expectError(await pending, "#N/A", "Cancelled");
      expect(lookup).not.toHaveBeenCalled();

      // The same call, not cancelled, answers.
      const live: CustomFunctions.CancelableInvocation = {};
      expect(await excelWith("METRIC", live, "West Suffolk", RECYCLING)).toBe(37.1);
      expect(lookup).toHaveBeenCalledTimes(1);
    } finally {
      lookup.mockRestore();
    }
  });
});

describe("BENCH.SERIES", () => {
  it("spills West Suffolk's periods and values, oldest first, as published", async () => {
    const published = recyclingRows
      .filter((r) => r.areacd === "E07000245")
      .sort((a, b) => (a.period ?? "").localeCompare(b.period ?? ""))
      .map((r) => [r.period, Number(r.value)]);
    expect(published.length).toBeGreaterThanOrEqual(5);
    expect(await excel("SERIES", "West Suffolk", RECYCLING)).toEqual(published);
  });

  it("leaves the value blank where the council's row has none", async () => {
    const rows = (await excel("SERIES", "E06000023", RECYCLING)) as unknown[][];
    expect(rows.at(-1)).toEqual(["2023-24", ""]);
    expect(rows.every((r) => r.length === 2)).toBe(true);
  });

  it("returns a single #N/A for an unknown council or metric, or no data", async () => {
    expectError(((await excel("SERIES", "Nowhere", RECYCLING)) as unknown[][])[0][0], "#N/A", "Nowhere");
    expectError(((await excel("SERIES", "Suffolk", "nope")) as unknown[][])[0][0], "#N/A", '"nope"');
    // Districts are not highway authorities: no road condition rows.
    const roads = (await excel(
      "SERIES",
      "West Suffolk",
      "a-roads-maintenance-should-be-considered",
    )) as unknown[][];
    expect(roads).toHaveLength(1);
    expectError(roads[0][0], "#N/A", "West Suffolk");
  });
});

describe("BENCH.COMPARATORS", () => {
  const cipfa: Record<string, string[]> = JSON.parse(
    readFileSync(sharedFile("cipfa-nearest-neighbours.json"), "utf8"),
  );
  const authorities = csvParse(readFileSync(sharedFile("uk-local-authorities-current.csv"), "utf8"));
  const current = authorities.filter((a) => a["current-authority"] === "True" && a.nation === "England");
  const byGss = new Map(authorities.map((a) => [a["gss-code"], a]));
  const byLocalCode = new Map(authorities.map((a) => [a["local-authority-code"], a]));
  /** A published code as it is now: itself if current, else the council that replaced it (2023 reorganisations). */
  const now = (code: string): string => {
    const a = byGss.get(code);
    if (!a) throw new Error(`unknown code ${code}`);
    return a["current-authority"] === "True"
      ? code
      : now(byLocalCode.get(a["replaced-by"] ?? "")?.["gss-code"] ?? "");
  };
  const codes = (rows: unknown) => (rows as string[][]).map((r) => r[0]);

  it.each([
    ["West Suffolk", "E07000245"],
    ["Suffolk", "E10000029"],
  ])(
    "spills the CIPFA nearest neighbours of %s, abolished councils replaced by their successors",
    async (name, code) => {
      const expected = [...new Set(cipfa[code].map(now))].sort();
      expect(expected).toContain(code);
      const rows = (await excel("COMPARATORS", name, "nearest")) as string[][];
      expect(codes(rows)).toEqual(expected);
      for (const [c, n] of rows) expect(n, c).toBe(byGss.get(c)?.["nice-name"]);
    },
  );

  it("includes the successors named by the 2023 reorganisations", async () => {
    // South Somerset (E07000189) → Somerset (E06000066); North Yorkshire county → North Yorkshire (E06000065).
    expect(codes(await excel("COMPARATORS", "E07000245", "Nearest"))).toContain("E06000066");
    expect(codes(await excel("COMPARATORS", "E10000029", "nearest"))).toEqual(
      expect.arrayContaining(["E06000065", "E06000066"]),
    );
  });

  it('defaults to "tier": every current district for West Suffolk', async () => {
    const districts = current.filter((a) => a["gss-code"]?.startsWith("E07")).map((a) => a["gss-code"]);
    expect(codes(await excel("COMPARATORS", "West Suffolk"))).toEqual(districts.sort());
    expect(await excel("COMPARATORS", "West Suffolk", "tier")).toEqual(
      await excel("COMPARATORS", "West Suffolk"),
    );
  });

  it('"tier" for Suffolk is the upper-tier and single-tier councils', async () => {
    const upper = current
      .filter((a) => /^E(06|08|09|10)/.test(a["gss-code"] ?? ""))
      .map((a) => a["gss-code"]);
    const got = codes(await excel("COMPARATORS", "Suffolk", "tier"));
    expect(got).toEqual(expect.arrayContaining(upper));
    for (const c of got) expect(c).toMatch(/^E(06|08|09|10)/);
    expect(got).toEqual([...got].sort());
  });

  it("returns a single #N/A for an unknown council or group", async () => {
    expectError(((await excel("COMPARATORS", "Nowhere")) as unknown[][])[0][0], "#N/A", '"Nowhere"');
    expectError(
      ((await excel("COMPARATORS", "Suffolk", "friends")) as unknown[][])[0][0],
      "#N/A",
      '"friends"',
    );
  });
});

describe("messages name metrics and councils, not ids", () => {
  it("a metric with no published data says so by name, as unavailable rather than broken", async () => {
    const r = await excel("METRIC", "West Suffolk", "council-tax-collection-rate");
    expectError(
      r,
      "#N/A",
      /"Percentage of council tax collected in the year" has no data: no published all-council file/,
    );
    expect((r as { message: string }).message).not.toMatch(/council-tax-collection-rate/);
  });

  it("a council that does not provide the service is told why, by name", async () => {
    const r = await excel("METRIC", "West Suffolk", "ASC3");
    expectError(
      r,
      "#N/A",
      /"Ease of finding information about services: service users" does not apply to West Suffolk \(district council/,
    );
    expect((r as { message: string }).message).not.toMatch(/ASC3/);
  });

  it("an unknown period names the metric and lists periods as people read them", async () => {
    const r = await excel("METRIC", "West Suffolk", "non-major-planning-decisions-in-time", "1999");
    expectError(
      r,
      "#N/A",
      /No period "1999" for "Percentage of non-major .*"\. Periods: 12 months to Sep 2024/,
    );
  });

  it("a district is told which county provides the service, so the user knows what to look up", async () => {
    const r = await excel("METRIC", "West Suffolk", "ASC3");
    expectError(r, "#N/A", /\. Suffolk provides it for West Suffolk's area: use Suffolk instead$/);
    // The county's own value is there, as the message promises.
    expect(typeof (await excel("METRIC", "Suffolk", "ASC3"))).toBe("number");
    // Roads: the county is the highway authority.
    expectError(
      await excel("METRIC", "Babergh", "a-roads-maintenance-should-be-considered"),
      "#N/A",
      /does not apply to Babergh \(district council: not a highway authority\)\. Suffolk provides it/,
    );
  });

  it("a county is not pointed at a council for a district service it does not provide", async () => {
    const r = (await excel("METRIC", "Suffolk", "non-major-planning-decisions-in-time")) as {
      message: string;
    };
    expect(r.message).not.toMatch(/provides it/);
  });

  it("an unknown metric suggests close matches by name, with the id to type in brackets", async () => {
    const r = (await excel("METRIC", "West Suffolk", "houshold-waste-recyclng-rate")) as { message: string };
    expectError(
      r,
      "#N/A",
      /^Unknown metric "houshold-waste-recyclng-rate"\. Did you mean: Percentage of household waste sent for reuse, recycling or composting \(ex NI192\) \(household-waste-recycling-rate\)\? Metrics: /,
    );
    // Every metric is listed by name, each with its id in brackets, never a bare id.
    expect(r.message).toMatch(/Metrics: ASC Carer Quality of Life \(ASC1\); ASC Quality of Life \(ASC2\); /);
    expect(r.message).toMatch(
      /; Percentage of council tax collected in the year \(council-tax-collection-rate\)/,
    );
    // A few words of a metric's name find it too.
    expectError(
      await excel("METRIC", "West Suffolk", "council tax"),
      "#N/A",
      /Did you mean: Percentage of council tax collected in the year \(council-tax-collection-rate\)\?/,
    );
  });

  it("a missing value names the council as the directory does, not as the publisher spelt it", async () => {
    const rows: [string, string, number | null][] = [
      ["E07000245", "WEST SUFFOLK DISTRICT COUNCIL", null],
      ["E07000244", "EAST SUFFOLK DISTRICT COUNCIL", 40],
      ["E07000200", "BABERGH DISTRICT COUNCIL", 45],
    ];
    const snapshot = buildSnapshot(
      rows.map(([areacd, areanm, value]) => ({
        metric: RECYCLING,
        period: "2023-24",
        areacd,
        areanm,
        value,
      })),
      { created: "2025-01-01", attribution: [{ publisher: "test", licence: "test", metrics: [RECYCLING] }] },
    );
    useBenchmarks(benchmarksFromFiles({ ...shipped, snapshot: serializeSnapshot(snapshot) }));
    const r = await excel("METRIC", "E07000245", RECYCLING, "2023-24");
    expectError(r, "#N/A", /" for West Suffolk \(E07000245\) in 2023-24: no value/);
  });

  it("a missing value names the metric, not its id", async () => {
    const r = await excel("METRIC", "Bristol", RECYCLING, "2023-24");
    expectError(
      r,
      "#N/A",
      /"Percentage of household waste sent for reuse, recycling or composting \(ex NI192\)" for/,
    );
  });
});

describe("a huge council name", () => {
  // 100,000 characters that no council is called: a pasted column, say. The answer must not quote it all
  // (nor spend seconds looking for names like it).
  const huge = "West Suffolkz ".repeat(7143).slice(0, 100_000);

  it.each([
    ["METRIC", [huge, RECYCLING]],
    ["SERIES", [huge, RECYCLING]],
    ["COMPARATORS", [huge]],
    ["PROFILE", [huge]],
  ])("%s answers #N/A quoting at most 60 characters of it", async (id, args) => {
    const r = await excel(id, ...args);
    const e = (Array.isArray(r) ? r[0][0] : r) as { message: string };
    expectError(e, "#N/A", 'No council called "West Suffolkz West Suffolkz');
    expect(e.message.length).toBeLessThan(120);
    expect(e.message).toMatch(/…"/);
    expect(e.message).not.toMatch(/Did you mean/);
  });

  it("still suggests names for an ordinary typo", async () => {
    expectError(await excel("METRIC", "West Sufolk", RECYCLING), "#N/A", "Did you mean West Suffolk");
  });
});
