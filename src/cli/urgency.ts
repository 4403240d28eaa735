/**
 * npm run --silent urgency -- FILE.jsonl [...]
 *   Measures the 999 safety net, isUrgent() exactly as the bot calls it, on
 *   evaluation files. Lines are {"q": ..., "urgent": true|false} and may say
 *   "explicit": true (an explicit alarm: the net must always fire on it), or
 *   {"q", "expect"} from the knowledge-base dev set ("emergency" means
 *   urgent); files named urgent-eval*.jsonl are all urgent. Prints, per file:
 *     NAME: urgent caught a/b (x%); false alarms c/d (y%)
 *   then, when the file has explicit lines, "  explicit alarms fired e/f (z%)",
 *   then one "  missed: ..." line per urgent message it did not fire on and
 *   one "  false alarm: ..." line per other message it fired on.
 *
 * npm run urgency -- train [--check]
 *   Rebuilds content/urgency/model.json from content/urgency/corpus/ (bit for
 *   bit: the same corpus always gives the same file) and prints the
 *   validation figures. --check writes nothing and fails if the committed
 *   model is not what the corpus trains.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';
import { parseArgs, UsageError } from './args';
import { runCli } from './run';
import { loadCorpus } from '../rules/urgencyCorpus';
import { DEFAULT_MODEL_FILE, encodeWeights, type Figures, type ModelFile } from '../rules/urgencyModel';
import { figuresOn, trainUrgencyModel } from '../rules/urgencyTrain';

interface Line {
  q: string;
  urgent?: boolean;
  explicit?: boolean;
  expect?: unknown;
}

export interface Measurement {
  urgent: number;
  caught: number;
  others: number;
  falseAlarms: number;
  explicit: number;
  explicitFired: number;
  missed: string[];
  falseAlarmTexts: string[];
  explicitMissed: string[];
}

export function readEvalLines(file: string): Line[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const line = JSON.parse(l) as Line;
      if (typeof line.q !== 'string')
        throw new Error(`${file}:${i + 1}: expected {"q": "...", "urgent": true|false}`);
      return line;
    });
}

/** Measures a judge of urgency on the file's lines; the CLI passes isUrgent itself, as the bot calls it. */
export function measure(file: string, judge: (text: string) => boolean): Measurement {
  const lines = readEvalLines(file);
  const allUrgent = /^urgent-eval/.test(path.basename(file));
  const isUrgentLine = (l: Line) =>
    (l.urgent ?? (l.expect !== undefined ? l.expect === 'emergency' : allUrgent)) === true;
  const fired = new Map(lines.map((l) => [l, judge(l.q)]));
  const urgent = lines.filter(isUrgentLine);
  const others = lines.filter((l) => !isUrgentLine(l));
  const explicit = lines.filter((l) => l.explicit === true);
  const missed = urgent.filter((l) => !fired.get(l)).map((l) => l.q);
  const falseAlarmTexts = others.filter((l) => fired.get(l)).map((l) => l.q);
  const explicitMissed = explicit.filter((l) => !fired.get(l)).map((l) => l.q);
  return {
    urgent: urgent.length,
    caught: urgent.length - missed.length,
    others: others.length,
    falseAlarms: falseAlarmTexts.length,
    explicit: explicit.length,
    explicitFired: explicit.length - explicitMissed.length,
    missed,
    falseAlarmTexts,
    explicitMissed,
  };
}

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

export function report(name: string, m: Measurement): string[] {
  const out = [
    `${name}: urgent caught ${m.caught}/${m.urgent} (${pct(m.caught, m.urgent)}); ` +
      `false alarms ${m.falseAlarms}/${m.others} (${pct(m.falseAlarms, m.others)})`,
  ];
  if (m.explicit > 0)
    out.push(
      `  explicit alarms fired ${m.explicitFired}/${m.explicit} (${pct(m.explicitFired, m.explicit)})`,
    );
  for (const q of m.missed) out.push(`  missed: ${q}`);
  for (const q of m.explicitMissed) if (!m.missed.includes(q)) out.push(`  explicit missed: ${q}`);
  for (const q of m.falseAlarmTexts) out.push(`  false alarm: ${q}`);
  return out;
}

/** The older dev sets: validation only, never trained on (each was tuned on in an earlier round, so not held out). */
export const DEV_SETS = [
  'urgent-eval.jsonl',
  'urgent-near-misses.jsonl',
  'urgent-holdout.jsonl',
  'urgent-holdout-2.jsonl',
  'urgent-holdout-3.jsonl',
];

export function devSets(root = projectRoot()): Record<string, Array<{ q: string; urgent: boolean }>> {
  return Object.fromEntries(
    DEV_SETS.map((name) => {
      const file = path.join(root, 'tests/fixtures', name);
      const allUrgent = /^urgent-eval/.test(name);
      return [
        path.basename(name, '.jsonl'),
        readEvalLines(file).map((l) => ({ q: l.q, urgent: l.urgent ?? allUrgent })),
      ];
    }),
  );
}

/**
 * The model file as `train` writes it: two-space JSON, the buckets and weights each one line of base64
 * (urgencyModel.ts says how and why). Throws if a weight cannot be written exactly.
 */
export function serialiseModel(file: ModelFile): string {
  return `${JSON.stringify({ ...file, ...encodeWeights(file) }, null, 2)}\n`;
}

export function trainModelText(root = projectRoot()): { text: string; summary: string[] } {
  const corpus = loadCorpus(path.join(root, 'content/urgency/corpus'));
  const { model, file: f } = trainUrgencyModel(corpus);
  const line = (name: string, x: Figures) =>
    `  ${name.padEnd(20)} caught ${x.caught}/${x.urgent} (${pct(x.caught, x.urgent)}); ` +
    `false alarms ${x.falseAlarms}/${x.others} (${pct(x.falseAlarms, x.others)})`;
  const summary = [
    `corpus: ${f.corpus.messages} messages (${f.corpus.urgent} urgent; ${f.corpus.questions} everyday questions) ` +
      `from ${f.corpus.writers.join(', ')}; ` +
      `${corpus.duplicates} duplicate(s) dropped; sha256 ${f.corpus.hash}`,
    `threshold ${f.threshold} (${f.validation.method}, target recall ${f.validation.targetRecall}); ` +
      `${f.weights.length} non-zero weights`,
    ...Object.entries(f.validation.perWriter).map(([w, x]) => line(`${w}, held out`, x)),
    line('pooled', f.validation.pooled),
    line('everyday questions', f.validation.questions),
    'the older dev sets, scored by this model (validation, never trained on):',
    ...Object.entries(devSets(root)).map(([name, lines]) => line(name, figuresOn(model, lines))),
  ];
  return { text: serialiseModel(f), summary };
}

function train(args: string[]): number {
  const root = projectRoot();
  const file = path.join(root, DEFAULT_MODEL_FILE);
  const { text, summary } = trainModelText(root);
  for (const l of summary) console.log(l);
  if (args.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      // A missing file is simply not the same.
    }
    if (committed !== text) {
      console.error(`${DEFAULT_MODEL_FILE} is not what the corpus trains: run npm run urgency -- train`);
      return 1;
    }
    console.log(`${DEFAULT_MODEL_FILE} matches the corpus`);
    return 0;
  }
  writeFileSync(file, text);
  console.log(`wrote ${DEFAULT_MODEL_FILE}`);
  return 0;
}

const USAGE = `Usage: npm run --silent urgency -- FILE.jsonl [more.jsonl ...]
       npm run urgency -- train [--check]`;

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { flags: ['--check'] });
  if (args.flags.has('--help')) {
    console.log(USAGE);
    return 0;
  }
  if (args.positional[0] === 'train') return train(args.flags.has('--check') ? ['--check'] : []);
  if (args.positional.length === 0) throw new UsageError('name at least one file to measure');
  // Loaded only here: training must work before there is a model to load.
  const { isUrgent } = await import('../rules/urgency.js');
  for (const file of args.positional)
    for (const l of report(path.basename(file), measure(file, isUrgent))) console.log(l);
  return 0;
}

if (require.main === module) runCli(main, USAGE);
