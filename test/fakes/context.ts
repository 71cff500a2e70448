// Request contexts and proxy objects as Office.js has them: calls on a proxy only queue operations, which
// run in order on context.sync(); a property can be read only after load() and a sync.
import { FakeOfficeError, type WorkbookState } from "./workbook.js";

export interface Operation {
  /** e.g. "Range.values=" or "Table.resize", for failure injection and debugging. */
  describe: string;
  /** Runs the operation; returns what it sends back to the add-in (a load's values), for measuring. */
  apply: () => unknown;
  /** Bytes of the request this operation adds (about the JSON Office.js sends for it). */
  requestBytes: number;
}

/** Bytes of an operation with no data: the object path and method name Office.js sends. */
const OPERATION_BYTES = 64;

/** UTF-8 bytes of a value as JSON, about what Office.js sends or receives for it. */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  const text = JSON.stringify(value);
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** What a context needs from the host: the workbook and a way to run a batch of operations. */
export interface BatchRunner {
  readonly state: WorkbookState;
  runBatch(operations: Operation[]): void;
}

export class FakeRequestContext {
  private queue: Operation[] = [];
  private closed = false;
  private syncs = 0;

  constructor(readonly runner: BatchRunner) {}

  get state(): WorkbookState {
    return this.runner.state;
  }

  get syncCount(): number {
    return this.syncs;
  }

  /** Queues an operation; `data` is what it sends (a values array, XML text), counted in the request size. */
  enqueue(describe: string, apply: () => unknown, data?: unknown): void {
    this.checkOpen();
    this.queue.push({ describe, apply, requestBytes: OPERATION_BYTES + jsonBytes(data) });
  }

  async sync(): Promise<void> {
    this.checkOpen();
    const batch = this.queue;
    this.queue = [];
    // Like Office.js, the batch leaves this turn of the event loop before anything runs.
    await Promise.resolve();
    try {
      this.runner.runBatch(batch);
    } finally {
      this.syncs++;
    }
  }

  /** Called when Excel.run's batch function has settled: later use of its objects is an error. */
  close(): number {
    this.closed = true;
    const discarded = this.queue.length;
    this.queue = [];
    return discarded;
  }

  checkOpen(): void {
    if (this.closed) {
      throw new FakeOfficeError(
        "InvalidObjectPath",
        "The object path isn't working for what you're trying to do: this object belongs to an Excel.run that has finished.",
      );
    }
  }
}

export const notLoaded = (name: string): FakeOfficeError =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

/** A value that exists only once the context has synced (e.g. CustomXmlPart.getXml()). */
export class FakeClientResult<T> {
  private result: { value: T } | undefined;
  constructor(ctx: FakeRequestContext, describe: string, compute: () => T) {
    ctx.enqueue(describe, () => (this.result = { value: compute() }).value);
  }
  get value(): T {
    if (!this.result) throw notLoaded("value");
    return this.result.value;
  }
}

export type LoadOption = string | string[] | { select?: string | string[] } | undefined;

export function propsOf(option: LoadOption, all: readonly string[]): string[] {
  const raw = typeof option === "object" && !Array.isArray(option) ? option?.select : option;
  if (raw === undefined) return [...all];
  const list = Array.isArray(raw) ? raw : raw.split(",");
  return list.map((p) => p.trim().replace(/^items\//, "")).filter(Boolean);
}

/**
 * A proxy for something in the workbook. `locate` finds it when an operation runs; a proxy from a
 * *OrNullObject method may find nothing, and then says so through isNullObject after the next sync.
 */
export abstract class FakeObject<E> {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  protected constructor(
    readonly context: FakeRequestContext,
    private readonly locate: () => E | undefined,
    private readonly what: string,
    private readonly nullable = false,
  ) {
    if (nullable) context.enqueue(`${what}.resolve`, () => (this.nullState = this.locate() === undefined));
  }

  protected abstract readonly scalarProps: readonly string[];
  protected abstract read(entity: E, prop: string): unknown;

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  /** Where the proxy points now; an error like Excel's when it points at nothing. */
  protected target(): E {
    const entity = this.locate();
    if (entity === undefined) {
      throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (${this.what}).`);
    }
    return entity;
  }

  load(option?: LoadOption): this {
    const props = propsOf(option, this.scalarProps);
    for (const p of props) {
      if (!this.scalarProps.includes(p)) {
        throw new FakeOfficeError(
          "PropertyNotLoaded",
          `The fake ${this.what} has no property '${p}' to load`,
        );
      }
    }
    this.context.enqueue(`${this.what}.load`, () => {
      // A null object loads as nulls; anything else must exist.
      const entity = this.nullable ? this.locate() : this.target();
      const response: Record<string, unknown> = {};
      for (const p of props) {
        response[p] = entity === undefined ? null : this.read(entity, p);
        this.loaded.set(p, response[p]);
      }
      return response;
    });
    return this;
  }

  /** Sets loaded values directly (collections hand their items what they loaded). */
  protected remember(props: readonly string[], entity: E): void {
    for (const p of props) this.loaded.set(p, this.read(entity, p));
  }

  protected prop<T>(name: string): T {
    this.context.checkOpen();
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Queues a property write; like Office.js, the proxy then reads back what was set. */
  protected setProp(name: string, value: unknown, apply: (entity: E) => void): void {
    this.context.enqueue(`${this.what}.${name}=`, () => apply(this.target()), value);
    this.loaded.set(name, value);
  }

  protected call(name: string, apply: (entity: E) => void, data?: unknown): void {
    this.context.enqueue(`${this.what}.${name}`, () => apply(this.target()), data);
  }
}

/** Binds a locator to the first thing it finds, so later renames or moves do not change what it points at. */
export function bindById<E extends { id: string }>(
  find: () => E | undefined,
  byId: (id: string) => E | undefined,
): () => E | undefined {
  let id: string | undefined;
  return () => {
    if (id !== undefined) return byId(id);
    const found = find();
    if (found) id = found.id;
    return found;
  };
}

/** A collection's items, available once loaded and synced. */
export class LoadedItems<P> {
  private list: P[] | undefined;
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly what: string,
  ) {}

  load(option: LoadOption, fetch: (props: string[] | undefined) => P[]): void {
    const props = option === undefined ? undefined : propsOf(option, []);
    this.ctx.enqueue(`${this.what}.load`, () => {
      this.list = fetch(props);
      // Roughly what Office.js sends back: something for each item's loaded properties.
      return this.list.map(() => props ?? ["*"]);
    });
  }

  get items(): P[] {
    this.ctx.checkOpen();
    if (!this.list) throw notLoaded("items");
    return this.list;
  }
}
