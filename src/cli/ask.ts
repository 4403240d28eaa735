/**
 * npm run --silent ask -- [--json] [--at ISO-8601] [question…]
 * Puts questions to the bot's own router (routeText), as in a fresh private chat. Questions come from the
 * arguments, or from stdin one per line. With --json, one object per line:
 * {"question","route","topic","confidence","text","suggestions"}.
 */
import { createInterface } from 'node:readline';
import type { AnswerContext } from '../knowledge/answer';
import { routeText } from '../router/routeText';
import { parseArgs, parseInstant } from './args';
import { loadCliContent } from './content';
import { runCli } from './run';

export interface AskResult {
  question: string;
  route: string;
  topic: string | null;
  confidence: number;
  text: string;
  suggestions: string[];
}

export function ask(question: string, ctx: AnswerContext): AskResult {
  const result = routeText(question, ctx);
  return {
    question,
    route: result.route,
    topic: result.topic,
    confidence: Math.round(result.confidence * 1000) / 1000,
    text: result.replies.map((r) => r.text).join('\n\n'),
    suggestions: result.suggestions,
  };
}

const USAGE = `Usage: npm run --silent ask -- [--json] [--at 2026-12-26T22:00:00Z] [question...]
Without a question on the command line, reads one question per line from stdin.
Environment: AREA_DIR (default content/areas/portsmouth), KNOWLEDGE_DIR (default content/knowledge).`;

function render(r: AskResult, json: boolean): string {
  if (json) return JSON.stringify(r);
  const topic = r.topic ? ` ${r.topic}` : '';
  return `> ${r.question}\n[${r.route}${topic}, confidence ${r.confidence}]\n${r.text}\n`;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { flags: ['--json'], options: ['--at'] });
  if (args.flags.has('--help')) {
    console.log(USAGE);
    return 0;
  }
  const json = args.flags.has('--json');
  const ctx: AnswerContext = { ...loadCliContent(), now: parseInstant(args.options.get('--at'), new Date()) };
  const words = args.positional;
  if (words.length > 0) {
    console.log(render(ask(words.join(' '), ctx), json));
    return 0;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    process.stdout.write(`${render(ask(line, ctx), json)}\n`);
  }
  return 0;
}

if (require.main === module) runCli(main, USAGE);
