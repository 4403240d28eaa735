/**
 * answer() latency on the dev-set questions, on the shipped content and on
 * the shipped content grown with synthetic topics, with the cost of loading
 * and indexing each size. Runs in the bench process; heap figures need
 * node --expose-gc (npm run bench passes it).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadAreaContacts } from '../src/contacts/load';
import { answer, type AnswerContext } from '../src/knowledge/answer';
import { buildKnowledgeBase } from '../src/knowledge/base';
import { evaluate, parseEvalFile } from '../src/router/evaluate';
import { checkKnowledge, DEFAULT_KNOWLEDGE_DIR, type KnowledgeContent } from '../src/knowledge/load';
import { projectRoot } from '../src/paths';
import { median, percentile } from './stats';
import { growContent, writeContent } from './synthetic';

export const DEV_SET = 'tests/fixtures/faq-eval.jsonl';
/** A Wednesday morning in office hours, so the contacts routes answer the same way on every run. */
const NOW = new Date('2026-11-25T10:30:00Z');

export interface AnsweringRow {
  content: string;
  topics: number;
  /** Reading and validating the YAML files, as start-up does. */
  loadMs: number;
  /** Building the search index from loaded content. */
  buildMs: number;
  /** Heap kept by the knowledge base (index and content) after a full GC; NaN without --expose-gc. */
  heapBytes: number;
  /** The first time each question is asked (spelling and stem caches cold for it). */
  firstP99: number;
  p50: number;
  p99: number;
  /**
   * p99 over each question's median time: what the slowest questions cost, with the pauses
   * another process's work puts into single calls on a shared machine taken out.
   */
  p99OfMedians: number;
  /** Dev-set accuracy on this content, to show what growth does to answers as well as to time. */
  accuracy: number;
  calls: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
function heapAfterGc(): number {
  if (!gc) return Number.NaN;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function timeMs<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}

function loadFrom(
  dir: string,
  contacts: AnswerContext['contacts'],
): { content: KnowledgeContent; ms: number } {
  const { value, ms } = timeMs(() => checkKnowledge(dir, contacts));
  if (!value.content)
    throw new Error(`content in ${dir} does not load:\n${value.problems.map((p) => p.message).join('\n')}`);
  return { content: value.content, ms };
}

function measure(
  label: string,
  loaded: { content: KnowledgeContent; ms: number },
  contacts: AnswerContext['contacts'],
  questions: string[],
  passes: number,
  warmUpPasses: number,
): AnsweringRow {
  const before = heapAfterGc();
  const { value: knowledge, ms: buildMs } = timeMs(() => buildKnowledgeBase(loaded.content));
  const heapBytes = heapAfterGc() - before;
  const ctx: AnswerContext = { contacts, knowledge, now: NOW };
  const timeAll = () =>
    questions.map((q) => {
      const start = process.hrtime.bigint();
      answer(q, ctx);
      return Number(process.hrtime.bigint() - start) / 1e6;
    });
  const first = timeAll();
  for (let i = 0; i < warmUpPasses; i++) timeAll();
  const rounds = Array.from({ length: passes }, timeAll);
  const warm = rounds.flat();
  const medians = questions.map((_, q) => median(rounds.map((r) => r[q]!)));
  const report = evaluate(parseEvalFile(readFileSync(path.join(projectRoot(), DEV_SET), 'utf8')).cases, ctx);
  return {
    content: label,
    topics: loaded.content.topics.length,
    loadMs: loaded.ms,
    buildMs,
    heapBytes,
    firstP99: percentile(first, 99),
    p50: percentile(warm, 50),
    p99: percentile(warm, 99),
    p99OfMedians: percentile(medians, 99),
    accuracy: report.accuracy,
    calls: warm.length,
  };
}

export function runAnswering(options: {
  sizes: number[];
  passes: number;
  warmUpPasses: number;
}): AnsweringRow[] {
  const contacts = loadAreaContacts();
  const { cases, errors } = parseEvalFile(readFileSync(path.join(projectRoot(), DEV_SET), 'utf8'));
  if (errors.length > 0) throw new Error(`${DEV_SET}: ${errors.join('; ')}`);
  const questions = cases.map((c) => c.q);

  const shipped = loadFrom(DEFAULT_KNOWLEDGE_DIR, contacts);
  const { passes, warmUpPasses } = options;
  const rows = [measure('shipped', shipped, contacts, questions, passes, warmUpPasses)];
  for (const size of options.sizes) {
    // Written out and read back through the loader, so load time is what a deployment of this size pays at start-up.
    const dir = mkdtempSync(path.join(tmpdir(), `bench-kb-${size}-`));
    try {
      writeContent(dir, growContent(shipped.content, size));
      rows.push(
        measure(`synthetic ${size}`, loadFrom(dir, contacts), contacts, questions, passes, warmUpPasses),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
