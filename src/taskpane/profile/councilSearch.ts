// Finding "my council" by what people type: its name or short name, a former council's name (St
// Edmundsbury is now part of West Suffolk), or an ONS code, current or former. Former councils lead to
// the council that replaced them, so the pane only ever profiles a current council.
import type { CouncilDirectory } from "../../core/councils.js";
import type { Council } from "../../core/model.js";

export interface CouncilOption {
  /** Unique among the options: the council's code, with the former council's code after a "|". */
  value: string;
  /** The current council this option profiles. */
  code: string;
  /** What the list shows: "West Suffolk", or "West Suffolk (formerly St Edmundsbury)". */
  text: string;
}

interface Entry extends CouncilOption {
  /** Lower-case names and codes the entry answers to. */
  keys: string[];
  former: boolean;
}

const index = new WeakMap<CouncilDirectory, Entry[]>();

const lower = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

function entries(directory: CouncilDirectory): Entry[] {
  const cached = index.get(directory);
  if (cached) return cached;
  const list: Entry[] = [];
  const named = new Set<string>();
  for (const c of directory.all()) {
    list.push({
      value: c.code,
      code: c.code,
      text: c.shortName,
      keys: [c.shortName, c.name, c.code].map(lower),
      former: false,
    });
  }
  // Abolished councils named in the data: each leads to every council that replaced it (Cumbria: two).
  for (const area of directory.areas()) {
    for (const s of directory.successorsOf(area.code)) {
      if (s.code === area.code) continue;
      named.add(`${s.code}|${area.code}`);
      list.push({
        value: `${s.code}|${area.code}`,
        code: s.code,
        text: `${s.shortName} (formerly ${area.name})`,
        keys: [area.name, area.code].map(lower),
        former: true,
      });
    }
  }
  // Former codes the data never named: found by their code only.
  for (const c of directory.all()) {
    for (const p of c.predecessors) {
      if (named.has(`${c.code}|${p}`) || directory.all().some((x) => x.code === p)) continue;
      list.push({
        value: `${c.code}|${p}`,
        code: c.code,
        text: `${c.shortName} (formerly code ${p})`,
        keys: [lower(p)],
        former: true,
      });
    }
  }
  list.sort((a, b) => a.text.localeCompare(b.text, "en-GB"));
  index.set(directory, list);
  return list;
}

/** How well an entry answers the query: lower is better; undefined when it does not. */
function rank(entry: Entry, q: string): number | undefined {
  let best: number | undefined;
  for (const key of entry.keys) {
    let r: number | undefined;
    if (key === q) r = 0;
    else if (key.startsWith(q)) r = 1;
    else if (key.split(/[\s,()-]+/).some((word) => word.startsWith(q))) r = 2;
    else if (key.includes(q)) r = 3;
    if (r !== undefined && (best === undefined || r < best)) best = r;
  }
  return best === undefined ? undefined : best + (entry.former ? 0.5 : 0);
}

/**
 * The options for what the user has typed, best first: every current council when nothing is typed;
 * otherwise names and codes that match (whole name, start of a word, anywhere), current councils before
 * former ones, plus the council the directory finds for the exact text (its other names: "Shepway").
 */
export function searchCouncils(directory: CouncilDirectory, query: string, max = 60): CouncilOption[] {
  const all = entries(directory);
  const q = lower(query);
  if (!q) return all.filter((e) => !e.former).map(strip);
  const scored = all.flatMap((e) => {
    const r = rank(e, q);
    return r === undefined ? [] : [{ e, r }];
  });
  const exact = directory.find(query);
  if (exact) {
    const current = directory.successorsOf(exact.code);
    for (const c of current) {
      if (!scored.some((s) => s.e.code === c.code))
        scored.push({ e: all.find((e) => e.value === c.code)!, r: 0.25 });
    }
  }
  scored.sort((a, b) => a.r - b.r || a.e.text.localeCompare(b.e.text, "en-GB"));
  return scored.slice(0, max).map((s) => strip(s.e));
}

const strip = ({ value, code, text }: Entry): CouncilOption => ({ value, code, text });

/** The current council an option's value stands for. */
export const codeOfOption = (value: string): string => value.split("|")[0];

/** A council's name as the pane shows it. */
export const councilName = (c: Council): string => c.shortName;

/** Whether typed text names a council exactly (as the directory reads names and codes). */
export function exactCouncil(directory: CouncilDirectory, text: string): Council | undefined {
  if (!text.trim()) return undefined;
  const found = directory.find(text);
  if (!found) return undefined;
  const current = directory.successorsOf(found.code);
  return current.length === 1 ? current[0] : undefined;
}
