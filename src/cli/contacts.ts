/**
 * npm run --silent contacts -- [--json] [--at ISO-8601] [--area DIR]
 * Who to call now (or at the given instant): the same block the bot shows.
 */
import { contactsBlock } from '../contacts/block';
import { loadAreaContacts } from '../contacts/load';
import { loadContentConfig } from '../config';
import { parseArgs, parseInstant } from './args';
import { runCli } from './run';

const USAGE =
  'Usage: npm run --silent contacts -- [--json] [--at 2026-12-25T22:00:00Z] [--area content/areas/portsmouth]';

export interface ContactsArgs {
  json: boolean;
  at: Date;
  area: string;
}

export function contactsArgs(argv: string[], now: Date, env: NodeJS.ProcessEnv = process.env): ContactsArgs {
  const args = parseArgs(argv, { flags: ['--json'], options: ['--at', '--area'] });
  return {
    json: args.flags.has('--json'),
    at: parseInstant(args.options.get('--at'), now),
    area: args.options.get('--area') ?? loadContentConfig(env).areaDir,
  };
}

export function contactsOutput(args: ContactsArgs): string {
  const contacts = loadAreaContacts(args.area);
  const block = contactsBlock(contacts, args.at);
  if (!args.json) return [block.headline, ...block.lines].join('\n');
  return JSON.stringify({
    open: block.status.open,
    reason: block.status.reason,
    ...(block.status.holidayName ? { holiday: block.status.holidayName } : {}),
    nextChange: block.status.nextChange.toISOString(),
    nextChangeLocal: block.status.nextChangeLocal,
    primary: block.primary,
    lines: block.lines.map((l) => l.replace(/^- /, '')),
  });
}

if (require.main === module) {
  runCli((argv) => {
    if (argv.includes('--help')) console.log(USAGE);
    else console.log(contactsOutput(contactsArgs(argv, new Date())));
    return Promise.resolve(0);
  }, USAGE);
}
