// Formulas as the fake Excel reads them: a tokeniser and precedence parser for the part of Excel's grammar
// the fake calculates (calc.ts). Pure TS (no Node imports): it is also bundled into a browser page.
//
// Two kinds of failure: FormulaSyntaxError is a formula Excel itself would refuse (a write of it fails as in
// Excel); UnsupportedFormula is valid Excel the fake cannot handle (a test bug, never a silent value).
import { columnIndex, MAX_COLS, MAX_ROWS, type Rect } from "./a1.js";

export class FormulaSyntaxError extends Error {}
export class UnsupportedFormula extends Error {}

export const ERROR_CODES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Table[…] parts other than columns: #This Row is `thisRow`. */
export type Special = "#All" | "#Data" | "#Headers" | "#Totals";

export type BinaryOp = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

export type Node = {
  src: string;
  /** The same result wherever the formula is (no [@…], no @, no names): cached per sheet. */
  free: boolean;
  /**
   * The [@…] references the result depends on, besides cells and tables: rows with equal values in them get
   * the same result (shared by the evaluator). Undefined when it depends on the formula's place otherwise.
   */
  deps: Node[] | undefined;
} & (
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "err"; v: ErrorCode }
  | { t: "missing" }
  | { t: "ref"; sheet?: string; rect: Rect }
  | { t: "name"; name: string }
  | {
      t: "struct";
      /** Absent for `[@Col]` and `[Col]`: the table the formula's cell is in. */
      table?: string;
      thisRow: boolean;
      specials: Special[];
      /** The column, or the first and last of a column range; none means every column. */
      columns: string[];
    }
  | { t: "unary"; op: "-" | "+" | "@"; a: Node }
  | { t: "percent"; a: Node }
  | { t: "bin"; op: BinaryOp; a: Node; b: Node }
  | { t: "call"; name: string; args: Node[] }
);

type Token =
  | { k: "operand"; node: Node }
  | { k: "func"; name: string }
  | { k: "op"; op: string }
  | { k: "(" }
  | { k: ")" }
  | { k: "," }
  | { k: "end" };

const CELL_AT = /(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_.\\([])/y;
const NAME_AT = /[A-Za-z_\\][A-Za-z0-9_.\\]*/y;
const NUMBER_AT = /(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/iy;
const OPERATORS = ["<>", "<=", ">=", "+", "-", "*", "/", "^", "&", "=", "<", ">", "%", "@"];
/** Characters a column name after @ may hold only inside its own brackets ([@[MAD score]]). */
const NEEDS_BRACKETS = /[\s,:.[\]#'"{}$^&*+=\-<>/]/;
const SPECIALS: Record<string, Special | "#This Row"> = {
  "#all": "#All",
  "#data": "#Data",
  "#headers": "#Headers",
  "#totals": "#Totals",
  "#this row": "#This Row",
};
const ALLOWED_SPECIALS = ["", "#All", "#Data", "#Headers", "#Totals", "#Data,#Headers", "#Data,#Totals"];

const invalid = (why: string, formula: string) => new FormulaSyntaxError(`${why} in ${formula}`);

// Parsed nodes are shared by source text, so a formula's repeated parts (and every row's copy of the same
// formula) are one node: the evaluator memoises by node.
const interned = new Map<string, Node>();
const parsed = new Map<string, Node | Error>();

type Bare<N> = N extends unknown ? Omit<N, "free" | "deps"> : never;

/** The [@…] leaves of both, once each; undefined if either depends on the formula's place otherwise. */
function union(parts: Node[]): Node[] | undefined {
  const out = new Set<Node>();
  for (const p of parts) {
    if (!p.deps) return undefined;
    for (const d of p.deps) out.add(d);
  }
  return [...out];
}

function depsOf(node: Node): Node[] | undefined {
  switch (node.t) {
    case "name":
      return undefined;
    case "struct":
      return node.thisRow ? [node] : node.table === undefined ? undefined : [];
    case "unary":
      return node.op === "@" ? undefined : node.a.deps;
    case "percent":
      return node.a.deps;
    case "bin":
      return union([node.a, node.b]);
    case "call":
      // SUBTOTAL looks at the referenced cells' formulas, not only their values.
      return node.name === "SUBTOTAL" ? undefined : union(node.args);
    default:
      return [];
  }
}

function intern<N extends Node>(bare: Bare<N>): N {
  const key = `${bare.t}:${bare.src}`;
  const had = interned.get(key);
  if (had) return had as N;
  const node = bare as N;
  node.deps = depsOf(node);
  node.free = node.deps?.length === 0;
  interned.set(key, node);
  return node;
}

function match(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function cellAt(text: string, at: number): { row: number; col: number; end: number } | undefined {
  const m = match(CELL_AT, text, at);
  if (!m) return undefined;
  const row = Number(m[4]) - 1;
  const col = columnIndex(m[2]);
  if (row < 0 || row >= MAX_ROWS || col >= MAX_COLS) return undefined;
  return { row, col, end: at + m[0].length };
}

/** A [bracketed] run from `at`: its end; brackets nest and ' escapes the next character. */
function bracketEnd(text: string, at: number, formula: string): number {
  let depth = 0;
  for (let j = at; j < text.length; j++) {
    if (text[j] === "'") j++;
    else if (text[j] === "[") depth++;
    else if (text[j] === "]" && --depth === 0) return j + 1;
  }
  throw invalid("An unclosed [", formula);
}

function columnName(raw: string, formula: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === "'") {
      if (i + 1 >= raw.length) throw invalid("A ' escaping nothing", formula);
      out += raw[++i];
    } else if ("[]#".includes(raw[i])) throw invalid(`An unescaped ${raw[i]} in a column name`, formula);
    else out += raw[i];
  }
  if (out.trim() === "") throw invalid("An empty column name", formula);
  return out;
}

/** The inside of Table[…] or […]: `[@Col]`, `[@[Col name]]`, `[[#This Row],[Col]]`, `[[A]:[B]]`, `[#All]`… */
function structParts(inside: string, formula: string) {
  let thisRow = false;
  const specials: Special[] = [];
  const columns: string[] = [];
  let body = inside;
  if (body.startsWith("@")) {
    thisRow = true;
    body = body.slice(1).trim();
    if (body !== "" && !body.startsWith("[")) {
      if (NEEDS_BRACKETS.test(body)) throw invalid(`[@${body}] needs [@[${body}]]`, formula);
      columns.push(columnName(body, formula));
      body = "";
    }
  }
  const item = (raw: string) => {
    const special = SPECIALS[raw.trim().toLowerCase()];
    if (raw.trim().startsWith("#") && !special) throw invalid(`The unknown item ${raw}`, formula);
    if (special === "#This Row") thisRow = true;
    else if (special) specials.push(special);
    else columns.push(columnName(raw, formula));
  };
  if (body.startsWith("[")) {
    let i = 0;
    let range = false;
    while (i < body.length) {
      if (body[i] !== "[") throw invalid(`Unexpected "${body.slice(i)}" in a structured reference`, formula);
      const end = bracketEnd(body, i, formula);
      const raw = body.slice(i + 1, end - 1);
      item(raw);
      i = end;
      while (body[i] === " ") i++;
      if (i >= body.length) break;
      if (body[i] === ":" && !range && columns.length === 1) range = true;
      else if (body[i] !== "," || range)
        throw invalid(`Unexpected "${body[i]}" in a structured reference`, formula);
      i++;
      while (body[i] === " ") i++;
      if (i >= body.length) throw invalid("A structured reference ending in a separator", formula);
    }
    if (range && columns.length !== 2) throw invalid("A column range needs two columns", formula);
    if (!range && columns.length > 1) throw invalid("Columns apart are not one reference", formula);
  } else if (body.startsWith("#")) item(body);
  else if (body !== "") columns.push(columnName(body, formula));
  specials.sort();
  if (!ALLOWED_SPECIALS.includes(specials.join(",")) || (thisRow && specials.length))
    throw invalid(
      `The items ${[...specials, ...(thisRow ? ["#This Row"] : [])].join(",")} together`,
      formula,
    );
  return { thisRow, specials, columns };
}

function tokenize(formula: string): Token[] {
  const text = formula.slice(1);
  const tokens: Token[] = [];
  const operand = (node: Bare<Node>) => tokens.push({ k: "operand", node: intern<Node>(node) });
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const start = i;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const refAfter = (sheet: string | undefined, at: number) => {
      const a = cellAt(text, at);
      if (!a) {
        if (sheet !== undefined)
          throw new UnsupportedFormula(`The fake reads only cells and ranges after ${sheet}! in ${formula}`);
        return false;
      }
      let rect: Rect = { row: a.row, col: a.col, rows: 1, cols: 1 };
      i = a.end;
      if (text[i] === ":") {
        const b = cellAt(text, i + 1);
        if (!b) throw new UnsupportedFormula(`The fake supports ":" only between two cells, in ${formula}`);
        rect = {
          row: Math.min(a.row, b.row),
          col: Math.min(a.col, b.col),
          rows: Math.abs(a.row - b.row) + 1,
          cols: Math.abs(a.col - b.col) + 1,
        };
        i = b.end;
      }
      operand({ t: "ref", sheet, rect, src: text.slice(start, i) });
      return true;
    };
    const struct = (table: string | undefined, at: number) => {
      const end = bracketEnd(text, at, formula);
      const parts = structParts(text.slice(at + 1, end - 1).trim(), formula);
      i = end;
      operand({ t: "struct", table, ...parts, src: text.slice(start, i) });
    };
    if (ch === '"') {
      let j = i + 1;
      let v = "";
      for (;;) {
        if (j >= text.length) throw invalid("An unclosed string", formula);
        if (text[j] === '"') {
          if (text[j + 1] !== '"') break;
          j++;
        }
        v += text[j++];
      }
      i = j + 1;
      operand({ t: "str", v, src: text.slice(start, i) });
    } else if (ch === "'") {
      let j = i + 1;
      while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'")) j += text[j] === "'" ? 2 : 1;
      if (text[j + 1] !== "!") throw invalid("A quoted sheet name without !", formula);
      refAfter(text.slice(i + 1, j).replace(/''/g, "'"), j + 2);
    } else if (ch === "#") {
      const code = ERROR_CODES.find((c) => text.slice(i, i + c.length).toUpperCase() === c);
      if (!code) throw invalid(`The unknown error ${text.slice(i, i + 8)}`, formula);
      i += code.length;
      operand({ t: "err", v: code, src: code });
    } else if (ch === "[") {
      struct(undefined, i);
    } else if (/[0-9.]/.test(ch)) {
      const m = match(NUMBER_AT, text, i);
      if (!m) throw invalid(`Unexpected "${ch}"`, formula);
      i += m[0].length;
      operand({ t: "num", v: Number(m[0]), src: m[0] });
    } else if ((ch === "$" || /[A-Za-z]/.test(ch)) && refAfter(undefined, i)) {
      // a cell or range
    } else if (/[A-Za-z_\\]/.test(ch)) {
      const word = match(NAME_AT, text, i)![0];
      i += word.length;
      const next = text[i];
      if (next === "(") {
        tokens.push({ k: "func", name: word.toUpperCase() });
        i++;
      } else if (next === "[") struct(word, i);
      else if (next === "!") refAfter(word, i + 1);
      else if (/^(TRUE|FALSE)$/i.test(word))
        operand({ t: "bool", v: word.toUpperCase() === "TRUE", src: word });
      else operand({ t: "name", name: word, src: word });
    } else if (ch === "(" || ch === ")" || ch === ",") {
      tokens.push({ k: ch });
      i++;
    } else if (ch === "{") {
      throw new UnsupportedFormula(`The fake does not support array constants {…}, in ${formula}`);
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (!op) throw invalid(`Unexpected "${ch}"`, formula);
      tokens.push({ k: "op", op });
      i += op.length;
    }
  }
  tokens.push({ k: "end" });
  return tokens;
}

const LEVELS: string[][] = [["=", "<>", "<", ">", "<=", ">="], ["&"], ["+", "-"], ["*", "/"], ["^"]];

/** A precedence parser over the tokens; `src` of each node is its own text, so equal parts intern alike. */
function parse(formula: string): Node {
  const text = formula.slice(1);
  const tokens = tokenize(formula);
  let p = 0;
  const peek = () => tokens[p];
  // Each token's place in the text is not kept, so a node's source is rebuilt from its parts' sources.
  const make = <N extends Node>(node: Bare<N>): N => intern<N>(node);

  const binary = (level: number): Node => {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      if (t.k !== "op" || !LEVELS[level].includes(t.op)) return left;
      p++;
      const right = binary(level + 1);
      const op = t.op as BinaryOp;
      left = make({
        t: "bin",
        op,
        a: left,
        b: right,
        src: `(${left.src})${op}(${right.src})`,
      });
    }
  };
  // Excel: negation binds tighter than ^ (=-2^2 is 4); % comes after its operand.
  const unary = (): Node => {
    const t = peek();
    if (t.k === "op" && (t.op === "-" || t.op === "+" || t.op === "@")) {
      p++;
      const a = unary();
      return make({ t: "unary", op: t.op, a, src: `${t.op}(${a.src})` });
    }
    let a = primary();
    while (peek().k === "op" && (peek() as { op: string }).op === "%") {
      p++;
      a = make({ t: "percent", a, src: `(${a.src})%` });
    }
    return a;
  };
  const primary = (): Node => {
    const t = tokens[p++];
    if (t.k === "operand") return t.node;
    if (t.k === "(") {
      const inner = binary(0);
      const close = tokens[p++];
      if (close.k === ",")
        throw new UnsupportedFormula(`The fake does not support the union operator (a,b), in ${formula}`);
      if (close.k !== ")") throw invalid("A missing )", formula);
      return inner;
    }
    if (t.k === "func") {
      const args: Node[] = [];
      const missing = () => make({ t: "missing", src: "" });
      if (peek().k === ")") p++;
      else {
        for (;;) {
          const k = peek().k;
          args.push(k === "," || k === ")" ? missing() : binary(0));
          const sep = tokens[p++];
          if (sep.k === ")") break;
          if (sep.k !== ",") throw invalid(`A missing ) after the arguments of ${t.name}`, formula);
        }
      }
      if (args.length > 255) throw invalid(`Too many arguments to ${t.name}`, formula);
      const src = `${t.name}(${args.map((a) => a.src).join(",")})`;
      return make({ t: "call", name: t.name, args, src });
    }
    throw invalid(
      t.k === "end" ? "A formula that ends too soon" : `Unexpected ${"op" in t ? t.op : t.k}`,
      formula,
    );
  };

  if (text.trim() === "") throw invalid("An empty formula", formula);
  const node = binary(0);
  const rest = peek();
  if (rest.k !== "end") {
    if (rest.k === "operand" && (node.t === "ref" || node.t === "struct"))
      throw new UnsupportedFormula(
        `The fake does not support the intersection operator (a space), in ${formula}`,
      );
    throw invalid(
      `Unexpected ${"op" in rest ? rest.op : rest.k === "operand" ? rest.node.src : rest.k}`,
      formula,
    );
  }
  return node;
}

/** The parsed formula ("=…"), from a cache by text: every row of a table column has the same formula. */
export function parseFormula(formula: string): Node {
  let found = parsed.get(formula);
  if (!found) {
    if (parsed.size > 200_000) {
      parsed.clear();
      interned.clear();
    }
    if (!formula.startsWith("=")) throw new Error(`A formula starts with "=": ${formula}`);
    try {
      found =
        formula.length > 8192 ? invalid("A formula of more than 8,192 characters", "it") : parse(formula);
    } catch (e) {
      if (!(e instanceof Error)) throw e;
      found = e;
    }
    parsed.set(formula, found);
  }
  if (found instanceof Error) throw found;
  return found;
}
