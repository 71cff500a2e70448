import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUE, catalogueId, findMetric, THEMES } from "../../src/core/catalogue/index.js";
import { repoRoot, sharedFile } from "../support/paths.js";

const DOMAINS = ["adult-skills", "adult-social-care", "finance", "planning", "roads", "waste"];

describe("metric catalogue", () => {
  it("has at least 25 metrics over the six LADE domains, each with a documented source", () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CATALOGUE.map((m) => m.domain))).toEqual(new Set(DOMAINS));
    const doc = readFileSync(resolve(repoRoot, "docs/metrics.md"), "utf8");
    const themes = new Set(THEMES.map((t) => t.id));
    for (const m of CATALOGUE) {
      expect(m.publisher, m.id).not.toBe("");
      expect(m.publication, m.id).not.toBe("");
      expect(m.publisherUrl, m.id).toMatch(/^https:\/\//);
      expect(m.licence, m.id).not.toBe("");
      expect(["higher", "lower", "none"]).toContain(m.polarity);
      expect(m.themes.length, m.id).toBeGreaterThan(0);
      for (const t of m.themes) expect(themes.has(t)).toBe(true);
      expect(doc).toContain(`## \`${m.id}\``);
    }
  });

  it("takes label, unit, polarity and licence from the published metadata files", () => {
    const json = JSON.parse(
      readFileSync(sharedFile("roads/bc-roads-maintenance-should-be-considered.json"), "utf8"),
    );
    const m = findMetric("bc-roads-maintenance-should-be-considered")!;
    expect([m.name, m.unit, m.polarity, m.licence]).toEqual([json.label, json.unit, "lower", json.licence]);
  });

  it("labels the calculated reserves ratios as not official Oflog figures", () => {
    for (const id of [
      "non-ringfenced-reserves-pct-net-revenue-expenditure",
      "non-ringfenced-reserves-pct-total-service-expenditure",
    ]) {
      expect(findMetric(id)?.note).toBe(
        "Calculated from MHCLG Revenue Outturn, not an official Oflog figure.",
      );
    }
  });

  it("maps publishers' names for a metric to its catalogue id", () => {
    expect(catalogueId("further-education-and-skills-learner-achievements")).toBe(
      "further-education-and-skills-achievements",
    );
    expect(catalogueId("Household waste recycling rate")).toBe("household-waste-recycling-rate");
    expect(catalogueId("Residual household waste")).toBe("residual-household-waste-per-household");
    expect(catalogueId("ASC1")).toBe("ASC1");
    expect(catalogueId("my-own-metric")).toBe("my-own-metric");
  });
});
