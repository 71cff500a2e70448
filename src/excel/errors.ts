// Errors in words a council officer can act on. Our own errors already say what went wrong; Excel's carry
// a code, which is turned into advice.

const EXCEL_ADVICE: Record<string, string> = {
  AccessDenied: "the workbook is read-only or protected",
  InvalidOperation: "Excel did not allow the change (is a sheet protected, or is a cell being edited?)",
  ItemAlreadyExists: "something with that name already exists",
  ItemNotFound: "something the add-in expected is no longer in the workbook",
  RequestPayloadSizeLimitExceeded: "the table is too large for Excel to take in one go",
  Unauthenticated: "Excel needs you to sign in again",
};

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (error.name === "RichApi.Error" || "debugInfo" in error)) {
    const advice = EXCEL_ADVICE[code];
    return `Excel could not finish: ${advice ?? error.message} (${code})`;
  }
  return error.message;
}
