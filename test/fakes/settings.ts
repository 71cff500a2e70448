// Office.context.document.settings for the fake host: values kept in memory, saveAsync succeeds (or fails
// on demand), and what was last saved is what a reopened workbook would read.
type Callback = (result: { status: string; value?: unknown; error?: { message: string } }) => void;

export interface FakeSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(...args: unknown[]): void;
  refreshAsync(...args: unknown[]): void;
  /** What saveAsync last wrote into the "file". */
  readonly saved: Map<string, unknown>;
  /** Makes the next saveAsync fail with this message. */
  failNextSave(message: string): void;
}

export function fakeSettings(): FakeSettings {
  const values = new Map<string, unknown>();
  const saved = new Map<string, unknown>();
  let failure: string | undefined;
  const callback = (args: unknown[]): Callback => {
    const cb = args.at(-1);
    return typeof cb === "function" ? (cb as Callback) : () => undefined;
  };
  // Office keeps settings as JSON: what is read back is a copy.
  const copy = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
  return {
    get: (name) => (values.has(name) ? copy(values.get(name)) : null),
    set: (name, value) => void values.set(name, copy(value)),
    remove: (name) => void values.delete(name),
    saveAsync: (...args) => {
      const cb = callback(args);
      queueMicrotask(() => {
        if (failure) {
          const message = failure;
          failure = undefined;
          return cb({ status: "failed", error: { message } });
        }
        saved.clear();
        for (const [k, v] of values) saved.set(k, copy(v));
        cb({ status: "succeeded" });
      });
    },
    refreshAsync: (...args) => queueMicrotask(() => callback(args)({ status: "succeeded" })),
    saved,
    failNextSave: (message) => void (failure = message),
  };
}
