// The councils reference table (data/councils.json) and lookups by code or name. Older data use the
// codes and names of abolished councils, so codes resolve to successors and data names can be added.
import * as z from "./schema.js";
import type { Council, Tier } from "./model.js";
import { MAX_NAME_LENGTH, nameSimilarity, normaliseName, quoteText } from "./names.js";

const gssCode = z.string().regex(/^E\d{8}$/, "expected an English ONS code such as E06000001");

const councilSchema = z.object({
  code: gssCode,
  name: z.string().min(1),
  shortName: z.string().min(1),
  type: z.string().min(1),
  tier: z.enum(["upper", "lower", "single"]),
  region: z.string(),
  predecessors: z.array(gssCode),
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date such as 2020-04-01")
    .optional(),
  /** A district's county council, which provides its area's upper-tier services (mySociety county-la). */
  county: gssCode.optional(),
  /** Other names the council goes by (mySociety alt-names); only in the file, not on Council. */
  altNames: z.array(z.string()).optional(),
});

export const councilsFileSchema = z.object({
  source: z.string().min(1),
  licence: z.string().min(1),
  councils: z.array(councilSchema),
});

export type CouncilsFile = z.infer<typeof councilsFileSchema>;
export type CouncilEntry = CouncilsFile["councils"][number];

/** An area as named in a data file: code and name as published that year. */
export interface Area {
  code: string;
  name: string;
}

export type FindResult = { council: Council } | { error: string };

const PREFIX_TYPES: Record<string, { type: string; tier: Tier }> = {
  E06: { type: "UA", tier: "single" },
  E07: { type: "NMD", tier: "lower" },
  E08: { type: "MD", tier: "single" },
  E09: { type: "LBO", tier: "single" },
  E10: { type: "CTY", tier: "upper" },
};

/** Tier implied by an ONS code (E07 district, E10 county, E06/E08/E09 single tier); undefined if not a council. */
export function tierFromCode(code: string): Tier | undefined {
  return PREFIX_TYPES[code.slice(0, 3).toUpperCase()]?.tier;
}

/** mySociety type implied by an ONS code; undefined if not a council code. */
export function typeFromCode(code: string): string | undefined {
  return PREFIX_TYPES[code.slice(0, 3).toUpperCase()]?.type;
}

const CODE = /^[EWSNK]\d{8}$/i;

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

export class CouncilDirectory {
  private readonly byCodeMap = new Map<string, Council>();
  private readonly successorMap = new Map<string, Council[]>();
  /** Names from the reference table win over names added from data. */
  private readonly names = new Map<string, Council[]>();
  private readonly dataNames = new Map<string, Council[]>();
  private readonly current: ReadonlySet<string>;

  private constructor(
    private readonly councils: readonly Council[],
    private readonly aliases: ReadonlyMap<string, readonly string[]>,
    private readonly extra: readonly Council[] = [],
    private readonly extraNames: readonly Area[] = [],
  ) {
    this.current = new Set(councils.map((c) => c.code));
    for (const c of councils) {
      if (this.byCodeMap.has(c.code)) throw new Error(`councils.json: council ${c.code} is listed twice`);
      this.byCodeMap.set(c.code, c);
      for (const p of c.predecessors) addTo(this.successorMap, p, c);
      for (const n of [c.name, c.shortName, ...(aliases.get(c.code) ?? [])]) {
        addTo(this.names, normaliseName(n), c);
      }
    }
    for (const c of extra) {
      this.byCodeMap.set(c.code, c);
      addTo(this.dataNames, normaliseName(c.name), c);
    }
    for (const a of extraNames) {
      const c = this.byCode(a.code);
      if (c) addTo(this.dataNames, normaliseName(a.name), c);
    }
  }

  /** Builds the directory from parsed data/councils.json; throws naming the first bad field. */
  static fromJson(json: unknown): CouncilDirectory {
    const parsed = councilsFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`councils.json: ${pathOf(issue?.path ?? []) || "(top level)"}: ${issue?.message}`);
    }
    const aliases = new Map<string, string[]>();
    const councils = parsed.data.councils.map(({ altNames, ...council }) => {
      if (altNames?.length) aliases.set(council.code, altNames);
      return council;
    });
    return new CouncilDirectory(councils, aliases);
  }

  /** Current councils in the reference table, by code. */
  all(): readonly Council[] {
    return this.councils;
  }

  /** Areas added from data that are not in the reference table (e.g. abolished districts). */
  areas(): readonly Council[] {
    return this.extra;
  }

  /**
   * The council with this code; for an abolished council's code not added as an area, its successor.
   * Undefined when unknown or when it has several successors (Cumbria): see successorsOf.
   */
  byCode(code: string): Council | undefined {
    const c = code.trim().toUpperCase();
    const exact = this.byCodeMap.get(c);
    if (exact) return exact;
    const successors = this.successorMap.get(c) ?? [];
    return successors.length === 1 ? successors[0] : undefined;
  }

  /** Current councils that replaced this code (itself if current), e.g. Cumbria → Cumberland, Westmorland and Furness. */
  successorsOf(code: string): readonly Council[] {
    const c = code.trim().toUpperCase();
    const current = this.councils.find((x) => x.code === c);
    return current ? [current] : (this.successorMap.get(c) ?? []);
  }

  /**
   * The current council a row filed under a former code belongs to, in a period starting on `start`: a
   * recoded council, or the one council that had taken over by then (Defra files Buckinghamshire Council,
   * a unitary since April 2020, under the old county code). Undefined for a current code, a code with
   * several successors, and a council that still existed on its own then.
   */
  successorInPeriod(code: string, start: string | undefined): Council | undefined {
    const c = code.trim().toUpperCase();
    if (this.current.has(c)) return undefined;
    const successors = this.successorMap.get(c) ?? [];
    if (successors.length !== 1) return undefined;
    const [successor] = successors;
    if (successor.since && (start === undefined || start < successor.since)) return undefined;
    return successor;
  }

  /** The council's code and its predecessors' codes, so data from before a reorganisation joins. */
  codesIncludingPredecessors(code: string): string[] {
    const c = code.trim().toUpperCase();
    const council = this.byCodeMap.get(c);
    return council ? [council.code, ...council.predecessors] : [c];
  }

  /** By code, or by name/short name/other name ignoring case, punctuation and "Council" etc. */
  find(codeOrName: string): Council | undefined {
    // Without suggestions: the pane calls this at each keystroke.
    const r = this.findOrExplain(codeOrName, false);
    return "council" in r ? r.council : undefined;
  }

  /** Like find, but says what went wrong: unknown code, ambiguous name, or unknown name with suggestions. */
  findOrExplain(codeOrName: string, suggest = true): FindResult {
    const q = codeOrName.trim();
    // No council is called anything this long: say so without reading it all or quoting it whole.
    if (q.length > MAX_NAME_LENGTH) return { error: `No council called ${quoteText(q)}` };
    if (!q) return { error: "No council given" };
    if (CODE.test(q)) {
      const council = this.byCode(q);
      if (council) return { council };
      const successors = this.successorsOf(q);
      if (successors.length > 1) {
        return {
          error: `Code ${q.toUpperCase()} belonged to a council replaced by ${listCouncils(successors)}: choose one`,
        };
      }
      return { error: `No council with code ${q.toUpperCase()} in the reference table or the data` };
    }
    const key = normaliseName(q);
    for (const index of [this.names, this.dataNames]) {
      const found = index.get(key);
      if (found?.length === 1) return { council: found[0] };
      if (found && found.length > 1) {
        return { error: `${quoteText(q)} could be ${listCouncils(found, "or")}: give the code` };
      }
    }
    const suggestions = suggest ? this.suggest(key) : [];
    const hint = suggestions.length ? `. Did you mean ${orList(suggestions.map((c) => c.shortName))}?` : "";
    return { error: `No council called ${quoteText(q)}${hint}` };
  }

  /** Up to three councils whose names are closest to the key. */
  private suggest(key: string): Council[] {
    const best = new Map<Council, number>();
    for (const index of [this.names, this.dataNames]) {
      for (const [name, councils] of index) {
        const score = nameSimilarity(key, name);
        for (const c of councils) best.set(c, Math.max(best.get(c) ?? 0, score));
      }
    }
    return [...best]
      .filter(([, score]) => score >= 0.4)
      .sort((a, b) => b[1] - a[1] || a[0].code.localeCompare(b[0].code))
      .slice(0, 3)
      .map(([c]) => c);
  }

  /**
   * A directory that also knows the areas named in a data file. A code of a current council, or of a
   * council that continued under a new code with the same name (recodings, county → unitary), adds the
   * name as another name for it; any other English council code (e.g. Forest Heath, E07000201) becomes a
   * minimal record with tier and type from its code prefix and its successors' region. Other codes
   * (regions, national parks, combined authorities) are not councils and are ignored.
   */
  withAreas(areas: readonly Area[]): CouncilDirectory {
    const extra = [...this.extra];
    const known = new Set(extra.map((c) => c.code));
    const extraNames = [...this.extraNames];
    for (const area of areas) {
      const code = area.code.trim().toUpperCase();
      const name = area.name.trim();
      const prefix = PREFIX_TYPES[code.slice(0, 3)];
      if (!prefix || !CODE.test(code) || !name) continue;
      const successors = this.successorsOf(code);
      const continued =
        successors.length === 1 &&
        (successors[0].code === code || this.namesOf(successors[0]).has(normaliseName(name)));
      if (this.byCodeMap.has(code) || continued) {
        extraNames.push({ code, name });
        continue;
      }
      if (known.has(code)) continue;
      known.add(code);
      const regions = new Set(successors.map((s) => s.region));
      extra.push({
        code,
        name,
        shortName: name,
        type: prefix.type,
        tier: prefix.tier,
        region: regions.size === 1 ? [...regions][0] : "",
        predecessors: [],
      });
    }
    extra.sort((a, b) => a.code.localeCompare(b.code));
    return new CouncilDirectory(this.councils, this.aliases, extra, extraNames);
  }

  private namesOf(c: Council): Set<string> {
    return new Set([c.name, c.shortName, ...(this.aliases.get(c.code) ?? [])].map(normaliseName));
  }
}

function listCouncils(councils: readonly Council[], last = "and"): string {
  const names = councils.map((c) => `${c.shortName} (${c.code})`);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} ${last} ${names.at(-1)}`;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}
