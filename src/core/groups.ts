// Comparator groups: the councils a council is benchmarked against. Members are codes; old codes of
// comparable predecessors are included so data from before a reorganisation still joins.
import * as z from "./schema.js";
import { type CouncilDirectory, tierFromCode, typeFromCode } from "./councils.js";
import type { Council, Tier } from "./model.js";

export type GroupKind = "tier" | "type" | "region" | "nearest" | "custom";

export const GROUP_KINDS: readonly GroupKind[] = ["tier", "type", "region", "nearest", "custom"];

/** A group kept in the workbook: a name and councils by code or name. */
export interface CustomGroup {
  name: string;
  members: string[];
}

export interface ComparatorGroup {
  kind: GroupKind;
  name: string;
  description: string;
  /** The council the group was resolved for. */
  council: string;
  /** One code per council in the group (current code, or the code of an area added from data). */
  councils: string[];
  /** Every code that counts as a member: `councils` plus comparable predecessor and published codes. */
  members: string[];
}

export interface GroupError {
  error: string;
}

/** CIPFA nearest neighbours by council code, as published (pre-2023 codes, each list includes the council). */
export type NearestNeighbours = Readonly<Record<string, readonly string[]>>;

const nearestFileSchema = z.object({
  source: z.string(),
  licence: z.string(),
  groups: z.record(z.string(), z.array(z.string())),
});

/** Reads parsed data/nearest-neighbours.json; throws naming the bad field. */
export function parseNearestNeighbours(json: unknown): NearestNeighbours {
  const parsed = nearestFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`nearest-neighbours.json: ${issue?.path.join(".") || "(top level)"}: ${issue?.message}`);
  }
  return parsed.data.groups;
}

export function isGroupError(g: ComparatorGroup | GroupError): g is GroupError {
  return "error" in g;
}

/** LADE compared districts with districts, and counties with unitaries, metropolitan and London boroughs. */
const comparable = (a: Tier | undefined, b: Tier | undefined): boolean =>
  a !== undefined && b !== undefined && (a === "lower") === (b === "lower");

const tierWords = (t: Tier): string => (t === "lower" ? "districts" : "upper-tier and single-tier councils");

const inRegion = (region: string): string => (region === "London" ? region : `the ${region}`);

const TYPE_WORDS: Record<string, string> = {
  NMD: "District councils",
  CTY: "County councils",
  UA: "Unitary authorities",
  MD: "Metropolitan districts",
  LBO: "London boroughs",
  CC: "City of London Corporation",
};

/** Builds the code lists from chosen councils, adding predecessors that pass `keep`. */
class Members {
  readonly councils = new Set<string>();
  readonly codes = new Set<string>();
  add(c: Council, keep: (predecessor: string) => boolean): void {
    this.councils.add(c.code);
    this.codes.add(c.code);
    for (const p of c.predecessors) if (keep(p)) this.codes.add(p);
  }
  group(kind: GroupKind, council: Council, name: string, description: string): ComparatorGroup {
    // The council itself is always a member (custom lists and groups found via a successor may omit it).
    if (!this.councils.has(council.code)) this.add(council, (p) => comparable(tierFromCode(p), council.tier));
    return {
      kind,
      name,
      description,
      council: council.code,
      councils: [...this.councils].sort(),
      members: [...this.codes].sort(),
    };
  }
}

/**
 * Adds every council that matches, and every predecessor code that matches even when its successor does
 * not (Harrogate was a district though North Yorkshire is now unitary). Areas added from data count when
 * the reference table does not know them as predecessors.
 */
function collect(
  directory: CouncilDirectory,
  m: Members,
  councilMatches: (x: Council) => boolean,
  codeMatches: (code: string, successor: Council) => boolean,
): void {
  for (const x of directory.all()) {
    if (councilMatches(x)) m.add(x, (p) => codeMatches(p, x));
    else for (const p of x.predecessors) if (codeMatches(p, x)) m.codes.add(p);
  }
  for (const a of directory.areas()) {
    if (!directory.successorsOf(a.code).length && councilMatches(a)) m.add(a, () => false);
  }
}

/**
 * The comparator group of `kind` for a council (code or name). tier: all districts, or all upper-tier and
 * single-tier councils; type: same mySociety type; region: same region and comparable tier; nearest: CIPFA
 * nearest neighbours, abolished neighbours mapped to their successors; custom: the workbook's list.
 */
export function resolveGroup(
  directory: CouncilDirectory,
  nearest: NearestNeighbours,
  council: string,
  kind: GroupKind,
  custom?: CustomGroup,
): ComparatorGroup | GroupError {
  const found = directory.findOrExplain(council);
  if ("error" in found) return found;
  const c = found.council;
  const m = new Members();
  switch (kind) {
    case "tier": {
      const sameTier = (t: Tier | undefined) => comparable(t, c.tier);
      collect(
        directory,
        m,
        (x) => sameTier(x.tier),
        (p) => sameTier(tierFromCode(p)),
      );
      const name = c.tier === "lower" ? "All districts" : "Upper-tier councils";
      const description = `All ${tierWords(c.tier)} in England, as LADE compared them`;
      return m.group(kind, c, name, description);
    }
    case "type": {
      collect(
        directory,
        m,
        (x) => x.type === c.type,
        (p) => typeFromCode(p) === c.type,
      );
      const name = TYPE_WORDS[c.type] ?? `Type ${c.type}`;
      return m.group(kind, c, name, `${name} in England (mySociety type ${c.type})`);
    }
    case "region": {
      if (!c.region) return { error: `No region is known for ${c.shortName} (${c.code})` };
      collect(
        directory,
        m,
        (x) => x.region === c.region && comparable(x.tier, c.tier),
        (p, successor) => successor.region === c.region && comparable(tierFromCode(p), c.tier),
      );
      const name = `${c.region} ${c.tier === "lower" ? "districts" : "upper-tier councils"}`;
      return m.group(kind, c, name, `All ${tierWords(c.tier)} in ${inRegion(c.region)}`);
    }
    case "nearest":
      return nearestGroup(directory, nearest, c, m);
    case "custom":
      return customGroup(directory, c, m, custom);
  }
}

/** The CIPFA list for the council: its own code, else a comparable predecessor's, else a successor's. */
function nearestSource(
  directory: CouncilDirectory,
  nearest: NearestNeighbours,
  c: Council,
): { code: string; list: readonly string[] } | undefined {
  const predecessors = c.predecessors.filter((p) => comparable(tierFromCode(p), c.tier));
  const successors = directory.successorsOf(c.code).map((s) => s.code);
  for (const code of [c.code, ...predecessors, ...successors]) {
    const list = nearest[code];
    if (list?.length) return { code, list };
  }
  return undefined;
}

function nearestGroup(
  directory: CouncilDirectory,
  nearest: NearestNeighbours,
  c: Council,
  m: Members,
): ComparatorGroup | GroupError {
  const source = nearestSource(directory, nearest, c);
  if (!source) {
    return {
      error: `CIPFA publishes no nearest neighbours for ${c.shortName} (${c.code}) or its predecessors`,
    };
  }
  for (const code of source.list) {
    m.codes.add(code);
    // Current: itself. Abolished since the model was published (North Yorkshire County): its successors.
    const successors = directory.successorsOf(code);
    for (const s of successors) {
      m.add(s, s.code === code ? (p) => comparable(tierFromCode(p), tierFromCode(code)) : () => false);
    }
    if (!successors.length) m.councils.add(code);
  }
  const relation = c.predecessors.includes(source.code) ? "its predecessor" : "its successor";
  const sourceName = directory.successorsOf(source.code).find((s) => s.code === source.code)?.shortName;
  const via =
    source.code === c.code
      ? ""
      : `, using the list for ${relation} ${sourceName ? `${sourceName} ` : ""}${source.code}`;
  const description =
    `CIPFA nearest neighbours model for ${c.name} (${c.code})${via}; ` +
    `councils abolished since are replaced by their successors`;
  return m.group("nearest", c, `CIPFA nearest neighbours of ${c.shortName}`, description);
}

function customGroup(
  directory: CouncilDirectory,
  c: Council,
  m: Members,
  custom: CustomGroup | undefined,
): ComparatorGroup | GroupError {
  const name = custom?.name.trim();
  if (!custom || !name) return { error: "A custom group needs a name and a list of councils" };
  const problems: string[] = [];
  for (const member of custom.members) {
    if (!member.trim()) continue;
    const r = directory.findOrExplain(member);
    if ("error" in r) problems.push(r.error);
    else m.add(r.council, (p) => comparable(tierFromCode(p), r.council.tier));
  }
  if (problems.length) return { error: `Custom group "${name}": ${problems.join("; ")}` };
  if (!m.councils.size) return { error: `Custom group "${name}" has no councils` };
  return m.group("custom", c, name, `Custom group "${name}" from the workbook, with ${c.shortName}`);
}

/** One line for a task pane or cell note: "CIPFA nearest neighbours of Suffolk: 16 councils. ...". */
export function describeGroup(group: ComparatorGroup): string {
  const n = group.councils.length;
  return `${group.name}: ${n} ${n === 1 ? "council" : "councils"}. ${group.description}`;
}
