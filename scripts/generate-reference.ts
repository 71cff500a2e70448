// Generates the reference tables the add-in ships: data/councils.json (current English councils with
// their predecessors) and data/nearest-neighbours.json (CIPFA groups), from ../shared/data.
// Run: npx tsx scripts/generate-reference.ts
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { csvParse } from "d3-dsv";
import type { CouncilEntry, CouncilsFile } from "../src/core/councils.js";
import type { Tier } from "../src/core/model.js";
import { normaliseName } from "../src/core/names.js";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SHARED_DATA = resolve(REPO_ROOT, "../shared/data");
export const COUNCILS_CSV = resolve(SHARED_DATA, "uk-local-authorities-current.csv");
export const CIPFA_JSON = resolve(SHARED_DATA, "cipfa-nearest-neighbours.json");
export const COUNCILS_OUT = resolve(REPO_ROOT, "data/councils.json");
export const NEAREST_OUT = resolve(REPO_ROOT, "data/nearest-neighbours.json");

const COUNCILS_SOURCE =
  "mySociety, UK local authority names and codes (github.com/mysociety/uk_local_authority_names_and_codes), " +
  "uk-local-authorities-current.csv";
const COUNCILS_LICENCE = "CC BY 4.0 (creativecommons.org/licenses/by/4.0), contains data from mySociety";
const NEAREST_SOURCE =
  "CIPFA nearest neighbours model, as published by MHCLG (github.com/communitiesuk/oflog-automated-text, src/lib/NN.json)";
const NEAREST_LICENCE = "CIPFA model, as published by MHCLG; attribute CIPFA";

/** mySociety types that are councils we benchmark; CC is the City of London Corporation. */
const TIERS: Record<string, Tier> = {
  NMD: "lower",
  CTY: "upper",
  UA: "single",
  MD: "single",
  LBO: "single",
  CC: "single",
};

const splitCodes = (s: string | undefined): string[] =>
  (s ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * alt-names is comma-separated but holds names with commas ("Bournemouth, Christchurch and Poole",
 * "Bristol, City of"): drop the council's own names first, then rejoin "City of" tails.
 */
function splitAltNames(s: string | undefined, ownNames: readonly string[]): string[] {
  let text = s ?? "";
  for (const own of ownNames) {
    // The name and any words after it up to the next comma ("..., Christchurch and Poole Borough Council").
    if (own.includes(","))
      text = text.replace(new RegExp(`${own.replace(/[^\w\s]/g, "\\$&")}[^,]*`, "gi"), "");
  }
  const out: string[] = [];
  for (const part of text.split(",")) {
    const t = part.trim();
    if (/^(city|county) of$/i.test(t) && out.length) out[out.length - 1] += `, ${t}`;
    else if (t) out.push(t);
  }
  return out;
}

/** Builds data/councils.json's content from the mySociety CSV text. */
export function buildCouncils(csvText: string): CouncilsFile {
  const rows = csvParse(csvText.replace(/^\uFEFF/, "")).filter((r) => r.nation === "England");
  const byLetters = new Map(rows.map((r) => [r["local-authority-code"] ?? "", r]));

  // Direct predecessors by successor's 3-letter code; abolished councils name theirs in replaced-by.
  const direct = new Map<string, string[]>();
  for (const r of rows) {
    if (r["current-authority"] === "True") continue;
    for (const s of splitCodes(r["replaced-by"]))
      direct.set(s, [...(direct.get(s) ?? []), r["local-authority-code"]!]);
  }
  const predecessorCodes = (letters: string, seen = new Set<string>()): string[] => {
    const out: string[] = [];
    for (const p of direct.get(letters) ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      const row = byLetters.get(p)!;
      out.push(row["gss-code"]!, ...splitCodes(row["former-gss-codes"]), ...predecessorCodes(p, seen));
    }
    return out;
  };

  const included = rows.filter(
    (r) => r["current-authority"] === "True" && TIERS[r["local-authority-type"] ?? ""],
  );
  const councilKeys = new Map<string, string>();
  for (const r of included) {
    for (const n of [r["official-name"]!, r["nice-name"]!]) councilKeys.set(normaliseName(n), r["gss-code"]!);
  }
  // "Adur and Worthing Borough Council" (a shared service) is an alt-name of Worthing: not a name for it.
  const namesAnother = (key: string, code: string) =>
    key.split(" and ").some((part) => (councilKeys.get(part) ?? code) !== code);

  const councils: CouncilEntry[] = included
    .map((r) => {
      const letters = r["local-authority-code"]!;
      const name = r["official-name"]!;
      const shortName = r["nice-name"]!;
      const keys = new Set([normaliseName(name), normaliseName(shortName)]);
      const altNames: string[] = [];
      for (const alt of splitAltNames(r["alt-names"], [name, shortName])) {
        const key = normaliseName(alt);
        if (key && !keys.has(key) && !namesAnother(key, r["gss-code"]!)) {
          keys.add(key);
          altNames.push(alt);
        }
      }
      const predecessors = [...new Set([...splitCodes(r["former-gss-codes"]), ...predecessorCodes(letters)])];
      const entry: CouncilEntry = {
        code: r["gss-code"]!,
        name,
        shortName,
        type: r["local-authority-type"]!,
        tier: TIERS[r["local-authority-type"]!],
        region: r.region ?? "",
        predecessors: predecessors.sort(),
      };
      // Created by a reorganisation (it replaced abolished councils): the date it took over their services.
      if (direct.has(letters) && r["start-date"]) entry.since = r["start-date"];
      // A district's county council (mySociety county-la, by its three-letter code), if it is current.
      const county = byLetters.get(r["county-la"] ?? "");
      if (entry.tier === "lower" && county?.["current-authority"] === "True")
        entry.county = county["gss-code"];
      if (altNames.length) entry.altNames = altNames;
      return entry;
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  return { source: COUNCILS_SOURCE, licence: COUNCILS_LICENCE, councils };
}

export interface NearestFile {
  source: string;
  licence: string;
  groups: Record<string, string[]>;
}

/** Builds data/nearest-neighbours.json's content from the CIPFA file: codes as published, repeats removed. */
export function buildNearest(cipfa: Record<string, string[]>): NearestFile {
  const groups: Record<string, string[]> = {};
  for (const code of Object.keys(cipfa).sort()) groups[code] = [...new Set(cipfa[code])];
  return { source: NEAREST_SOURCE, licence: NEAREST_LICENCE, groups };
}

/** JSON with one council or group per line: small, stable diffs. */
export function formatCouncils(file: CouncilsFile): string {
  const lines = file.councils.map((c) => `    ${JSON.stringify(c)}`);
  return `{\n  "source": ${JSON.stringify(file.source)},\n  "licence": ${JSON.stringify(file.licence)},\n  "councils": [\n${lines.join(",\n")}\n  ]\n}\n`;
}

export function formatNearest(file: NearestFile): string {
  const lines = Object.entries(file.groups).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n  "source": ${JSON.stringify(file.source)},\n  "licence": ${JSON.stringify(file.licence)},\n  "groups": {\n${lines.join(",\n")}\n  }\n}\n`;
}

/** Both output files' text from the shared data, as the script writes them. */
export function generateReference(): { councils: string; nearest: string } {
  const councils = formatCouncils(buildCouncils(readFileSync(COUNCILS_CSV, "utf8")));
  const nearest = formatNearest(buildNearest(JSON.parse(readFileSync(CIPFA_JSON, "utf8"))));
  return { councils, nearest };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { councils, nearest } = generateReference();
  writeFileSync(COUNCILS_OUT, councils);
  writeFileSync(NEAREST_OUT, nearest);
  console.log(`wrote ${COUNCILS_OUT} (${councils.length} bytes), ${NEAREST_OUT} (${nearest.length} bytes)`);
}
