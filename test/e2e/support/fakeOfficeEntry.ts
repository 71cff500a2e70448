// The browser stand-in for office.js in the e2e tests: the page asks for the Office CDN script and the test
// serves this bundle instead. It installs the same fake host the unit tests use (test/fakes), adds what the
// shared runtime also needs (CustomFunctions, document settings), and leaves a handle on window.__fakeOffice.
import { installFakeOffice } from "../../fakes/fakeExcel.js";
import { ERROR_CODE } from "../../fakes/errorCodes.js";
import type { CustomFunction, FakeOfficeHandle } from "./browser.js";

const ErrorCode = ERROR_CODE;

/** CustomFunctions.Error: what a function returns to show an error value in its cell. */
class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {
    if (!Object.values(ErrorCode).includes(code as never)) {
      throw new TypeError(`CustomFunctions.Error: ${code} is not an error code a custom function can return`);
    }
  }
}

const host = installFakeOffice(window);
const functions = new Map<string, CustomFunction>();
const associations: string[] = [];
const settings = new Map<string, unknown>();

const CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode,
  associate(idOrMappings: string | Record<string, CustomFunction>, fn?: CustomFunction): void {
    const pairs =
      typeof idOrMappings === "string" ? [[idOrMappings, fn] as const] : Object.entries(idOrMappings);
    for (const [id, impl] of pairs) {
      if (typeof impl !== "function")
        throw new TypeError(`CustomFunctions.associate: ${id} is not a function`);
      associations.push(id);
      functions.set(id, impl);
    }
  },
};

type Callback = (result: { status: string; value?: unknown }) => void;
const succeeded: Callback = () => undefined;
const lastArg = (args: unknown[]): Callback => {
  const cb = args.at(-1);
  return typeof cb === "function" ? (cb as Callback) : succeeded;
};

const office = (
  window as unknown as { Office: Record<string, unknown> & { context: Record<string, unknown> } }
).Office;
office.AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
office.context.document = {
  settings: {
    get: (name: string) => (settings.has(name) ? settings.get(name) : null),
    set: (name: string, value: unknown) => void settings.set(name, value),
    remove: (name: string) => void settings.delete(name),
    saveAsync: (...args: unknown[]) => lastArg(args)({ status: "succeeded" }),
    refreshAsync: (...args: unknown[]) => lastArg(args)({ status: "succeeded", value: undefined }),
  },
};

const handle: FakeOfficeHandle = { host, functions, associations, settings };
Object.assign(window, { CustomFunctions, __fakeOffice: handle });
