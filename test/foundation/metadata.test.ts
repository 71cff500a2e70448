// Generates the custom-functions metadata the way the webpack plugin does, but fails on errors: the
// custom-functions-metadata CLI reports JSDoc mistakes yet still exits 0.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { beforeAll, describe, expect, it } from "vitest";

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
