import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildSnapshot,
  parseSnapshot,
  serializeSnapshot,
  snapshotObservations,
  SnapshotError,
} from "../../src/core/snapshot.js";
import {
  buildDefaultSnapshot,
  buildPublished,
  councilDirectory,
  renderPublished,
} from "../../scripts/generate-data.js";
import { renderMetricsDoc } from "../../scripts/metricsDoc.js";
import { DEFINITIONS } from "../../src/core/catalogue/definitions.js";
import { repoRoot } from "../support/paths.js";

const shipped = readFileSync(resolve(repoRoot, "data/default-snapshot.json"), "utf8");

describe("snapshot format", () => {
  it("round-trips the shipped snapshot byte for byte", () => {
    expect(serializeSnapshot(parseSnapshot(shipped))).toBe(shipped);
    const rebuilt = buildSnapshot(snapshotObservations(parseSnapshot(shipped)), {
      ...parseSnapshot(shipped),
      metricOrder: Object.keys(parseSnapshot(shipped).metrics),
    });
    expect(serializeSnapshot(rebuilt)).toBe(shipped);
  });

  it("refuses files that are not snapshots, naming what is wrong", () => {
    expect(() => parseSnapshot("not json")).toThrow(SnapshotError);
    expect(() => parseSnapshot(JSON.stringify({ format: "other" }))).toThrow(/format/);
    const s = parseSnapshot(shipped);
    const broken = { ...s, metrics: { x: { "2020-21": [99999, 1] } } };
    expect(() => parseSnapshot(JSON.stringify(broken))).toThrow(/area index 99999/);
    expect(() => parseSnapshot(JSON.stringify({ ...s, version: 2 }))).toThrow(/version/);
  });

  it("keeps missing values as rows with no value", () => {
    const obs = [
      { metric: "m", period: "2020-21", areacd: "E07000001", areanm: "A", value: null, missing: "empty" },
      { metric: "m", period: "2020-21", areacd: "E07000002", areanm: "B", value: 1.5 },
    ];
    const back = snapshotObservations(
      parseSnapshot(serializeSnapshot(buildSnapshot(obs, { created: "d", attribution: [] }))),
    );
    expect(back).toEqual(obs);
  });
});

describe("the shipped default snapshot", () => {
  it("is at most 1 MB and lists every publisher with a licence", () => {
    expect(statSync(resolve(repoRoot, "data/default-snapshot.json")).size).toBeLessThanOrEqual(1_000_000);
    const s = parseSnapshot(shipped);
    const attributed = new Set(s.attribution.flatMap((a) => a.metrics));
    for (const metric of Object.keys(s.metrics)) expect(attributed.has(metric)).toBe(true);
    for (const a of s.attribution) expect(a.licence).toMatch(/Open Government Licence/);
  });

  it("is what the committed generator makes from ../shared/data, as is published.ts and docs/metrics.md", async () => {
    const published = buildPublished();
    const snapshot = buildDefaultSnapshot(published);
    expect(serializeSnapshot(snapshot)).toBe(shipped);
    expect(await renderPublished(published)).toBe(
      readFileSync(resolve(repoRoot, "src/core/catalogue/published.ts"), "utf8"),
    );
    expect(renderMetricsDoc(snapshot, published, councilDirectory())).toBe(
      readFileSync(resolve(repoRoot, "docs/metrics.md"), "utf8"),
    );
  });

  it("is built only from licensed published files, never the unlicensed waste sample", () => {
    const files = DEFINITIONS.flatMap((d) => (d.file ? [d.file] : []));
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const f of files) expect(f).not.toMatch(/waste-sample/);
  });
});
