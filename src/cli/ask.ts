/**
 * npm run --silent ask -- [--json] [--at ISO-8601] [question…]
 * Puts questions to the same answer() the bot uses. Questions come from the
 * arguments, or from stdin one per line. With --json, one object per line:
 * {"question","route","topic","confidence","text","suggestions"}.
 */
import { createInterface } from 'node:readline';
import { loadAreaContacts } from '../contacts/load';
import { answer, type AnswerContext } from '../knowledge/answer';
import { loadKnowledgeBase } from '../knowledge/base';
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
  const result = answer(question, ctx);
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
  if (argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const json = argv.includes('--json');
  const atIndex = argv.indexOf('--at');
  const at = atIndex >= 0 ? new Date(argv[atIndex + 1] ?? '') : new Date();
  if (Number.isNaN(at.getTime())) {
    console.error('--at expects an ISO-8601 date and time, such as 2026-12-26T22:00:00Z');
    return 2;
  }
  const words = argv.filter((a, i) => !a.startsWith('--') && (atIndex < 0 || i !== atIndex + 1));
  const contacts = loadAreaContacts(process.env.AREA_DIR || undefined);
  const ctx: AnswerContext = {
    contacts,
    knowledge: loadKnowledgeBase(contacts, process.env.KNOWLEDGE_DIR || undefined),
    now: at,
  };
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

if (require.main === module) runCli(main);
