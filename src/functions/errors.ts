// Excel error values for the custom functions. CustomFunctions.Error only exists inside Office, so where
// it is absent (tests, a plain browser) an object of the same shape stands in for it. Functions return
// these values rather than throwing them: a thrown value that is not an error would surface as a bare
// #VALUE! without the message.

export type ErrorKind = "invalidValue" | "notAvailable" | "invalidNumber" | "divisionByZero";

/** What each error shows in the cell: the values of CustomFunctions.ErrorCode. */
export const ERROR_TEXT: Readonly<Record<ErrorKind, string>> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
  divisionByZero: "#DIV/0!",
};

/** Stand-in for CustomFunctions.Error outside Office, with the same `code` and `message`. */
export class FunctionError implements CustomFunctions.Error {
  constructor(
    readonly code: CustomFunctions.ErrorCode,
    readonly message?: string,
  ) {}
}

/** An error value as a function returns it to Excel. */
export type ErrorValue = CustomFunctions.Error;

// Read at call time, not import time: the runtime (or a test) may install CustomFunctions later.
const runtime = (): typeof CustomFunctions | undefined =>
  (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;

/** A new error value. Excel shows the message for #VALUE! and #N/A only; others keep it for callers. */
export function excelError(kind: ErrorKind, message?: string): ErrorValue {
  const cf = runtime();
  const code = (cf?.ErrorCode?.[kind] ?? ERROR_TEXT[kind]) as CustomFunctions.ErrorCode;
  return typeof cf?.Error === "function" ? new cf.Error(code, message) : new FunctionError(code, message);
}

const KIND_BY_TEXT = new Map(Object.entries(ERROR_TEXT).map(([kind, text]) => [text, kind as ErrorKind]));

/**
 * The error value a cell holds, if any. Excel passes errors in `any` arguments because functions.json allows
 * them (allowErrorForDataTypeAny, added at build time by scripts/functions-metadata.mjs). CustomFunctions.Error
 * instances pass through; other objects with an error code (`code` or `errorCode`, "#…", or an Excel error
 * cell value's `basicValue`, as data types pass it) are rebuilt.
 */
export function asErrorValue(cell: unknown): ErrorValue | undefined {
  if (typeof cell !== "object" || cell === null) return undefined;
  const cf = runtime();
  if (cell instanceof FunctionError || (typeof cf?.Error === "function" && cell instanceof cf.Error)) {
    return cell as ErrorValue;
  }
  const { code, errorCode, type, basicValue } = cell as Record<string, unknown>;
  const text = typeof code === "string" ? code : type === "Error" ? basicValue : errorCode;
  if (typeof text !== "string" || !text.startsWith("#")) return undefined;
  const kind = KIND_BY_TEXT.get(text);
  const message = (cell as { message?: unknown }).message;
  if (kind) return excelError(kind, typeof message === "string" ? message : undefined);
  // #REF!, #NAME? and the like cannot be returned by a custom function.
  return excelError("invalidValue", `The input holds a ${text} error`);
}

/** Turns anything caught into an error value, so no function ever throws. */
export function errorFrom(caught: unknown): ErrorValue {
  const value = asErrorValue(caught);
  if (value) return value;
  // By name, not instanceof: inside Excel the data (and its NotFound class) may come from the task pane's
  // bundle, which has its own copy of the core modules.
  if (caught instanceof Error && caught.name === "NotFound")
    return excelError("notAvailable", caught.message);
  const detail = caught instanceof Error ? caught.message : String(caught);
  return excelError("invalidValue", `Unexpected error: ${detail}`);
}

/** Runs a function body; anything thrown becomes an error value. */
export function guard<T>(body: () => T): T | ErrorValue {
  try {
    return body();
  } catch (caught) {
    return errorFrom(caught);
  }
}

/** `guard` for async bodies: the promise always resolves. */
export async function guardAsync<T>(body: () => Promise<T>): Promise<T | ErrorValue> {
  try {
    return await body();
  } catch (caught) {
    return errorFrom(caught);
  }
}

/** A spilling function's result: its rows, or a single error as a 1×1 array. */
export function asRows<T>(result: T[][] | ErrorValue): (T | ErrorValue)[][] {
  return Array.isArray(result) ? result : [[result]];
}
