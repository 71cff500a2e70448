/** A usage error: printed as one line on stderr with exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string>;
}

/** `--name value` and `--name=value` flags; everything else is positional. Flags must be in `allowed`. */
export function parseArgs(argv: readonly string[], allowed: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!allowed.includes(name)) {
      throw new UsageError(
        `Unknown option --${name}; options here: ${allowed.map((a) => `--${a}`).join(", ")}`,
      );
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "") throw new UsageError(`Option --${name} needs a value`);
    flags.set(name, value);
  }
  return { positional, flags };
}

/** A flag whose value must be one of `choices`. */
export function choice<T extends string>(
  args: ParsedArgs,
  name: string,
  choices: readonly T[],
): T | undefined {
  const v = args.flags.get(name);
  if (v === undefined) return undefined;
  if (!(choices as readonly string[]).includes(v)) {
    throw new UsageError(`--${name} must be one of ${choices.join(", ")}; got "${v}"`);
  }
  return v as T;
}
