// Issue 5: the data layer loads adult skills (ELS), adult social care (LADE) and waste (tidy) from a
// local stand-in for the publishers into one model, and scores them as the published numbers say.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { csvParse } from "d3-dsv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Benchmarks } from "../../src/core/benchmarks.js";
import { CouncilDirectory } from "../../src/core/councils.js";
import { Dataset } from "../../src/core/dataset.js";
import { parseNearestNeighbours } from "../../src/core/groups.js";
import { readObservations } from "../../src/core/load.js";
import { fetchText } from "../../src/sources/fetchText.js";
import { startFixtureServer, type FixtureServer } from "../support/fixtureServer.js";
import { repoRoot, sharedFile } from "../support/paths.js";

let server: FixtureServer;
let benchmarks: Benchmarks;

beforeAll(async () => {
  server = await startFixtureServer();
  const load = async (file: string, format: "els" | "lade" | "tidy") =>
    readObservations((await fetchText(`${server.url}/data/${file}`)).text, format);
  const data = new Dataset();
  data.add(await load("ons-els/further-education-and-skills-participation.csv", "els"));
  data.add(await load("oflog-lade-asc1-4.csv", "lade"));
  data.add(await load("waste-sample.csv", "tidy"));
  const json = (f: string) => JSON.parse(readFileSync(resolve(repoRoot, "data", f), "utf8"));
  benchmarks = new Benchmarks(
    data,
    CouncilDirectory.fromJson(json("councils.json")),
    parseNearestNeighbours(json("nearest-neighbours.json")),
  );
});
afterAll(() => server.close());

describe("one model from three formats served over HTTP", () => {
  it("holds the three domains under catalogue ids", () => {
    const metrics = benchmarks.data.metrics();
    expect(metrics).toEqual(
      expect.arrayContaining([
        "further-education-and-skills-participation",
        "ASC1",
        "ASC4",
        "household-waste-recycling-rate",
        "residual-household-waste-per-household",
        "recycling-contamination-rate",
      ]),
    );
  });

  it("adult social care scores equal the published LADE scores", () => {
    const published = csvParse(readFileSync(sharedFile("oflog-lade-asc1-4.csv"), "utf8")).filter(
      (r) => r.Code === "ASC3" && r["Financial year"] === "2022-23" && r.Value !== "",
    );
    const rows = benchmarks.score(benchmarks.metric("ASC3"), "2022-23");
    for (const p of published) {
      const ours = rows.find((r) => r.areacd === p["Local authority code"]);
      expect(ours?.score).toBeCloseTo(Number(p.MADs_from_median), 9);
    }
  });

  it("waste values from the sample equal Defra's published values", () => {
    const defra = csvParse(
      readFileSync(sharedFile("waste/household-waste-recycling-rate.csv"), "utf8"),
    ).filter((r) => r.period === "2022-23");
    const byCode = new Map(defra.map((d) => [d.areacd, Number(d.value)]));
    const overlapping = benchmarks.data
      .observations("household-waste-recycling-rate", "2022-23")
      .filter((r) => byCode.has(r.areacd));
    expect(overlapping.length).toBeGreaterThan(250);
    for (const r of overlapping) expect(r.value).toBe(byCode.get(r.areacd));
  });

  it("adult skills values are read for councils from the ELS file, one geography level at a time", () => {
    const row = benchmarks.lookup("Suffolk", "further-education-and-skills-participation", "2024-25");
    const els = csvParse(
      readFileSync(sharedFile("ons-els/further-education-and-skills-participation.csv"), "utf8").replace(
        /^\uFEFF/,
        "",
      ),
    );
    const published = els.find((r) => r.areacd === "E10000029" && r.period === "2024-08-01/P1Y");
    expect(row.value).toBe(Number(published?.observation));
  });
});
