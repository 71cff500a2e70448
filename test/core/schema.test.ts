// src/core/schema.ts: the small zod stand-in reports what zod would (the same messages and paths, every
// problem), drops unknown keys, trims and defaults, and keeps any key (even "__proto__") as a plain key.
import { describe, expect, it } from "vitest";
import * as z from "../../src/core/schema.js";

const issues = (schema: z.Schema<unknown>, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`);
};

describe("schema", () => {
  const council = z.object({
    code: z.string().regex(/^E\d{8}$/, "expected an English ONS code"),
    name: z.string().min(1),
    tier: z.enum(["upper", "lower", "single"]),
    predecessors: z.array(z.string()),
    since: z.string().optional(),
  });

  it("accepts valid input, leaving out unknown keys and absent optional ones", () => {
    const r = council.safeParse({
      code: "E06000001",
      name: "Hartlepool",
      tier: "single",
      predecessors: [],
      x: 1,
    });
    expect(r).toEqual({
      success: true,
      data: { code: "E06000001", name: "Hartlepool", tier: "single", predecessors: [] },
    });
  });

  it("reports every problem with zod's messages and the path to the bad field", () => {
    expect(issues(council, { code: "X", name: "", tier: "mid", predecessors: ["E1", 3] })).toEqual([
      "code: expected an English ONS code",
      "name: Too small: expected string to have >=1 characters",
      'tier: Invalid option: expected one of "upper"|"lower"|"single"',
      "predecessors.1: Invalid input: expected string, received number",
    ]);
    expect(issues(council, null)).toEqual(["(top): Invalid input: expected object, received null"]);
    expect(issues(council, [])).toEqual(["(top): Invalid input: expected object, received array"]);
    expect(issues(council, { code: 5 })[1]).toBe("name: Invalid input: expected string, received undefined");
  });

  it("checks literals, tuples, records, nullable numbers and refinements", () => {
    const pairs = z
      .array(z.number().nullable())
      .refine((a) => a.length % 2 === 0, "expected [area, value] pairs");
    const snapshot = z.object({
      version: z.literal(1),
      areas: z.array(z.tuple([z.string().min(1), z.string()])),
      metrics: z.record(z.string(), z.record(z.string(), pairs)),
    });
    expect(
      issues(snapshot, {
        version: 2,
        areas: [["", "b"], ["a"], "s"],
        metrics: { m: { p: [0, 1, 2], q: [0, "x"], r: [0, Infinity] }, n: [] },
      }),
    ).toEqual([
      "version: Invalid input: expected 1",
      "areas.0.0: Too small: expected string to have >=1 characters",
      "areas.1: Too small: expected array to have >=2 items",
      "areas.2: Invalid input: expected tuple, received string",
      "metrics.m.p: expected [area, value] pairs",
      // A refinement runs only on an otherwise valid value.
      "metrics.m.q.1: Invalid input: expected number, received string",
      "metrics.m.r.1: Invalid input: expected number, received Infinity",
      "metrics.n: Invalid input: expected record, received array",
    ]);
    const ok = snapshot.parse({
      version: 1,
      areas: [["E1", "A"]],
      metrics: JSON.parse('{"__proto__": {"p": [0, null]}}'),
    });
    expect(Object.keys(ok.metrics)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(ok.metrics)).toBe(Object.prototype);
  });

  it("trims, applies defaults and custom messages, and leaves the schema it came from unchanged", () => {
    const base = z.string();
    const source = z.object({
      name: base.trim().min(1, "give the source a name"),
      licence: base.trim().min(1).default("Unknown"),
      format: z.enum(["lade", "els"], "the format must be one of lade, els"),
      ok: z.boolean().optional(),
    });
    expect(source.parse({ name: "  Roads ", format: "els" })).toEqual({
      name: "Roads",
      licence: "Unknown",
      format: "els",
    });
    expect(issues(source, { name: "   ", licence: " ", format: "csv", ok: "yes" })).toEqual([
      "name: give the source a name",
      "licence: Too small: expected string to have >=1 characters",
      "format: the format must be one of lade, els",
      "ok: Invalid input: expected boolean, received string",
    ]);
    expect(base.safeParse("  ")).toEqual({ success: true, data: "  " });
    expect(() => source.parse({})).toThrow(/^name: Invalid input: expected string, received undefined$/);
  });

  it("omits and extends object shapes", () => {
    const head = council.omit({ predecessors: true, since: true }).extend({ region: z.string() });
    expect(
      head.parse({ code: "E06000001", name: "H", tier: "single", region: "North East", predecessors: 1 }),
    ).toEqual({ code: "E06000001", name: "H", tier: "single", region: "North East" });
  });
});
