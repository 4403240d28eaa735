/**
 * Tools for curators:
 *   npm run kb -- validate          check every content file, report every problem
 *   npm run kb -- schema            write the JSON Schema files next to the content
 *   npm run kb -- eval FILE.jsonl [--min 0.95] [--safety-min 1] [--pending emergency]
 *   npm run kb -- train [--check]   rebuild classifier.json from the training corpus (--check: only compare)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadAreaContacts } from '../contacts/load';
import type { AnswerContext } from '../knowledge/answer';
import { buildKnowledgeBase } from '../knowledge/base';
import {
  evaluate,
  parseEvalFile,
  setAsideUnknown,
  unknownExpectations,
  type EvalReport,
} from '../router/evaluate';
import { checkKnowledge, DEFAULT_KNOWLEDGE_DIR, formatProblem, type Problem } from '../knowledge/load';
import { loadContentConfig } from '../config';
import { CONTENT_SCHEMAS, jsonSchemaText } from '../knowledge/schema';
import { projectRoot } from '../paths';
import { KnowledgeIndex } from '../knowledge/search';
import { modelText, trainFromManifest, type TrainOptions } from './trainTopics';
import { crossValidate } from './crossValidate';
import { parseArgs, parseNumber, UsageError } from './args';
import { runCli } from './run';

const USAGE = `Usage:
  npm run kb -- validate
  npm run kb -- schema
  npm run kb -- eval FILE.jsonl [--min 0.95] [--safety-min 1] [--decline-min 0.95] [--pending ROUTE[,ROUTE]] [--set-aside-unknown] [--answer-at X] [--suggest-at X] [--quiet]
  npm run kb -- train [--check]
  npm run kb -- cv [--steps N] [--l2 X] [--learning-rate X] [--quiet]
Environment: AREA_DIR (default content/areas/portsmouth), KNOWLEDGE_DIR (default ${DEFAULT_KNOWLEDGE_DIR}).`;

function knowledgeDir(): string {
  return path.resolve(projectRoot(), loadContentConfig(process.env).knowledgeDir);
}

/** A schema file that does not match the zod schema is a problem too: editors would check YAML against stale rules. */
export function schemaFileProblems(dir: string): Problem[] {
  return Object.entries(CONTENT_SCHEMAS).flatMap(([name, schema]) => {
    const file = path.join(dir, name);
    let onDisk = '';
    try {
      onDisk = readFileSync(file, 'utf8');
    } catch {
      /* missing: reported below */
    }
    return onDisk === jsonSchemaText(schema)
      ? []
      : [{ file, message: 'missing or out of date: run "npm run kb -- schema"' }];
  });
}

function load(withClassifier = true) {
  const contacts = loadAreaContacts(loadContentConfig(process.env).areaDir);
  const dir = knowledgeDir();
  const check = checkKnowledge(dir, contacts, withClassifier);
  return { contacts, dir, check };
}

function validate(): number {
  const { dir, check } = load();
  const problems = [...check.problems, ...schemaFileProblems(dir)];
  if (problems.length > 0) {
    console.error(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}:`);
    for (const p of problems) console.error(`  ${formatProblem(p)}`);
    return 1;
  }
  console.log(
    `OK: ${check.content!.topics.length} topics and ${check.content!.glossary.length} glossary terms in ${dir}`,
  );
  return 0;
}

function writeSchemas(): number {
  const dir = knowledgeDir();
  for (const [name, schema] of Object.entries(CONTENT_SCHEMAS)) {
    writeFileSync(path.join(dir, name), jsonSchemaText(schema));
    console.log(`wrote ${path.join(dir, name)}`);
  }
  return 0;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatReport(r: EvalReport, quiet = false): string {
  const lines: string[] = [];
  if (!quiet) {
    for (const m of r.misses) {
      const got = m.got.topic ? `${m.got.route} ${m.got.topic}` : m.got.route;
      lines.push(
        `MISS line ${m.line}: ${JSON.stringify(m.q)}\n  expected ${JSON.stringify(m.expect)}, got ${got} (confidence ${m.got.confidence.toFixed(2)})`,
      );
    }
  }
  const a = r.abstention;
  lines.push(
    `accuracy: ${pct(r.accuracy)} (${r.right}/${r.total})`,
    `abstention: precision ${pct(a.precision)} (${a.rightlyAbstained}/${a.abstained} declines were right), recall ${pct(a.recall)} (${a.rightlyAbstained}/${a.shouldAbstain} to decline)`,
    `declined with what the bot can do, not "did you mean": ${pct(a.shouldAbstain === 0 ? 1 : a.declinedOutright / a.shouldAbstain)} (${a.declinedOutright}/${a.shouldAbstain})`,
    `safety routes (emergency, contacts): ${pct(r.safety.accuracy)} (${r.safety.right}/${r.safety.total})`,
  );
  if (r.followUps.total > 0) {
    lines.push(
      `conversation follow-up turns: ${pct(r.followUps.accuracy)} (${r.followUps.right}/${r.followUps.total})`,
    );
  }
  if (r.pending > 0) {
    lines.push(`pending: ${r.pending} lines set aside (--pending, --set-aside-unknown), not counted above`);
  }
  return lines.join('\n');
}

function evalFile(argv: string[]): number {
  const args = parseArgs(argv, {
    flags: ['--quiet', '--set-aside-unknown'],
    options: ['--min', '--safety-min', '--decline-min', '--pending', '--answer-at', '--suggest-at'],
  });
  const file = args.positional[1];
  if (!file) throw new UsageError('name the eval file');
  const option = (name: string) => args.options.get(name);
  const min = parseNumber('--min', option('--min'), 0);
  const safetyMin = parseNumber('--safety-min', option('--safety-min'), 1);
  const declineMin = parseNumber('--decline-min', option('--decline-min'), 0);
  const pending = (option('--pending') ?? '').split(',').filter((x) => x !== '');
  const { contacts, check } = load();
  if (!check.content) {
    for (const p of check.problems) console.error(formatProblem(p));
    return 1;
  }
  const settings = { ...check.content.settings };
  settings.answerAt = parseNumber('--answer-at', option('--answer-at'), settings.answerAt);
  settings.suggestAt = parseNumber('--suggest-at', option('--suggest-at'), settings.suggestAt);
  const knowledge = buildKnowledgeBase({ ...check.content, settings });
  const parsed = parseEvalFile(readFileSync(path.resolve(file), 'utf8'));
  const { errors } = parsed;
  // --set-aside-unknown: a corpus may keep lines for topics not written yet; they are counted as pending.
  const { kept: cases, setAside } = args.flags.has('--set-aside-unknown')
    ? setAsideUnknown(parsed.cases, new Set(knowledge.topics.keys()))
    : { kept: parsed.cases, setAside: 0 };
  errors.push(...unknownExpectations(cases, new Set(knowledge.topics.keys())));
  if (errors.length > 0) {
    for (const e of errors) console.error(`${file}: ${e}`);
    return 1;
  }
  // A fixed weekday morning, so a run does not depend on the clock.
  const ctx: AnswerContext = { contacts, knowledge, now: new Date('2026-11-25T10:30:00Z') };
  const evaluated = evaluate(cases, ctx, pending);
  const report = { ...evaluated, pending: evaluated.pending + setAside };
  console.log(formatReport(report, args.flags.has('--quiet')));
  const failures: string[] = [];
  if (report.accuracy < min) failures.push(`accuracy ${pct(report.accuracy)} is below --min ${pct(min)}`);
  if (report.safety.accuracy < safetyMin) {
    failures.push(`safety routes ${pct(report.safety.accuracy)} are below --safety-min ${pct(safetyMin)}`);
  }
  const a = report.abstention;
  const declined = a.shouldAbstain === 0 ? 1 : a.declinedOutright / a.shouldAbstain;
  if (declined < declineMin)
    failures.push(`declined ${pct(declined)} is below --decline-min ${pct(declineMin)}`);
  for (const f of failures) console.error(`FAIL: ${f}`);
  return failures.length > 0 ? 1 : 0;
}

/** Leave-one-writer-out over the training corpus; --steps, --l2 and --learning-rate try other options. */
function crossValidateCommand(argv: string[]): number {
  const args = parseArgs(argv, { flags: ['--quiet'], options: ['--steps', '--l2', '--learning-rate'] });
  const { dir, contacts, check } = load();
  if (!check.content) {
    for (const p of check.problems) console.error(formatProblem(p));
    return 1;
  }
  const options: Partial<TrainOptions> = {};
  const steps = args.options.get('--steps');
  if (steps !== undefined) options.steps = parseNumber('--steps', steps, 0);
  const l2 = args.options.get('--l2');
  if (l2 !== undefined) options.l2 = parseNumber('--l2', l2, 0);
  const rate = args.options.get('--learning-rate');
  if (rate !== undefined) options.learningRate = parseNumber('--learning-rate', rate, 0);
  const now = new Date('2026-11-25T10:30:00Z');
  const sum = { total: 0, right: 0, safety: 0, safetyRight: 0, decline: 0, declined: 0 };
  for (const { writer, report } of crossValidate(dir, check.content, contacts, now, options)) {
    if (!args.flags.has('--quiet')) console.log(`== ${writer} (held out)\n${formatReport(report, true)}`);
    else console.log(`${writer}: ${pct(report.accuracy)} (${report.right}/${report.total})`);
    sum.total += report.total;
    sum.right += report.right;
    sum.safety += report.safety.total;
    sum.safetyRight += report.safety.right;
    sum.decline += report.abstention.shouldAbstain;
    sum.declined += report.abstention.declinedOutright;
  }
  console.log(
    `all writers: ${pct(sum.right / sum.total)} right (${sum.right}/${sum.total}), safety ${sum.safetyRight}/${sum.safety}, off-topic declined ${sum.declined}/${sum.decline}`,
  );
  return 0;
}

/** Rebuilds classifier.json from the content and the training corpus; --check only says whether it would change. */
function train(argv: string[]): number {
  // The model being rebuilt is not read: an old or damaged one must not stop its own rebuild.
  const { dir, check } = load(false);
  if (!check.content) {
    for (const p of check.problems) console.error(formatProblem(p));
    return 1;
  }
  const { topics, glossary, synonyms, settings } = check.content;
  const index = new KnowledgeIndex(topics, glossary, synonyms, settings);
  const { model, setAside, errors } = trainFromManifest(dir, topics, index);
  if (errors.length > 0) {
    for (const e of errors) console.error(e);
    return 1;
  }
  const file = path.join(dir, 'classifier.json');
  const textOut = modelText(model);
  const summary = `${model.classes.length} classes, ${Object.keys(model.weights).length} features; ${setAside} lines set aside (topics not in the content yet)`;
  if (argv.includes('--check')) {
    const same = existsSync(file) && readFileSync(file, 'utf8') === textOut;
    console.log(
      same
        ? `OK: ${file} matches its corpus (${summary})`
        : `${file} does not match its corpus: run "npm run kb -- train"`,
    );
    return same ? 0 : 1;
  }
  writeFileSync(file, textOut);
  console.log(`wrote ${file}: ${summary}`);
  return 0;
}

function main(argv: string[]): number {
  switch (argv[0]) {
    case 'train':
      return train(argv);
    case 'cv':
      return crossValidateCommand(argv);
    case 'validate':
      return validate();
    case 'schema':
      return writeSchemas();
    case 'eval':
      return evalFile(argv);
    default:
      (argv.includes('--help') ? console.log : console.error)(USAGE);
      return argv.includes('--help') ? 0 : 2;
  }
}

if (require.main === module) runCli((argv) => Promise.resolve(main(argv)), USAGE);
