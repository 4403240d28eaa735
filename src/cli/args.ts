/**
 * The one argument parser for every CLI: named flags (--json), named options
 * with a value (--at 2026-12-26T22:00:00Z), and the rest as positional words.
 * An unknown --name or an option without its value is an error that says
 * what was expected, never silently ignored.
 */
export interface ArgSpec {
  flags?: readonly string[];
  options?: readonly string[];
}

export interface ParsedArgs {
  flags: ReadonlySet<string>;
  options: ReadonlyMap<string, string>;
  positional: string[];
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) positional.push(arg);
    else if (arg === '--help' || spec.flags?.includes(arg)) flags.add(arg);
    else if (spec.options?.includes(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      options.set(arg, value);
    } else throw new UsageError(`unknown option ${arg}`);
  }
  return { flags, options, positional };
}

/** An --at value: an ISO-8601 instant, such as 2026-12-26T22:00:00Z. */
export function parseInstant(value: string | undefined, fallback: Date): Date {
  if (value === undefined) return fallback;
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime()))
    throw new UsageError(`--at expects an ISO-8601 instant such as 2026-12-26T22:00:00Z (got "${value}")`);
  return at;
}

/** A number option, such as --min 0.95. */
export function parseNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || Number.isNaN(n))
    throw new UsageError(`${name} expects a number (got "${value}")`);
  return n;
}
