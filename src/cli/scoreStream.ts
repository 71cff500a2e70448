// `score FILE` for LADE files of any size: the file is parsed as it is read into columns (LadeColumns),
// each metric and period is scored as scoreFile scores it (placeGroup, scoreObservations), and the CSV
// goes out in pieces in scoreFile's order: rows in file order, joint members added at the end. A row can
// go as soon as its group is scored, so files with runs of rows per metric and period (as LADE publishes
// them) stream group by group; any other order still comes out right, held as columns until written.
import { catalogueId, findMetric } from "../core/catalogue/index.js";
import { detectFormat, FormatError } from "../core/parsers/index.js";
import { groupRows, LadeColumns, Strings, type GroupRows } from "../core/parsers/ladeColumns.js";
import { duplicateNote } from "../core/parsers/observation.js";
import { periodId } from "../core/periods.js";
import { csvCell } from "../core/csvOut.js";
import { scoreObservations, type ScoredObservation } from "../core/scoring.js";
import { NOT_A_NUMBER } from "../core/values.js";
import { readTextPieces } from "./files.js";
import { fileNotes, placeGroup, polarityOf, scoreFile, type ScoreFileOptions } from "./scoreFile.js";
import { SCORE_HEADER, scoreLine } from "./scoreOutput.js";
import { shippedDirectory } from "./shipped.js";

export interface ScoreOutput {
  notes: string[];
  /** The CSV in pieces, each made when asked for. */
  chunks: AsyncIterable<string> | Iterable<string>;
}

/**
 * The score command's output for a file. A LADE file is streamed; other formats, and any file the
 * streaming reader refuses, are scored by scoreFile, so every error message is the one it has always been
 * (errors are all found before the first row is written).
 */
export async function scoreFileOutput(path: string, options: ScoreFileOptions): Promise<ScoreOutput> {
  const streamed = await streamLade(path, options);
  if (streamed) return streamed;
  const { text, notes } = await scoreFile(path, options);
  return { notes, chunks: [text] };
}

/** The streamed output, or undefined when the file is not LADE or has a problem scoreFile should name. */
export async function streamLade(path: string, options: ScoreFileOptions): Promise<ScoreOutput | undefined> {
  if (options.format && options.format !== "lade") return undefined;
  const t = new LadeColumns();
  let groups: GroupRows;
  try {
    if (!(await readLade(path, t, options.format === "lade"))) return undefined;
    groups = groupRows(t);
  } catch (e) {
    if (e instanceof FormatError || isSystemError(e)) return undefined;
    throw e;
  }
  const selected = selectGroups(t, options);
  if (!selected) return undefined;

  const bad: { missing: string; line: number }[] = [];
  for (let k = 0; k < t.length; k++) {
    if (!t.missing[k] || groups.dropped[k] || !selected[t.group[k]]) continue;
    const missing = t.strings.list[t.missing[k]];
    if (missing.startsWith(NOT_A_NUMBER)) bad.push({ missing, line: t.line[k] });
  }
  const notes = fileNotes(duplicateNote(groups.duplicates), bad);
  const polarity = polarityOf(options, new Map([...t.metrics].map(([code, m]) => [code, m.polarity])));
  const directory = await shippedDirectory();

  async function* chunks(): AsyncGenerator<string> {
    const out = new ScoreColumns(t);
    const extra: ScoredObservation[] = [];
    const lines = [SCORE_HEADER];
    let next = 0; // the next row to write, in file order
    for (let g = 0; g < t.groups.length; g++) {
      if (!selected![g]) continue;
      const rows: number[] = [];
      for (let i = groups.start[g]; i < groups.start[g + 1]; i++) {
        const k = groups.rows[i];
        if (!groups.dropped[k]) rows.push(k);
      }
      const { placed, kept, place } = placeGroup(
        rows.map((k) => t.observation(k)),
        rows.map((k) => t.line[k]),
        directory,
      );
      // One metric per group: its polarity found once, not once a row.
      const p = polarity(t.groups[g].metric);
      scoreObservations(placed, { place, polarity: () => p }).forEach((r, j) => {
        if (j < kept.length) out.set(rows[kept[j]], r);
        else extra.push(r);
      });
      // Rows of groups up to g are scored: write them until a row of a later group.
      for (; next < t.length; next++) {
        if (groups.dropped[next] || !selected![t.group[next]]) continue;
        if (t.group[next] > g) break;
        if (lines.push(out.line(next)) === CHUNK) {
          yield lines.join("\n") + "\n";
          lines.length = 0;
        }
      }
    }
    for (const r of extra) lines.push(scoreLine(r));
    if (lines.length) yield lines.join("\n") + "\n";
  }
  return { notes, chunks: chunks() };
}

/** Rows per piece written: about 100 KB of CSV. */
const CHUNK = 1000;

/** Reads the file into `t`; false when it is not a LADE file (by its header, as detectFormat tells). */
async function readLade(path: string, t: LadeColumns, known: boolean): Promise<boolean> {
  let head = known ? undefined : "";
  for await (const text of readTextPieces(path)) {
    if (head === undefined) {
      t.push(text);
      continue;
    }
    // detectFormat looks at the first line only: wait for it.
    head += text;
    if (!head.includes("\n")) continue;
    if (detectFormat(head) !== "lade") return false;
    t.push(head);
    head = undefined;
  }
  if (head !== undefined) {
    if (detectFormat(head) !== "lade") return false;
    t.push(head);
  }
  t.end();
  return true;
}

/** Which groups --metric and --period keep (as scoreFile's `only`); undefined when none, for its message. */
function selectGroups(t: LadeColumns, options: ScoreFileOptions): Uint8Array | undefined {
  const want = options.metric?.trim().toLowerCase();
  const id = options.metric === undefined ? undefined : findMetric(catalogueId(options.metric))?.id;
  const period = options.period ? periodId(options.period) : undefined;
  const selected = new Uint8Array(t.groups.length);
  let any = false;
  t.groups.forEach((g, i) => {
    const metric =
      !options.metric ||
      g.metric.toLowerCase() === want ||
      (id !== undefined && catalogueId(g.metric) === id);
    if (metric && (!options.period || g.period === period)) {
      selected[i] = 1;
      any = true;
    }
  });
  return any ? selected : undefined;
}

/**
 * The scored rows as columns, row k of the file at k: a row's council code and name (placement may have
 * moved it to a successor's code) and value (a joint member takes its partnership's) over-write the
 * file's own, which were read already.
 */
class ScoreColumns {
  private readonly median: Float64Array;
  private readonly mad: Float64Array;
  private readonly score: Float64Array;
  private readonly band: Uint8Array;
  private readonly outlier: Uint8Array;
  private readonly note: Uint32Array;
  private readonly bands = new Strings();
  private readonly cells: string[] = [];
  private readonly groupCells: string[] = [];
  private readonly bandCells: string[] = [];
  private lastSpread = { median: NaN, mad: NaN, text: "," };

  constructor(private readonly t: LadeColumns) {
    const n = t.length;
    this.median = new Float64Array(n);
    this.mad = new Float64Array(n);
    this.score = new Float64Array(n);
    this.band = new Uint8Array(n);
    this.outlier = new Uint8Array(n);
    this.note = new Uint32Array(n);
  }

  set(k: number, r: ScoredObservation): void {
    const t = this.t;
    t.areacd[k] = t.strings.id(r.areacd);
    t.areanm[k] = t.strings.id(r.areanm);
    t.value[k] = r.value ?? NaN;
    this.median[k] = r.median ?? NaN;
    this.mad[k] = r.mad ?? NaN;
    this.score[k] = r.score ?? NaN;
    this.band[k] = this.bands.id(r.band);
    this.outlier[k] = r.outlier === null ? 2 : Number(r.outlier);
    this.note[k] = t.strings.id(r.reason ?? r.note ?? "");
  }

  /**
   * Row k of the score CSV: scoreLine's cells, with each text's cell made once (a million rows share a
   * few hundred council names) and numbers as formatNumber writes them (never quoted).
   */
  line(k: number): string {
    const t = this.t;
    const g = t.group[k];
    const o = this.outlier[k];
    return (
      (this.groupCells[g] ??= `${csvCell(t.groups[g].metric)},${csvCell(t.groups[g].period)}`) +
      `,${this.cell(t.areacd[k])},${this.cell(t.areanm[k])},${num(t.value[k])},${this.spread(k)},` +
      `${num(this.score[k])},${(this.bandCells[this.band[k]] ??= csvCell(this.bands.list[this.band[k]]))},` +
      `${o === 2 ? "" : o === 1 ? "true" : "false"},${this.cell(this.note[k])}`
    );
  }

  /** "median,mad": the same for every row of a comparison, so written once for a run of them. */
  private spread(k: number): string {
    const last = this.lastSpread;
    if (!Object.is(last.median, this.median[k]) || !Object.is(last.mad, this.mad[k]))
      this.lastSpread = {
        median: this.median[k],
        mad: this.mad[k],
        text: `${num(this.median[k])},${num(this.mad[k])}`,
      };
    return this.lastSpread.text;
  }

  private cell(id: number): string {
    return (this.cells[id] ??= csvCell(this.t.strings.list[id]));
  }
}

/** formatNumber of a column's number, NaN standing for none. */
function num(n: number): string {
  return Number.isFinite(n) ? String(n) : "";
}

function isSystemError(e: unknown): boolean {
  return e instanceof Error && typeof (e as { code?: unknown }).code === "string";
}
