// A small stand-in for the part of zod the add-in uses: JSON files, the workbook's registry and user sources
// are validated with schemas written as zod writes them, and rejected with zod's messages and paths, for a
// few kilobytes instead of zod's ~90 KB (minified) in every bundle (functions.js must stay small).
//
//   import * as z from "../core/schema.js";
//   const s = z.object({ id: z.string().min(1), n: z.number().nullable().optional() });
//   type S = z.infer<typeof s>;
//   const r = s.safeParse(json); // { success: true, data } | { success: false, error: { issues } }
//
// As in zod: objects drop unknown keys, every problem is reported (each with the path to the bad field),
// a refinement runs only when the value's type and contents were valid, and schemas are immutable (each
// method returns a new one). Only what the project needs is here; add to it rather than bring zod back.

export interface Issue {
  code: string;
  /** Keys from the top level down to the bad value. */
  path: PropertyKey[];
  message: string;
}

export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

/** Thrown by parse(); the message is the first issue, with its path. */
export class SchemaError extends Error {
  override name = "SchemaError";
  constructor(readonly issues: Issue[]) {
    const first = issues[0];
    super(first ? `${first.path.join(".") || "(top level)"}: ${first.message}` : "Invalid input");
  }
}

type Check<T> = (value: T, issue: (code: string, message: string) => void) => void;
type Message = string | { message?: string; error?: string } | undefined;

const messageOf = (m: Message, fallback: string): string =>
  (typeof m === "string" ? m : (m?.message ?? m?.error)) ?? fallback;

/** zod's name for the type of a value in "expected x, received y". */
function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number")
    return Number.isNaN(value) ? "NaN" : String(Number.isFinite(value) ? "number" : value);
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
    if (proto && proto !== Object.prototype && proto.constructor?.name) return proto.constructor.name;
  }
  return typeof value;
}

const show = (v: unknown): string => (typeof v === "string" ? `"${v}"` : String(v));

/** Any schema, whatever it reads (for shapes, tuples and z.infer). */
export interface AnySchema {
  readonly _output: unknown;
  _run(input: unknown, path: PropertyKey[], issues: Issue[]): unknown;
}

export abstract class Schema<Out> implements AnySchema {
  /** The parsed type (z.infer). */
  declare readonly _output: Out;
  // Kept as Check<never> (which every Check<Out> is), so that any schema is also a Schema<unknown>.
  protected checks: Check<never>[] = [];

  /** Reads `input`, pushing problems to `issues` (paths relative to `path`); the returned value is the output. */
  protected abstract read(input: unknown, path: PropertyKey[], issues: Issue[]): Out;

  /** @internal Runs the schema and then, if the value itself was valid, its checks. */
  _run(input: unknown, path: PropertyKey[], issues: Issue[]): Out {
    const before = issues.length;
    const out = this.read(input, path, issues);
    if (issues.length === before) {
      for (const check of this.checks as Check<Out>[])
        check(out, (code, message) => issues.push({ code, path, message }));
    }
    return out;
  }

  safeParse(input: unknown): SafeParseResult<Out> {
    const issues: Issue[] = [];
    const data = this._run(input, [], issues);
    return issues.length ? { success: false, error: { issues } } : { success: true, data };
  }

  parse(input: unknown): Out {
    const r = this.safeParse(input);
    if (!r.success) throw new SchemaError(r.error.issues);
    return r.data;
  }

  /** A copy with some fields changed (schemas are immutable). */
  protected copy(changes: object): this {
    return Object.assign(Object.create(Object.getPrototypeOf(this) as object) as this, this, changes);
  }

  protected with(check: Check<Out>): this {
    return this.copy({ checks: [...this.checks, check] });
  }

  /** A custom rule, run once the value is otherwise valid. */
  refine(ok: (value: Out) => boolean, message?: Message): this {
    return this.with((v, issue) => {
      if (!ok(v)) issue("custom", messageOf(message, "Invalid input"));
    });
  }

  optional(): Optional<Out> {
    return new Optional(this);
  }

  nullable(): Nullable<Out> {
    return new Nullable(this);
  }

  /** Absent (undefined) becomes `value`. */
  default(value: Exclude<Out, undefined>): Default<Exclude<Out, undefined>> {
    return new Default(this as Schema<Exclude<Out, undefined>>, value);
  }
}

/** Types the value with typeof; `expected` is zod's name for it. */
abstract class Primitive<Out> extends Schema<Out> {
  constructor(
    private readonly expected: string,
    private readonly is: (v: unknown) => boolean,
    private readonly message?: Message,
  ) {
    super();
  }

  protected read(input: unknown, path: PropertyKey[], issues: Issue[]): Out {
    if (!this.is(input)) {
      issues.push({
        code: "invalid_type",
        path,
        message: messageOf(
          this.message,
          `Invalid input: expected ${this.expected}, received ${typeName(input)}`,
        ),
      });
    }
    return input as Out;
  }
}

export class StringSchema extends Primitive<string> {
  private trims = false;

  constructor(message?: Message) {
    super("string", (v) => typeof v === "string", message);
  }

  protected override read(input: unknown, path: PropertyKey[], issues: Issue[]): string {
    const s = super.read(input, path, issues);
    return this.trims && typeof s === "string" ? s.trim() : s;
  }

  min(length: number, message?: Message): this {
    return this.with((s, issue) => {
      if (s.length < length) {
        issue("too_small", messageOf(message, `Too small: expected string to have >=${length} characters`));
      }
    });
  }

  max(length: number, message?: Message): this {
    return this.with((s, issue) => {
      if (s.length > length) {
        issue("too_big", messageOf(message, `Too big: expected string to have <=${length} characters`));
      }
    });
  }

  regex(pattern: RegExp, message?: Message): this {
    return this.with((s, issue) => {
      pattern.lastIndex = 0;
      if (!pattern.test(s)) {
        issue("invalid_format", messageOf(message, `Invalid string: must match pattern ${pattern}`));
      }
    });
  }

  /** Trims the value before the checks (and in the output). */
  trim(): this {
    return this.copy({ trims: true });
  }
}

export class NumberSchema extends Primitive<number> {
  constructor(message?: Message) {
    super("number", (v) => typeof v === "number" && Number.isFinite(v), message);
  }

  int(message?: Message): this {
    return this.with((n, issue) => {
      if (!Number.isSafeInteger(n))
        issue("invalid_type", messageOf(message, "Invalid input: expected int, received number"));
    });
  }

  min(minimum: number, message?: Message): this {
    return this.with((n, issue) => {
      if (n < minimum)
        issue("too_small", messageOf(message, `Too small: expected number to be >=${minimum}`));
    });
  }

  max(maximum: number, message?: Message): this {
    return this.with((n, issue) => {
      if (n > maximum) issue("too_big", messageOf(message, `Too big: expected number to be <=${maximum}`));
    });
  }
}

export class BooleanSchema extends Primitive<boolean> {
  constructor(message?: Message) {
    super("boolean", (v) => typeof v === "boolean", message);
  }
}

type Primitives = string | number | boolean | null | undefined;

/** One of a fixed set of values (literal, enum). */
export class ValuesSchema<T extends Primitives> extends Schema<T> {
  constructor(
    readonly options: readonly T[],
    private readonly message?: Message,
  ) {
    super();
  }

  protected read(input: unknown, path: PropertyKey[], issues: Issue[]): T {
    if (!this.options.includes(input as T)) {
      const fallback =
        this.options.length === 1
          ? `Invalid input: expected ${show(this.options[0])}`
          : `Invalid option: expected one of ${this.options.map(show).join("|")}`;
      issues.push({ code: "invalid_value", path, message: messageOf(this.message, fallback) });
    }
    return input as T;
  }
}

export class Optional<T> extends Schema<T | undefined> {
  declare readonly _optional: true;

  constructor(readonly inner: Schema<T>) {
    super();
  }

  protected read(input: unknown, path: PropertyKey[], issues: Issue[]): T | undefined {
    return input === undefined ? undefined : this.inner._run(input, path, issues);
  }
}

export class Nullable<T> extends Schema<T | null> {
  constructor(readonly inner: Schema<T>) {
    super();
  }

  protected read(input: unknown, path: PropertyKey[], issues: Issue[]): T | null {
    return input === null ? null : this.inner._run(input, path, issues);
  }
}

export class Default<T> extends Schema<T> {
  constructor(
    readonly inner: Schema<T>,
    private readonly value: T,
  ) {
    super();
  }

  protected read(input: unknown, path: PropertyKey[], issues: Issue[]): T {
    return input === undefined ? this.value : this.inner._run(input, path, issues);
  }
}

export class ArraySchema<T> extends Schema<T[]> {
  constructor(
    readonly element: Schema<T>,
    private readonly message?: Message,
  ) {
    super();
  }

  protected read(input: unknown, path: PropertyKey[], issues: Issue[]): T[] {
    if (!Array.isArray(input)) {
      issues.push({
        code: "invalid_type",
        path,
        message: messageOf(this.message, `Invalid input: expected array, received ${typeName(input)}`),
      });
      return input as T[];
    }
    return input.map((v, i) => this.element._run(v, [...path, i], issues));
  }

  min(length: number, message?: Message): this {
    return this.with((a, issue) => {
      if (a.length < length)
        issue("too_small", messageOf(message, `Too small: expected array to have >=${length} items`));
    });
  }
}

type TupleOut<T extends readonly AnySchema[]> = { -readonly [K in keyof T]: T[K]["_output"] };

export class TupleSchema<T extends readonly AnySchema[]> extends Schema<TupleOut<T>> {
  constructor(readonly items: T) {
    super();
  }

  protected read(input: unknown, path: PropertyKey[], issues: Issue[]): TupleOut<T> {
    const n = this.items.length;
    if (!Array.isArray(input)) {
      issues.push({
        code: "invalid_type",
        path,
        message: `Invalid input: expected tuple, received ${typeName(input)}`,
      });
    } else if (input.length !== n) {
      const [code, message] =
        input.length < n
          ? ["too_small", `Too small: expected array to have >=${n} items`]
          : ["too_big", `Too big: expected array to have <=${n} items`];
      issues.push({ code, path, message });
    } else {
      return this.items.map((item, i) => item._run(input[i], [...path, i], issues)) as TupleOut<T>;
    }
    return input as TupleOut<T>;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Sets a key even if it is "__proto__", as an ordinary property. */
const put = (o: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

export class RecordSchema<V> extends Schema<Record<string, V>> {
  constructor(
    readonly key: Schema<string>,
    readonly value: Schema<V>,
  ) {
    super();
  }

  protected read(input: unknown, path: PropertyKey[], issues: Issue[]): Record<string, V> {
    if (!isObject(input)) {
      issues.push({
        code: "invalid_type",
        path,
        message: `Invalid input: expected record, received ${typeName(input)}`,
      });
      return input as Record<string, V>;
    }
    const out: Record<string, V> = {};
    for (const k of Object.keys(input)) {
      const key = this.key._run(k, [...path, k], issues);
      put(out, key, this.value._run(input[k], [...path, k], issues));
    }
    return out;
  }
}

export type Shape = Record<string, AnySchema>;
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends { _optional: true } ? K : never;
}[keyof S];
type Flatten<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOut<S extends Shape> = Flatten<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: S[K]["_output"] } & { [K in OptionalKeys<S>]?: S[K]["_output"] }
>;

export class ObjectSchema<S extends Shape> extends Schema<ObjectOut<S>> {
  constructor(readonly shape: S) {
    super();
  }

  protected read(input: unknown, path: PropertyKey[], issues: Issue[]): ObjectOut<S> {
    if (!isObject(input)) {
      issues.push({
        code: "invalid_type",
        path,
        message: `Invalid input: expected object, received ${typeName(input)}`,
      });
      return input as ObjectOut<S>;
    }
    // Unknown keys are left out, as zod's default (strip) does.
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(this.shape)) {
      const value = schema._run(input[key], [...path, key], issues);
      if (value !== undefined || key in input) put(out, key, value);
    }
    return out as ObjectOut<S>;
  }

  /** The same object without the given keys. */
  omit<K extends keyof S & string>(keys: { [P in K]: true }): ObjectSchema<Flatten<Omit<S, K>>> {
    const shape: Shape = { ...this.shape };
    for (const k of Object.keys(keys)) delete shape[k];
    return new ObjectSchema(shape as Flatten<Omit<S, K>>);
  }

  /** The same object with more (or replaced) keys. */
  extend<E extends Shape>(more: E): ObjectSchema<Flatten<Omit<S, keyof E> & E>> {
    return new ObjectSchema({ ...this.shape, ...more } as Flatten<Omit<S, keyof E> & E>);
  }
}

type Infer<T extends AnySchema> = T["_output"];
export type { Infer as infer, Infer as output };

export const string = (message?: Message) => new StringSchema(message);
export const number = (message?: Message) => new NumberSchema(message);
export const boolean = (message?: Message) => new BooleanSchema(message);
export const literal = <const T extends Primitives>(value: T, message?: Message) =>
  new ValuesSchema<T>([value], message);
const enumOf = <const T extends readonly string[]>(values: T, message?: Message) =>
  new ValuesSchema<T[number]>(values, message);
export { enumOf as enum };
export const array = <T>(element: Schema<T>, message?: Message) => new ArraySchema(element, message);
export const tuple = <const T extends readonly AnySchema[]>(items: T) => new TupleSchema(items);
export const record = <V>(key: Schema<string>, value: Schema<V>) => new RecordSchema(key, value);
export const object = <S extends Shape>(shape: S) => new ObjectSchema(shape);
