// Blank cells that arrive as 0. Some Excel builds pass a blank cell in a range, or a blank cell given alone,
// to a custom function as 0 (office-js #1951, #4702, #5262), so MAD, MADSCORE, MADSCORES, BAND, THEMESCORE
// and THEMERATING would count blanks as zeros. Those functions ask for their arguments' addresses
// (@requiresParameterAddresses) and, only when an argument from the sheet holds a 0, ask Excel which of its
// cells are empty (the shared runtime has the Excel API) and read those as blank. Everything else is
// answered at once, as before.
import { loadExcel } from "../excel/load.js";

/** What Excel passes with @requiresParameterAddresses: each argument's address, "" or none for a value. */
export interface AddressedInvocation {
  parameterAddresses?: readonly (string | null | undefined)[];
}

// One question per address at a time: a sheet of MADSCORE formulas over one range asks it once per
// recalculation, not once per formula. Nothing is kept after the answer: a cell typed later must be read again.
const asking = new Map<string, Promise<boolean[][] | undefined>>();

function emptyCellsAt(address: string, rows: number, columns: number): Promise<boolean[][] | undefined> {
  const key = `${address}|${rows}|${columns}`;
  let answer = asking.get(key);
  if (!answer) {
    answer = loadExcel()
      .then((excel) => excel.emptyCells(address, rows, columns))
      .catch(() => undefined)
      .finally(() => asking.delete(key));
    asking.set(key, answer);
  }
  return answer;
}

const hasExcelApi = (): boolean =>
  typeof Excel !== "undefined" && !!(globalThis as { location?: { href?: string } }).location?.href;

const isZero = (cell: unknown): boolean => cell === 0;

function holdsZero(arg: unknown): boolean {
  if (!Array.isArray(arg)) return isZero(arg);
  return arg.some((row: unknown) => (Array.isArray(row) ? row.some(isZero) : isZero(row)));
}

/** `arg` with the zeros in empty cells read as blank (null), as a correct build passes them. */
function withBlanksRead(arg: unknown, empty: boolean[][]): unknown {
  if (!Array.isArray(arg)) return isZero(arg) && empty[0]?.[0] ? null : arg;
  return arg.map((row: unknown, i) =>
    Array.isArray(row) ? row.map((cell: unknown, j) => (isZero(cell) && empty[i]?.[j] ? null : cell)) : row,
  );
}

function shapeOf(arg: unknown): [number, number] {
  if (!Array.isArray(arg)) return [1, 1];
  const first: unknown = arg[0];
  return [arg.length, Array.isArray(first) ? first.length : 1];
}

/**
 * `compute(...args)`, with the arguments at `checked` first cleared of blanks passed as 0. A promise only
 * when one of them holds a 0 and has an address in the sheet; if Excel cannot say which cells are empty,
 * the arguments are used as given (right on every build that passes blanks as blank).
 */
export function readingBlanks<T>(
  invocation: AddressedInvocation | undefined,
  checked: readonly number[],
  args: unknown[],
  compute: (...args: unknown[]) => T,
): T | Promise<T> {
  const addresses = invocation?.parameterAddresses;
  const lookups = checked.filter((i) => !!addresses?.[i] && holdsZero(args[i]));
  if (!lookups.length || !hasExcelApi()) return compute(...args);
  const read = [...args];
  return Promise.all(
    lookups.map(async (i) => {
      const [rows, columns] = shapeOf(args[i]);
      const empty = await emptyCellsAt(addresses![i]!, rows, columns);
      if (empty) read[i] = withBlanksRead(args[i], empty);
    }),
  ).then(() => compute(...read));
}
