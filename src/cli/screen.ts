/**
 * npm run --silent screen -- --json
 * Reads one CSERQ4 answers object per line on stdin and writes one result per
 * line on stdout; a bad line gets {"error": "..."} and the rest still run.
 */
import { createInterface } from 'node:readline';
import { assessCserq4, cserq4AnswersSchema } from '../rules/cserq4';
import { formatIssues } from '../validation';
import { parseArgs, UsageError } from './args';
import { runCli } from './run';

export function screenLine(line: string): string {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: 'not valid JSON: expected one answers object per line' });
  }
  const parsed = cserq4AnswersSchema.safeParse(raw);
  if (!parsed.success) return JSON.stringify({ error: formatIssues(parsed.error).join('; ') });
  return JSON.stringify(assessCserq4(parsed.data));
}

const USAGE = `Usage: npm run --silent screen -- --json < answers.jsonl

Each input line is a JSON object:
  {"childAge": 15, "partnerAges": [21], "missing": "no", "controlling": "no", "unsafePlaces": "unknown"}
partnerAges: [] for no partner, null when the partner's age is not known.
missing, controlling, unsafePlaces: "yes", "no" or "unknown".
Optional:
  hasPartner: "unknown" (with partnerAges null) when it is not known whether there is a partner at all.
  otherIndicators: "yes", "no" or "unknown": are there other signs of exploitation? Used only for a
    17-year-old whose age difference is 4 to 6 years (the form's allowance); ignored otherwise. When it
    is absent the allowance applies, as before; the chat screening always asks.`;

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { flags: ['--json'] });
  if (args.flags.has('--help')) {
    console.log(USAGE);
    return 0;
  }
  if (!args.flags.has('--json')) throw new UsageError('--json is required: input and output are JSON lines');
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    process.stdout.write(`${screenLine(line)}\n`);
  }
  return 0;
}

if (require.main === module) runCli(main, USAGE);
