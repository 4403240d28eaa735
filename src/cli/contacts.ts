/**
 * npm run --silent contacts -- [--json] [--at ISO-8601] [--area DIR]
 * Who to call now (or at the given instant): the same block the bot shows.
 */
import { contactsBlock } from '../contacts/block';
import { loadAreaContacts } from '../contacts/load';
import { DEFAULT_AREA_DIR } from '../paths';

const USAGE =
  'Usage: npm run --silent contacts -- [--json] [--at 2026-12-25T22:00:00Z] [--area content/areas/portsmouth]';

export interface ContactsArgs {
  json: boolean;
  at: Date;
  area: string;
}

export function parseArgs(argv: string[], now: Date): ContactsArgs | string {
  const args: ContactsArgs = { json: false, at: now, area: process.env.AREA_DIR || DEFAULT_AREA_DIR };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') args.json = true;
    else if (arg === '--at' || arg === '--area') {
      const value = argv[++i];
      if (!value) return `${arg} needs a value. ${USAGE}`;
      if (arg === '--area') args.area = value;
      else {
        const at = new Date(value);
        if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime())) {
          return `--at expects an ISO-8601 instant such as 2026-12-25T22:00:00Z (got "${value}")`;
        }
        args.at = at;
      }
    } else return `Unknown argument "${arg}". ${USAGE}`;
  }
  return args;
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
  const args = parseArgs(process.argv.slice(2), new Date());
  if (typeof args === 'string') {
    console.error(args);
    process.exitCode = 2;
  } else {
    try {
      console.log(contactsOutput(args));
    } catch (err) {
      console.error((err as Error).message);
      process.exitCode = 1;
    }
  }
}
