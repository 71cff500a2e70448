// The function-specific metadata Excel reads from functions.json: ids (never renamed once released),
// argument types, which arguments are optional, ranges in and spills out, and cancelation.
import { describe, expect, it } from "vitest";
import { generated, metadata, type FunctionMetadata } from "./excel.js";

const fn = (id: string): FunctionMetadata => {
  const found = metadata.find((f) => f.id === id);
  if (!found) throw new Error(`no function ${id} in the metadata`);
  return found;
};

/** name:type[:matrix][?] per parameter, e.g. "values:any:matrix", "scale:string?". */
const signature = (id: string): string[] =>
  fn(id).parameters.map(
    (p) =>
      `${p.name}:${p.type ?? "any"}${p.dimensionality === "matrix" ? ":matrix" : ""}${p.optional ? "?" : ""}`,
  );

describe("BENCH function metadata", () => {
  it("generates without errors", () => {
    expect(generated.errors.join("\n")).toBe("");
  });

  it("has exactly the released ids", () => {
    expect(metadata.map((f) => f.id).sort()).toEqual(
      [
        "BAND",
        "COMPARATORS",
        "MAD",
        "MADSCORE",
        "MADSCORES",
        "METRIC",
        "PROFILE",
        "RANK",
        "SERIES",
        "THEMEEVIDENCE",
        "THEMEREPORT",
        "THEMERATING",
        "THEMES",
        "THEMESCORE",
        "VERSION",
      ].sort(),
    );
  });

  it("declares each argument's type, range-ness and optionality", () => {
    expect(signature("MAD")).toEqual(["values:any:matrix", "scale:string?"]);
    expect(signature("MADSCORE")).toEqual(["value:any", "values:any:matrix"]);
    expect(signature("MADSCORES")).toEqual(["values:any:matrix"]);
    expect(signature("BAND")).toEqual(["score:any", "polarity:string?"]);
    expect(signature("METRIC")).toEqual([
      "council:string",
      "metric:string",
      "period:string?",
      "field:string?",
    ]);
    expect(signature("SERIES")).toEqual(["council:string", "metric:string"]);
    expect(signature("COMPARATORS")).toEqual(["council:string", "group:string?"]);
    expect(signature("VERSION")).toEqual([]);
  });

  it("spills MADSCORES, SERIES, COMPARATORS, PROFILE and the theme report, evidence and list; the others return one value", () => {
    const spilled = metadata.filter((f) => f.result.dimensionality === "matrix").map((f) => f.id);
    expect(spilled.sort()).toEqual([
      "COMPARATORS",
      "MADSCORES",
      "PROFILE",
      "SERIES",
      "THEMEEVIDENCE",
      "THEMEREPORT",
      "THEMES",
    ]);
  });

  it("makes METRIC, and only METRIC, cancelable, with no other options", () => {
    expect(fn("METRIC").options).toEqual({ cancelable: true });
    expect(metadata.filter((f) => f.options?.cancelable).map((f) => f.id)).toEqual(["METRIC"]);
  });

  // Blank cells some builds pass as 0 are told apart through the arguments' addresses (blanks.ts).
  it("asks for the arguments' addresses where a blank must not count as 0, and nowhere else", () => {
    const addressed = metadata.filter((f) => f.options?.requiresParameterAddresses).map((f) => f.id);
    expect(addressed.sort()).toEqual(["BAND", "MAD", "MADSCORE", "MADSCORES", "THEMERATING", "THEMESCORE"]);
    for (const id of addressed) expect(fn(id).options).toEqual({ requiresParameterAddresses: true });
  });

  it("describes every function and every parameter for Excel's formula help", () => {
    for (const f of metadata) {
      expect((f as { description?: string }).description, f.id).toBeTruthy();
      for (const p of f.parameters)
        expect((p as { description?: string }).description, `${f.id} ${p.name}`).toBeTruthy();
    }
  });
});
