// Error values: Office's CustomFunctions.Error when the runtime is there, a stand-in of the same shape
// when it is not, and no function ever throwing or rejecting, whatever Excel passes.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { benchmarksFromFiles } from "../../src/core/benchmarks.js";
import { useBenchmarks } from "../../src/functions/data.js";
import { ERROR_TEXT, excelError, FunctionError } from "../../src/functions/errors.js";
import { repoRoot } from "../support/paths.js";
import { excel, expectError, FAKE_ERROR_CODE, FakeError, installCustomFunctions, metadata } from "./excel.js";

const repoFile = (name: string) => readFileSync(`${repoRoot}/data/${name}`, "utf8");
const benchmarks = benchmarksFromFiles({
  snapshot: repoFile("default-snapshot.json"),
  councils: repoFile("councils.json"),
  nearest: repoFile("nearest-neighbours.json"),
});

beforeAll(() => useBenchmarks(benchmarks));
afterEach(() => vi.unstubAllGlobals());

describe("error values", () => {
  it("use the codes @types/custom-functions-runtime declares for CustomFunctions.ErrorCode", () => {
    const dts = readFileSync(`${repoRoot}/node_modules/@types/custom-functions-runtime/index.d.ts`, "utf8");
    const declared = Object.fromEntries(
      [...dts.matchAll(/^\s*(\w+) = "(#[^"]+)"/gm)].map((m) => [m[1], m[2]]),
    );
    expect(declared).toEqual(FAKE_ERROR_CODE);
    for (const [kind, text] of Object.entries(ERROR_TEXT)) expect(declared[kind], kind).toBe(text);
  });

  it("are CustomFunctions.Error objects when the runtime is present", () => {
    installCustomFunctions();
    const e = excelError("notAvailable", "No council called X");
    expect(e).toBeInstanceOf(FakeError);
    expect({ ...e }).toEqual({ code: "#N/A", message: "No council called X" });
  });

  it("fall back to an object of the same shape without the runtime", () => {
    vi.stubGlobal("CustomFunctions", undefined);
    const e = excel("MADSCORE", "twelve", [[1], [2]]);
    expect(e).toBeInstanceOf(FunctionError);
    expect((e as FunctionError).code).toBe("#VALUE!");
    expect((e as FunctionError).message).toContain('text "twelve"');
  });

  it("turn an unexpected exception into #VALUE! with its message", async () => {
    installCustomFunctions();
    const lookup = vi.spyOn(benchmarks, "lookup").mockImplementation(() => {
      throw new TypeError("boom");
    });
    try {
      expectError(await excel("METRIC", "Suffolk", "ASC1"), "#VALUE!", "Unexpected error: boom");
    } finally {
      lookup.mockRestore();
    }
  });
});

describe("no function throws", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constant(""),
    fc.double(),
    fc.string(),
    fc.boolean(),
    fc.constant({ code: "#N/A" }),
  );
  const arg = fc.oneof(cell, fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }), fc.anything());

  it.each(metadata.map((f) => f.id))("%s returns or resolves for any arguments", async (id) => {
    installCustomFunctions();
    const arity = metadata.find((f) => f.id === id)!.parameters.length;
    await fc.assert(
      fc.asyncProperty(fc.array(arg, { minLength: arity, maxLength: arity }), async (args) => {
        const result = excel(id, ...args);
        await expect(Promise.resolve(result)).resolves.not.toBeInstanceOf(Error);
      }),
      { numRuns: 150 },
    );
  });
});

describe("not-found errors from another bundle", () => {
  it("are #N/A by name: inside Excel the data may come from the task pane's copy of the core", async () => {
    class ForeignNotFound extends Error {
      override name = "NotFound";
    }
    installCustomFunctions();
    const foreign = {
      lookup: () => {
        throw new ForeignNotFound('Unknown council "Nowhere"');
      },
    };
    useBenchmarks(foreign as unknown as Parameters<typeof useBenchmarks>[0] & object);
    expectError(await excel("METRIC", "Nowhere", "household-waste-recycling-rate"), "#N/A", /Nowhere/);
    useBenchmarks();
  });
});
