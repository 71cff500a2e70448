// Generates the custom-functions metadata the way the webpack plugin does, but fails on errors: the
// custom-functions-metadata CLI reports JSDoc mistakes yet still exits 0.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import webpack, { type Configuration } from "webpack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeFunctionsMetadata } from "../../scripts/functions-metadata.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const source = join(root, "src/functions/functions.ts");

type FunctionMetadata = { id: string; name: string; description?: string };

describe("custom functions metadata", () => {
  let result: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
  let functions: FunctionMetadata[];

  beforeAll(async () => {
    result = await generateCustomFunctionsMetadata(source);
    functions = result.metadataJson ? JSON.parse(result.metadataJson).functions : [];
  });

  it("parses src/functions/functions.ts without errors", () => {
    expect(result.errors.join("\n"), "errors reported by custom-functions-metadata").toBe("");
    expect(functions.length, "no @customfunction found").toBeGreaterThan(0);
  });

  it("gives every function a unique upper-case id and name", () => {
    const ids = functions.map((f) => f.id);
    for (const f of functions) {
      expect(f.id, JSON.stringify(f)).toMatch(/^[A-Z][A-Z0-9._]*$/);
      expect(f.name, f.id).toMatch(/^[A-Z][A-Z0-9._]*$/);
    }
    expect(new Set(ids).size, `duplicate ids in ${ids.join(", ")}`).toBe(ids.length);
    const names = functions.map((f) => f.name);
    expect(new Set(names).size, `duplicate names in ${names.join(", ")}`).toBe(names.length);
  });

  it("has an association for every id, so the webpack plugin registers each one", () => {
    const associated = result.associate.map((a) => a.id).sort();
    expect(associated).toEqual(functions.map((f) => f.id).sort());
  });
});

// functions.json as the build writes it: webpack.config.js's add-in compilation, cut down to the functions
// entry and the plugins that write functions.json, into a temp folder (seconds, not a full build).
describe("functions.json as built", () => {
  const out = mkdtempSync(join(tmpdir(), "council-benchmarks-metadata-"));
  let built: { allowErrorForDataTypeAny?: unknown; functions: FunctionMetadata[] };
  let generated: FunctionMetadata[];

  beforeAll(async () => {
    const configs = await import(pathToFileURL(join(root, "webpack.config.js")).href);
    const [addin] = (await configs.default({}, { mode: "development" })) as Configuration[];
    const writesMetadata = (p: unknown) => /FunctionsMetadataPlugin$/.test((p as object).constructor.name);
    const { devServer: _devServer, ...rest } = addin as Configuration & { devServer?: unknown };
    const config: Configuration = {
      ...rest,
      mode: "development",
      entry: { functions: (addin.entry as Record<string, string[]>).functions },
      plugins: (addin.plugins ?? []).filter(writesMetadata),
      output: { ...addin.output, path: out, clean: false },
      stats: "none",
    };
    const stats = await new Promise<webpack.Stats>((done, fail) =>
      webpack(config, (err, s) => (err || !s ? fail(err) : done(s))),
    );
    expect(stats.hasErrors(), stats.toString("errors-only")).toBe(false);
    built = JSON.parse(readFileSync(join(out, "functions.json"), "utf8"));
    generated = JSON.parse((await generateCustomFunctionsMetadata(source)).metadataJson).functions;
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("lets errors in values and ranges reach the functions (allowErrorForDataTypeAny, top level)", () => {
    expect(built.allowErrorForDataTypeAny).toBe(true);
    // Documented as a top-level property only: not an option of each function.
    for (const f of built.functions)
      expect((f as { options?: object }).options ?? {}, f.id).not.toHaveProperty("allowErrorForDataTypeAny");
  });

  it("keeps every function exactly as the generator wrote it", () => {
    expect(built.functions).toEqual(generated);
  });

  it("refuses text that is not custom-functions metadata", () => {
    expect(() => completeFunctionsMetadata('{"nothing": 1}')).toThrow(/no functions/);
  });
});
