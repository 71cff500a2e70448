// Council names as people and publishers write them: "St. Helens", "St Helens Borough Council",
// "Bristol, City of". normaliseName turns each into one lookup key.

// Longest first, so "metropolitan borough council" goes before "council".
const PREFIXES = [
  "metropolitan borough of ",
  "borough council of ",
  "london borough of ",
  "royal borough of ",
  "council of the ",
  "council of ",
  "borough of ",
  "county of ",
  "city of ",
  "county ",
];

const SUFFIXES = [
  " metropolitan borough council",
  " metropolitan district council",
  " city and district council",
  " city and district",
  " borough council",
  " district council",
  " county council",
  " city council",
  " london borough",
  " london boro",
  " metropolitan borough",
  " metropolitan district",
  " corporation",
  " council",
  " borough",
  " district",
  " county of",
  " city of",
  " county",
  " city",
  " ua",
];

/** "City of London" is not "London": never strip its "city of". */
const isCityOfLondon = (k: string) => k === "city of london" || k.startsWith("city of london ");

function basic(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // accents
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[.'\u2019,]/g, "")
    .replace(/[^a-z0-9]+/g, " ") // hyphens, dashes, brackets
    .replace(/\bsaint\b/g, "st")
    .replace(/\s+/g, " ")
    .trim();
}

function strip(key: string): string {
  let k = key;
  for (let changed = true; changed;) {
    changed = false;
    if (k.startsWith("the ")) {
      k = k.slice(4);
      changed = true;
    }
    for (const p of PREFIXES) {
      if (k.startsWith(p) && k.length > p.length && !isCityOfLondon(k)) {
        k = k.slice(p.length);
        changed = true;
      }
    }
    for (const s of SUFFIXES) {
      if (k.endsWith(s) && k.length > s.length) {
        k = k.slice(0, -s.length);
        changed = true;
      }
    }
  }
  return k;
}

/**
 * A case-, punctuation- and council-type-insensitive key for a council name, so "ST HELENS",
 * "St. Helens" and "St Helens Borough Council" all give "st helens". Empty for a blank name.
 */
export function normaliseName(name: string): string {
  return strip(basic(name));
}

function bigrams(s: string): string[] {
  const t = ` ${s} `;
  const out: string[] = [];
  for (let i = 0; i < t.length - 1; i++) out.push(t.slice(i, i + 2));
  return out;
}

/** Dice similarity (0..1) of two normalised keys: good enough to suggest names for a typo. */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const x = bigrams(a);
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  const y = bigrams(b);
  for (const g of y) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/**
 * Longer than any council's name by far (the longest are under 60 characters): such text is not looked
 * up by similarity, which costs time in proportion to its length for every name in the directory.
 */
export const MAX_NAME_LENGTH = 200;

/** Text as a message quotes it: at most `max` characters, cut with "…", so a pasted column stays short. */
export function quoteText(text: string, max = 60): string {
  if (text.length <= max) return `"${text}"`;
  // Cut before a character that takes two UTF-16 units rather than through it.
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return `"${text.slice(0, end).trimEnd()}…"`;
}
