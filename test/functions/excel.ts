// Calls the custom functions the way Excel does: by id, through the generated metadata, with every
// declared argument present (null where the user omitted an optional one) and, for cancelable functions,
// an invocation object last. Also installs a stand-in for the CustomFunctions runtime global.
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { expect, vi } from "vitest";
import * as functions from "../../src/functions/functions.js";
import { repoRoot } from "../support/paths.js";
import { ERROR_CODE } from "../fakes/errorCodes.js";

export interface ParameterMetadata {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
  options?: { cancelable?: boolean; requiresParameterAddresses?: boolean };
}

export const generated = await generateCustomFunctionsMetadata(join(repoRoot, "src/functions/functions.ts"));
export const metadata: FunctionMetadata[] = generated.metadataJson
  ? JSON.parse(generated.metadataJson).functions
  : [];

const implementations = functions as unknown as Record<string, (...args: unknown[]) => unknown>;
const byId = new Map(generated.associate.map((a) => [a.id, implementations[a.functionName]]));

/** BENCH.<id>(args…) as Excel would call it; omitted trailing arguments become null. */
export function excel(id: string, ...args: unknown[]): unknown {
  return excelWith(id, {}, ...args);
}

/** Like `excel`, with the invocation object Excel passes last (cancelable functions, parameter addresses). */
export function excelWith(
  id: string,
  invocation: Partial<CustomFunctions.CancelableInvocation> & { parameterAddresses?: string[] },
  ...args: unknown[]
): unknown {
  const meta = metadata.find((m) => m.id === id);
  const fn = byId.get(id);
  if (!meta || !fn) throw new Error(`No custom function ${id}`);
  if (args.length > meta.parameters.length)
    throw new Error(`${id} takes ${meta.parameters.length} arguments`);
  const full = [...args, ...Array<null>(meta.parameters.length - args.length).fill(null)];
  if (meta.options?.cancelable || meta.options?.requiresParameterAddresses) full.push(invocation);
  return fn(...full);
}

/** Stand-in for the runtime's CustomFunctions.Error. */
export class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** CustomFunctions.ErrorCode as @types/custom-functions-runtime declares it. */
export const FAKE_ERROR_CODE = ERROR_CODE;

/** Puts a fake CustomFunctions global in place (undo with vi.unstubAllGlobals). */
export function installCustomFunctions(): void {
  vi.stubGlobal("CustomFunctions", {
    Error: FakeError,
    ErrorCode: FAKE_ERROR_CODE,
    associate: () => undefined,
  });
}

/** Asserts an Excel error value built by the fake runtime, with its code and (optionally) message. */
export function expectError(result: unknown, code: string, message?: RegExp | string): void {
  expect(result).toBeInstanceOf(FakeError);
  const e = result as FakeError;
  expect(e.code, e.message).toBe(code);
  if (message instanceof RegExp) expect(e.message).toMatch(message);
  else if (message !== undefined) expect(e.message).toContain(message);
}
