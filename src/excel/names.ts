// Names Excel accepts for the sheets and tables the add-in creates, unique in the workbook.

const taken = (names: Iterable<string>) => new Set([...names].map((n) => n.toLowerCase()));

function unique(
  base: string,
  existing: Set<string>,
  maxLength: number,
  join: (base: string, n: number) => string,
) {
  if (!existing.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = join("", n);
    const name = join(base.slice(0, maxLength - suffix.length), n);
    if (!existing.has(name.toLowerCase())) return name;
  }
}

/** A table name from the metric: letters, digits and underscores, starting "Bench_" (never a cell address). */
export function tableName(metric: string, existing: Iterable<string>): string {
  const words = metric.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  const base = `Bench_${words}`.slice(0, 60);
  return unique(base, taken(existing), 60, (b, n) => `${b}_${n}`);
}

/** A sheet name from the metric: at most 31 characters, none of \ / ? * [ ] : and no edge apostrophes. */
export function sheetName(metric: string, existing: Iterable<string>): string {
  const base =
    metric
      .replace(/[\\/?*[\]:]/g, "-")
      .replace(/^'+|'+$/g, "")
      .slice(0, 31) || "Benchmarks";
  return unique(base, taken(existing), 31, (b, n) => `${b} (${n})`);
}
