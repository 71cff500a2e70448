import { describe, expect, it } from "vitest";
import {
  DEFAULT_SNAPSHOT_ID,
  DEFAULT_SOURCES,
  InvalidSourceError,
  SourceRegistry,
} from "../../src/sources/index.js";

const userSource = {
  id: "my-council-kpis",
  name: "My council KPIs",
  url: "https://www.gov.uk/files/kpis.csv",
  format: "tidy",
  licence: "Open Government Licence v3.0",
  attribution: "My council",
};

function addError(registry: SourceRegistry, input: unknown): string {
  try {
    registry.add(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidSourceError);
    return (error as Error).message;
  }
  throw new Error("expected the source to be rejected");
}

describe("SourceRegistry", () => {
  it("starts with the built-in offline snapshot", () => {
    const snapshot = new SourceRegistry().get(DEFAULT_SNAPSHOT_ID);
    expect(snapshot).toMatchObject({ url: "data/default-snapshot.json", format: "snapshot" });
  });

  it("lists only https or bundled defaults, each with a licence and attribution and a unique id", () => {
    const ids = DEFAULT_SOURCES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const source of DEFAULT_SOURCES) {
      const bundled = source.format === "snapshot" && !/^[a-z]+:/i.test(source.url);
      expect(bundled || new URL(source.url).protocol === "https:", source.id).toBe(true);
      expect(source.licence.length, source.id).toBeGreaterThan(0);
      expect(source.attribution.length, source.id).toBeGreaterThan(0);
    }
  });

  it("adds a valid user source and finds it by id", () => {
    const registry = new SourceRegistry();
    const added = registry.add(userSource);
    expect(registry.get("my-council-kpis")).toEqual(added);
    expect(registry.list().map((s) => s.id)).toContain("my-council-kpis");
    expect(registry.list()).toHaveLength(DEFAULT_SOURCES.length + 1);
  });

  it("fills in a licence and attribution the user left out", () => {
    const { licence: _licence, attribution: _attribution, ...bare } = userSource;
    const added = new SourceRegistry([]).add(bare);
    expect(added.licence).toMatch(/unknown/i);
    expect(added.attribution).toBe("Source: www.gov.uk");
  });

  it("refuses http URLs with a clear reason", () => {
    const message = addError(new SourceRegistry(), {
      ...userSource,
      url: "http://www.gov.uk/files/kpis.csv",
    });
    expect(message).toBe(
      "This data source cannot be added: url: the URL must be a full https:// address (http and local files are not allowed)",
    );
  });

  it("refuses relative paths and text that is not a URL", () => {
    const registry = new SourceRegistry();
    expect(addError(registry, { ...userSource, url: "data/kpis.csv" })).toContain("https://");
    expect(addError(registry, { ...userSource, url: "not a url" })).toContain("https://");
  });

  it("lists every problem at once", () => {
    const message = addError(new SourceRegistry(), {
      id: "Bad Id",
      name: "",
      url: "ftp://x",
      format: "xlsx",
    });
    expect(message).toContain("id: the id must be lower-case");
    expect(message).toContain("name: give the source a name");
    expect(message).toContain("url: the URL must be");
    expect(message).toContain("format: the format must be one of");
  });

  it("refuses a duplicate id, including a built-in one", () => {
    const registry = new SourceRegistry();
    registry.add(userSource);
    expect(addError(registry, userSource)).toContain('a source with id "my-council-kpis" already exists');
    expect(addError(registry, { ...userSource, id: DEFAULT_SNAPSHOT_ID })).toContain("already exists");
    expect(registry.get(DEFAULT_SNAPSHOT_ID)?.format).toBe("snapshot");
  });

  it("returns undefined for an unknown id", () => {
    expect(new SourceRegistry().get("nope")).toBeUndefined();
  });
});
