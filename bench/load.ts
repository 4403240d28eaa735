/**
 * Load: N concurrent conversations × 20 turns over HTTP (expectReplies)
 * against the real app on loopback, with memory storage and then with blob
 * storage (Azurite). Each conversation runs two scripted screenings with
 * different answers, so a reply meant for another conversation shows up as a
 * wrong outcome. Prints latency, throughput and heap figures, blob against
 * the memory baseline of the same run, and exits non-zero on any error,
 * wrong outcome, or heap that does not come back near where it started.
 *
 *   npm run bench:load                 # 200 conversations × 20 turns
 *   npm run bench:load -- --conversations 50
 */
import type { Storage } from 'botbuilder';
import { Writable } from 'node:stream';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { startAzurite } from '../tests/helpers/azurite';
import { screeningFor, type ScriptedScreening } from '../tests/helpers/scripts';
import { postMessage } from '../tests/helpers/server';

export const TURNS_PER_CONVERSATION = 20;
/** Heap may grow by this much and still count as back near its start (JIT code, caches, the stored chats). */
export const HEAP_SLACK_MB = 24;

interface Check {
  afterTurn: number;
  screening: ScriptedScreening;
}

/** Twenty turns: a greeting, a screening, who to call, a second screening, then help until twenty. */
export function conversationScript(n: number): { turns: string[]; checks: Check[] } {
  const first = screeningFor(n);
  const second = screeningFor(n * 7 + 3);
  const turns = ['hello', ...first.turns];
  const checks: Check[] = [{ afterTurn: turns.length - 1, screening: first }];
  turns.push('who do I call', ...second.turns);
  checks.push({ afterTurn: turns.length - 1, screening: second });
  while (turns.length < TURNS_PER_CONVERSATION) turns.push(turns.length % 2 ? 'help' : 'contacts');
  return { turns: turns.slice(0, TURNS_PER_CONVERSATION), checks };
}

export interface LoadResult {
  conversations: number;
  requests: number;
  errors: string[];
  wrongOutcomes: string[];
  wallMs: number;
  latenciesMs: number[];
}

export async function runLoad(url: string, conversations: number, label: string): Promise<LoadResult> {
  const result: LoadResult = {
    conversations,
    requests: 0,
    errors: [],
    wrongOutcomes: [],
    wallMs: 0,
    latenciesMs: [],
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: conversations }, async (_, n) => {
      const id = `${label}-${n}`;
      const { turns, checks } = conversationScript(n);
      for (const [i, text] of turns.entries()) {
        const t0 = performance.now();
        let replies: string;
        try {
          const res = await postMessage(url, id, { text, from: { id: `user-${n}`, name: 'Load Test' } });
          const json = (await res.json()) as { activities?: Array<{ text?: string }> };
          result.requests++;
          result.latenciesMs.push(performance.now() - t0);
          replies = (json.activities ?? []).map((a) => a.text ?? '').join('\n');
          if (
            res.status !== 200 ||
            !json.activities?.length ||
            /something went wrong|send it again/.test(replies)
          ) {
            result.errors.push(
              `${id} turn ${i}: HTTP ${res.status}, ${json.activities?.length ?? 0} replies`,
            );
          }
        } catch (err) {
          result.errors.push(`${id} turn ${i}: ${(err as Error).message}`);
          continue;
        }
        const check = checks.find((c) => c.afterTurn === i);
        if (
          check &&
          !(replies.includes(`**${check.screening.heading}**`) && check.screening.q2Detail.test(replies))
        ) {
          result.wrongOutcomes.push(`${id} turn ${i}: expected ${check.screening.outcome}`);
        }
      }
    }),
  );
  result.wallMs = performance.now() - started;
  return result;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function heapMb(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

interface Figures {
  label: string;
  result: LoadResult;
  /** Time inside the server's handler, from its own log lines: the rest of a request's latency is queueing. */
  serverMs: number[];
  heapBeforeMb: number;
  heapPeakMb: number;
  heapAfterMb: number;
}

async function measure(
  label: string,
  env: Record<string, string>,
  conversations: number,
  storage?: Storage,
): Promise<Figures> {
  const config = loadConfig({ PORT: '0', ...env });
  const serverMs: number[] = [];
  const handled = new Writable({
    write(chunk: Buffer, _e, cb) {
      for (const line of chunk.toString().split('\n')) {
        if (!line.includes('"event":"request"')) continue;
        serverMs.push((JSON.parse(line) as { ms: number }).ms);
      }
      cb();
    },
  });
  const app = await startApp({ config, log: createLogger({ destination: handled }), storage });
  try {
    await runLoad(app.url, 10, `${label}-warmup`);
    serverMs.length = 0;
    const heapBeforeMb = heapMb();
    let heapPeakMb = heapBeforeMb;
    const sampler = setInterval(() => {
      heapPeakMb = Math.max(heapPeakMb, process.memoryUsage().heapUsed / 2 ** 20);
    }, 50);
    const result = await runLoad(app.url, conversations, label);
    clearInterval(sampler);
    return { label, result, serverMs, heapBeforeMb, heapPeakMb, heapAfterMb: heapMb() };
  } finally {
    await app.close();
  }
}

function report(f: Figures, baseline?: Figures): string[] {
  const sorted = [...f.result.latenciesMs].sort((a, b) => a - b);
  const rate = f.result.requests / (f.result.wallMs / 1000);
  const inServer = [...f.serverMs].sort((a, b) => a - b);
  const lines = [
    `${f.label}: ${f.result.conversations} conversations × ${TURNS_PER_CONVERSATION} turns = ${f.result.requests} requests in ${(f.result.wallMs / 1000).toFixed(2)} s (${rate.toFixed(0)} req/s)`,
    `  latency ms: p50 ${percentile(sorted, 50).toFixed(1)}, p95 ${percentile(sorted, 95).toFixed(1)}, p99 ${percentile(sorted, 99).toFixed(1)}, max ${(sorted.at(-1) ?? 0).toFixed(1)}`,
    `  in the server's handler ms: p50 ${percentile(inServer, 50).toFixed(1)}, p99 ${percentile(inServer, 99).toFixed(1)}, max ${(inServer.at(-1) ?? 0).toFixed(1)}`,
    `  errors ${f.result.errors.length}, wrong outcomes ${f.result.wrongOutcomes.length} (of ${f.result.conversations * 2} screenings)`,
    `  heap MB: before ${f.heapBeforeMb.toFixed(1)}, peak ${f.heapPeakMb.toFixed(1)}, after GC ${f.heapAfterMb.toFixed(1)} (${(f.heapAfterMb - f.heapBeforeMb >= 0 ? '+' : '') + (f.heapAfterMb - f.heapBeforeMb).toFixed(1)})`,
  ];
  if (baseline) {
    const base = [...baseline.result.latenciesMs].sort((a, b) => a - b);
    const baseRate = baseline.result.requests / (baseline.result.wallMs / 1000);
    lines.push(
      `  against ${baseline.label}: p50 latency ×${(percentile(sorted, 50) / percentile(base, 50)).toFixed(2)}, throughput ×${(rate / baseRate).toFixed(2)}`,
    );
  }
  for (const problem of [...f.result.errors, ...f.result.wrongOutcomes].slice(0, 5))
    lines.push(`  ! ${problem}`);
  return lines;
}

export function passed(f: Figures): boolean {
  return (
    f.result.errors.length === 0 &&
    f.result.wrongOutcomes.length === 0 &&
    f.result.requests === f.result.conversations * TURNS_PER_CONVERSATION &&
    f.heapAfterMb - f.heapBeforeMb < HEAP_SLACK_MB
  );
}

async function main(): Promise<void> {
  const arg = process.argv.indexOf('--conversations');
  const conversations = arg > 0 ? Number(process.argv[arg + 1]) : 200;
  if (!globalThis.gc) console.log('(run with node --expose-gc for settled heap figures)');
  console.log(`node ${process.version}, ${conversations} concurrent conversations, loopback\n`);

  const memory = await measure('memory', {}, conversations);
  console.log(report(memory).join('\n'));

  const azurite = await startAzurite();
  let blob: Figures;
  try {
    blob = await measure(
      'blob (Azurite)',
      {
        STORAGE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        AZURE_STORAGE_CONTAINER: 'load',
      },
      conversations,
    );
  } finally {
    await azurite.stop();
  }
  console.log(report(blob, memory).join('\n'));

  const ok = passed(memory) && passed(blob);
  console.log(
    ok
      ? '\nPASS: no errors, every conversation reached its own outcomes, heap back near its start'
      : '\nFAIL',
  );
  process.exitCode = ok ? 0 : 1;
}

if (require.main === module) void main();
