import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { parseSnapshot, snapshotObservations } from "../../src/core/snapshot.js";
import { repoRoot, sharedFile } from "../support/paths.js";

describe("cli snapshot", () => {
  it("re-snapshotting the shipped snapshot gives the same bytes", async () => {
    const { text, out } = await run([
      "snapshot",
      "--sources",
      "default-snapshot",
      "--created",
      "2026-11-26",
      "--out",
      "x.json",
    ]);
    expect(out).toBe("x.json");
    expect(text).toBe(readFileSync(resolve(repoRoot, "data/default-snapshot.json"), "utf8"));
  });

  it("builds one snapshot from LADE, ELS and tidy files, under catalogue ids, with attribution", async () => {
    const sources = [
      sharedFile("oflog-lade-asc1-4.csv"),
      sharedFile("ons-els/further-education-and-skills-learner-achievements.csv"),
      sharedFile("roads/a-roads-maintenance-should-be-considered.csv"),
    ].join(",");
    const { text } = await run([
      "snapshot",
      "--sources",
      sources,
      "--created",
      "2026-01-01",
      "--out",
      "y.json",
    ]);
    const s = parseSnapshot(text);
    expect(Object.keys(s.metrics)).toEqual([
      "ASC1",
      "ASC2",
      "ASC3",
      "ASC4",
      "further-education-and-skills-achievements",
      "a-roads-maintenance-should-be-considered",
    ]);
    expect(s.attribution.map((a) => a.publisher)).toContain("Department for Transport (DfT)");
    const west = snapshotObservations(s).find(
      (o) => o.metric === "ASC3" && o.areacd === "E10000029" && o.period === "2022-23",
    );
    expect(west?.value).toBeTypeOf("number");
  });

  it("refuses http URLs and needs --out", async () => {
    await expect(
      run(["snapshot", "--sources", "http://example.org/x.csv", "--out", "z.json"]),
    ).rejects.toThrow(/Only https/);
    await expect(run(["snapshot", "--sources", "default-snapshot"])).rejects.toThrow(/--out/);
  });
});
