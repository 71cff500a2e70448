// The pane credits publishers from the catalogue; that must be what the shipped snapshot itself says.
import { describe, expect, it } from "vitest";
import { parseSnapshot } from "../../src/core/snapshot.js";
import { mergeAttribution } from "../../src/core/attribution.js";
import { catalogueAttribution } from "../../src/core/catalogue/index.js";
import { shippedFiles } from "../excel/shipped.js";

describe("attribution", () => {
  it("matches the shipped snapshot's attribution for the shipped metrics", () => {
    const snapshot = parseSnapshot(shippedFiles().snapshot);
    const sort = (list: { publisher: string; licence: string; metrics: string[] }[]) =>
      list
        .map((a) => ({ ...a, metrics: [...a.metrics].sort() }))
        .sort((a, b) => (a.publisher < b.publisher ? -1 : 1));
    expect(sort(catalogueAttribution(Object.keys(snapshot.metrics)))).toEqual(sort(snapshot.attribution));
  });

  it("keeps one entry per publisher and licence, and moves a metric to its latest publisher", () => {
    const merged = mergeAttribution(
      [{ publisher: "A", licence: "OGL", metrics: ["x", "y"] }],
      [{ publisher: "B", licence: "OGL", metrics: ["y"] }],
      [{ publisher: "A", licence: "OGL", metrics: ["z"] }],
    );
    expect(merged).toEqual([
      { publisher: "A", licence: "OGL", metrics: ["x", "z"] },
      { publisher: "B", licence: "OGL", metrics: ["y"] },
    ]);
  });
});
