/**
 * The 999 classifier's training corpus: one JSON-lines file per independent
 * writer under content/urgency/corpus/, each line {"q": text, "urgent": bool},
 * written to a brief of urgent kinds and near misses. Beside them,
 * content/urgency/corpus/questions/<writer>.jsonl holds the same writers'
 * everyday questions for the knowledge base (every one "urgent": false: the
 * lines their writers labelled as an emergency are left out), so the net
 * learns that an ordinary question is not an alarm; training gives them a
 * lower weight (urgencyTrain.ts). A writer may have questions only: the
 * retired blind sets of the knowledge base (w7 onwards) wrote no urgency
 * brief, and their questions, off-topic ones included ("weather tmrw?",
 * "printer jammed, who do I call"), teach the net what is not an alarm. Such
 * a writer is never held out when the threshold is chosen, since it has no
 * urgent message to catch.
 * Every line is checked with zod; every problem in every file is reported at
 * once. Duplicates (the same words after normalising, within or across
 * writers) are kept once, the first time they appear in writer order; the
 * same text labelled both ways is an error, not something to guess at.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../paths';
import { formatIssues } from '../validation';

export const DEFAULT_CORPUS_DIR = 'content/urgency/corpus';

export const labelledLineSchema = z.strictObject({
  q: z.string().trim().min(1, { error: 'the message is empty' }).max(2000),
  urgent: z.boolean({ error: 'expected "urgent": true or false' }),
  /** An explicit alarm ("999", "in danger right now"): the net must always fire on it. */
  explicit: z.boolean().optional(),
});
export type LabelledLine = z.infer<typeof labelledLineSchema>;

/** "urgency": written to the urgency brief; "question": an everyday question to the bot. */
export type MessageKind = 'urgency' | 'question';

export interface CorpusMessage {
  q: string;
  urgent: boolean;
  writer: string;
  kind: MessageKind;
}

export interface Corpus {
  messages: CorpusMessage[];
  /** The writers of the urgency brief, each held out in turn to choose the threshold. */
  writers: string[];
  /** Lines dropped as duplicates, for the report. */
  duplicates: number;
  /** sha256 of the deduplicated messages in order: what the model file records. */
  hash: string;
}

export class CorpusError extends Error {
  constructor(readonly problems: string[]) {
    super(`The urgency corpus has ${problems.length} problem(s):\n${problems.join('\n')}`);
  }
}

/** Parses JSON lines against the schema; problems are "file:line: what". */
export function parseLabelledLines(text: string, file: string, problems: string[]): LabelledLine[] {
  const out: LabelledLine[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      problems.push(`${where}: not a JSON object`);
      return;
    }
    const parsed = labelledLineSchema.safeParse(json);
    if (parsed.success) out.push(parsed.data);
    else for (const issue of formatIssues(parsed.error)) problems.push(`${where}: ${issue}`);
  });
  return out;
}

/** The key two messages share when they are the same message: case, spacing and punctuation aside. */
export function dedupeKey(q: string): string {
  return q
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface CorpusFile {
  writer: string;
  kind: MessageKind;
  lines: LabelledLine[];
}

export function buildCorpus(files: CorpusFile[]): Corpus {
  const problems: string[] = [];
  const seen = new Map<string, CorpusMessage>();
  const messages: CorpusMessage[] = [];
  let duplicates = 0;
  for (const { writer, kind, lines } of files) {
    for (const line of lines) {
      const key = dedupeKey(line.q);
      const before = seen.get(key);
      if (before) {
        duplicates++;
        if (before.urgent !== line.urgent)
          problems.push(`${writer}: "${line.q}" is labelled both ways (first by ${before.writer})`);
        continue;
      }
      if (kind === 'question' && line.urgent)
        problems.push(`questions/${writer}: "${line.q}" is marked urgent; everyday questions must not be`);
      const m = { q: line.q, urgent: line.urgent, writer, kind };
      seen.set(key, m);
      messages.push(m);
    }
  }
  if (problems.length > 0) throw new CorpusError(problems);
  const hash = createHash('sha256');
  for (const m of messages) hash.update(`${JSON.stringify([m.writer, m.kind, m.urgent, m.q])}\n`);
  return {
    messages,
    writers: [...new Set(files.filter((f) => f.kind === 'urgency').map((f) => f.writer))],
    duplicates,
    hash: hash.digest('hex'),
  };
}

const jsonlFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
    : [];

/** Reads every <writer>.jsonl in the folder, then questions/<writer>.jsonl, each in name order. */
export function loadCorpus(dir = path.join(projectRoot(), DEFAULT_CORPUS_DIR)): Corpus {
  const problems: string[] = [];
  const urgency = jsonlFiles(dir);
  if (urgency.length === 0) throw new CorpusError([`${dir}: no <writer>.jsonl files`]);
  const read = (sub: string, f: string, kind: MessageKind): CorpusFile => ({
    writer: path.basename(f, '.jsonl'),
    kind,
    lines: parseLabelledLines(readFileSync(path.join(dir, sub, f), 'utf8'), path.join(sub, f), problems),
  });
  const files = [
    ...urgency.map((f) => read('', f, 'urgency')),
    ...jsonlFiles(path.join(dir, 'questions')).map((f) => read('questions', f, 'question')),
  ];
  if (problems.length > 0) throw new CorpusError(problems);
  return buildCorpus(files);
}
