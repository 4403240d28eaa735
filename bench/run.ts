/**
 * npm run bench: what the bot costs on top of the Bot Framework, in one run.
 *  1. HTTP turns under autocannon, ours against a bare echo bot;
 *  2. answer() latency and index cost on the shipped and on synthetic content;
 *  3. start-up time and resident memory, ours against the echo bot.
 * Prints the tables and writes BENCHMARKS.md. Flags: --quick (short runs, for
 * trying the harness; writes nothing), --only startup|http|answering (one
 * section, writes nothing), --out FILE.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/paths';
import { DEV_SET, runAnswering, type AnsweringRow } from './answering';
import {
  KNOWLEDGE_QUESTION,
  runLoad,
  SCENARIOS,
  warmUp,
  type LoadOptions,
  type LoadResult,
  type Scenario,
} from './http';
import { startChild, type RunningChild, type ServerSpec } from './processes';
import { fixed, markdownTable, mb, median, targetCell, textTable, type Target } from './stats';

export const COMMAND = 'npm run bench';
const NOTES_MARKER = '<!-- Everything below this line is kept when npm run bench rewrites the file. -->';

type Section = 'startup' | 'http' | 'answering';

interface Settings {
  quick: boolean;
  /** One section alone, for before/after measurements while fixing; nothing is written. */
  only?: Section;
  out: string;
  load: LoadOptions;
  startupRuns: number;
  /** Rounds of the HTTP routes, each opened by an echo run. */
  httpRounds: number;
  sizes: number[];
  passes: number;
  /** Untimed passes between the first (cold) pass and the timed ones, as the HTTP runs have a warm-up. */
  warmUpPasses: number;
}

function settings(argv: string[]): Settings {
  const quick = argv.includes('--quick');
  const outAt = argv.indexOf('--out');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
  if (only !== undefined && !['startup', 'http', 'answering'].includes(only)) {
    throw new Error(`--only takes startup, http or answering (got "${only}")`);
  }
  return {
    quick,
    only: only as Section | undefined,
    out: path.resolve(projectRoot(), outAt >= 0 ? argv[outAt + 1]! : 'BENCHMARKS.md'),
    load: quick
      ? { connections: 10, seconds: 2, warmupSeconds: 1 }
      : { connections: 10, seconds: 10, warmupSeconds: 3 },
    startupRuns: quick ? 2 : 5,
    httpRounds: quick ? 1 : 2,
    sizes: [1000, 5000],
    passes: quick ? 2 : 5,
    warmUpPasses: quick ? 1 : 10,
  };
}

// Both servers run compiled, as npm start runs the bot; tsx would add its own start-up cost.
const PROBE = { conversationId: 'bench-startup', text: KNOWLEDGE_QUESTION };
// The same flags as npm start for both: restify's http_parser access warns once on every start.
const NODE_FLAGS = ['--disable-warning=DEP0111'];
const ECHO: ServerSpec = {
  name: 'echo',
  args: [...NODE_FLAGS, path.join(__dirname, 'echoBot.js')],
  probe: PROBE,
};
const BOT: ServerSpec = {
  name: 'bot',
  args: [...NODE_FLAGS, path.join(__dirname, '..', 'src', 'index.js')],
  env: { MicrosoftAppId: '' },
  probe: PROBE,
};

interface Startup {
  name: string;
  ms: number[];
  rss: number[];
}

/** Starts each server runs times, alternating so both see the same machine; the last pair stays up for the HTTP runs. */
async function measureStartup(
  runs: number,
): Promise<{ startups: Startup[]; echo: RunningChild; bot: RunningChild }> {
  const startups = [ECHO, BOT].map((s) => ({ name: s.name, ms: [] as number[], rss: [] as number[] }));
  let last: RunningChild[] = [];
  for (let i = 0; i < runs; i++) {
    last = [];
    for (const [j, spec] of [ECHO, BOT].entries()) {
      const child = await startChild(spec);
      startups[j]!.ms.push(child.startupMs);
      startups[j]!.rss.push(child.rssAfterStartup);
      if (i === runs - 1) last.push(child);
      else await child.stop();
    }
  }
  return { startups, echo: last[0]!, bot: last[1]! };
}

interface HttpRow extends Measured {
  ratio: number;
  p50Ratio: number;
  p99Ratio: number;
  cpuRatio: number;
}

/** A load run with the CPU time the server used during it (every thread, from the kernel). */
interface Measured extends LoadResult {
  cpuMs: number;
}

async function measured(server: RunningChild, scenario: Scenario, load: LoadOptions): Promise<Measured> {
  const before = server.cpuMs();
  const result = await runLoad(server.url, scenario, load);
  return { ...result, cpuMs: server.cpuMs() - before };
}

const cpuPerRequest = (r: Measured): number => r.cpuMs / r.requests;

function meanOf(runs: Measured[]): Measured {
  const mean = (f: (r: LoadResult) => number) => runs.reduce((sum, r) => sum + f(r), 0) / runs.length;
  return {
    scenario: runs[0]!.scenario,
    rps: mean((r) => r.rps),
    p50: mean((r) => r.p50),
    p99: mean((r) => r.p99),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    failures: runs.reduce((sum, r) => sum + r.failures, 0),
    cpuMs: runs.reduce((sum, r) => sum + r.cpuMs, 0),
  };
}

/**
 * The machine is shared, so its speed drifts during a run. Each round measures echo and then every
 * route; a last echo run closes the rounds. Routes are the mean of their rounds and are compared with
 * the mean of every echo run, so no route is favoured by where it falls in the run.
 */
async function measureHttp(echo: RunningChild, bot: RunningChild, load: LoadOptions, rounds: number) {
  const [echoScenario, ...ours] = SCENARIOS;
  // Every route is warmed before any is measured: the first route measured otherwise pays for
  // compiling the bot's common turn path and reads as the most expensive.
  for (const scenario of SCENARIOS)
    await warmUp((scenario.target === 'echo' ? echo : bot).url, scenario, load);
  const echoRuns: Measured[] = [];
  const routeRuns = ours.map((): Measured[] => []);
  for (let round = 0; round < rounds; round++) {
    echoRuns.push(await measured(echo, echoScenario!, load));
    for (const [i, scenario] of ours.entries()) routeRuns[i]!.push(await measured(bot, scenario, load));
  }
  echoRuns.push(await measured(echo, echoScenario!, load));
  const baseline = meanOf(echoRuns);
  const rows: HttpRow[] = [baseline, ...routeRuns.map(meanOf)].map((r) => ({
    ...r,
    ratio: r.rps / baseline.rps,
    p50Ratio: r.p50 / baseline.p50,
    p99Ratio: r.p99 / baseline.p99,
    cpuRatio: cpuPerRequest(r) / cpuPerRequest(baseline),
  }));
  const echoRps = echoRuns.map((r) => r.rps);
  return {
    rows,
    echoRange: `${echoRuns.length} runs, ${fixed(Math.min(...echoRps), 0)} to ${fixed(Math.max(...echoRps), 0)} req/s`,
    rssAfterLoad: { echo: echo.rss(), bot: bot.rss() },
  };
}

const TARGETS = {
  httpRatio: 0.8,
  answerP99Shipped: 2,
  answerP99At5000: 10,
  buildAt5000: 2000,
  startupRatio: 1.5,
  rssRatio: 1.5,
};

function machine(): string[] {
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: projectRoot(), encoding: 'utf8' }).trim();
    if (execSync('git status --porcelain', { cwd: projectRoot(), encoding: 'utf8' }).trim() !== '')
      commit += ' (with uncommitted changes)';
  } catch {
    // not a git checkout: the commit is left unknown
  }
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Command: \`${COMMAND}\``,
    `- Commit: ${commit}`,
    `- Node ${process.version} on ${os.type()} ${os.release()} (${os.arch()})`,
    `- CPU: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}; memory ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    `- Load average when the run began (1, 5, 15 min): ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  ];
}

interface Table {
  header: string[];
  rows: string[][];
}

function httpTable(http: Awaited<ReturnType<typeof measureHttp>>, load: LoadOptions): Table {
  return {
    header: [
      `route (${load.connections} connections, ${load.seconds} s)`,
      'req/s',
      'p50 ms',
      'p99 ms',
      'req/s ÷ echo',
      'p50 ÷ echo',
      'p99 ÷ echo',
      'CPU ms per request',
      'CPU ÷ echo',
      'requests',
      'failures',
      'target',
    ],
    rows: http.rows.map((r) => [
      r.scenario === 'echo' ? `echo (mean of ${http.echoRange})` : r.scenario,
      fixed(r.rps, 0),
      fixed(r.p50, 0),
      fixed(r.p99, 0),
      fixed(r.ratio),
      fixed(r.p50Ratio),
      fixed(r.p99Ratio),
      fixed(cpuPerRequest(r), 3),
      fixed(r.cpuRatio),
      String(r.requests),
      String(r.failures),
      r.scenario === 'echo'
        ? 'baseline'
        : targetCell({ label: `≥ ${TARGETS.httpRatio}`, met: r.ratio >= TARGETS.httpRatio }),
    ]),
  };
}

function startupTable(startups: Startup[], rssAfterLoad?: { echo: number; bot: number }): Table {
  const [echo] = startups;
  const echoMs = median(echo!.ms);
  const echoRss = median(echo!.rss);
  return {
    header: [
      'server',
      'start-up ms (median)',
      '÷ echo',
      'RSS MB after start-up',
      '÷ echo',
      'RSS MB after the HTTP runs',
      'target',
    ],
    rows: startups.map((s) => {
      const ms = median(s.ms);
      const rss = median(s.rss);
      const after = rssAfterLoad?.[s.name === 'echo' ? 'echo' : 'bot'];
      const targets: Target[] = [
        { label: `start-up ≤ ${TARGETS.startupRatio}×`, met: ms / echoMs <= TARGETS.startupRatio },
        { label: `RSS ≤ ${TARGETS.rssRatio}×`, met: rss / echoRss <= TARGETS.rssRatio },
      ];
      return [
        s.name === 'echo' ? 'echo bot' : 'our bot',
        fixed(ms, 0),
        fixed(ms / echoMs),
        mb(rss),
        fixed(rss / echoRss),
        after === undefined ? 'n/a' : mb(after),
        s.name === 'echo' ? 'baseline' : targets.map(targetCell).join('; '),
      ];
    }),
  };
}

function answeringTable(answering: AnsweringRow[]): Table {
  return {
    header: [
      'content',
      'topics',
      'load + validate ms',
      'index build ms',
      'heap MB',
      'answer p50 ms',
      'answer p99 ms',
      'p99 of per-question medians ms',
      'first-ask p99 ms',
      'dev-set accuracy',
      'target',
    ],
    rows: answering.map((r) => {
      const targets: Target[] = [];
      if (r.content === 'shipped') {
        targets.push({
          label: `p99 ≤ ${TARGETS.answerP99Shipped} ms`,
          met: r.p99 <= TARGETS.answerP99Shipped,
        });
      }
      if (r.topics >= 5000) {
        targets.push({ label: `p99 ≤ ${TARGETS.answerP99At5000} ms`, met: r.p99 <= TARGETS.answerP99At5000 });
        targets.push({
          label: `build ≤ ${TARGETS.buildAt5000 / 1000} s`,
          met: r.buildMs <= TARGETS.buildAt5000,
        });
      }
      return [
        r.content,
        String(r.topics),
        fixed(r.loadMs, 0),
        fixed(r.buildMs, 0),
        Number.isNaN(r.heapBytes) ? 'n/a' : mb(r.heapBytes),
        fixed(r.p50, 3),
        fixed(r.p99, 3),
        fixed(r.p99OfMedians, 3),
        fixed(r.firstP99, 3),
        `${(r.accuracy * 100).toFixed(1)}%`,
        targets.map(targetCell).join('; '),
      ];
    }),
  };
}

interface Tables {
  http: Table;
  startup: Table;
  answering: Table;
}

function markdown(t: Tables, s: Settings, kept: string): string {
  return `# Benchmarks

What the bot costs on top of the Bot Framework itself, and how answering grows with the knowledge base.
Written by \`${COMMAND}\` (\`bench/\`); see docs/benchmarks.md for how to reproduce it.

**Read the ratios, not the absolute figures.** The run below was made on a machine with 2 cores shared with other
engineers' builds and tests, so requests per second, latencies and start-up times move from run to run. The echo bot
is measured in the same run, on the same machine, between our routes, so the ratio to it is the figure that carries
over to another machine. Even the ratios moved by 0.1 to 0.2 between runs here.

${machine().join('\n')}

## HTTP turns

\`POST /api/messages\` with \`deliveryMode: "expectReplies"\`, ${s.load.connections} connections for ${s.load.seconds} s after a ${s.load.warmupSeconds} s warm-up
(autocannon); every route is warmed up before any is measured. The echo bot is a bare \`ActivityHandler\` on the same CloudAdapter, local authentication and restify
body parser as \`src/server.ts\` (\`bench/echoBot.ts\`). There are ${s.httpRounds} rounds: echo, then each route; a last echo run
closes them. A route's figures are the mean of its rounds, and ratios are against the mean of every echo run, so the
machine's drift during the run does not favour the route that happens to run when it is quiet. Every request is a
valid turn and every reply is checked against what that turn should say (a failure is a non-2xx, a socket error or a
reply that does not match). "CPU ms per request" is the CPU time (user and system, every thread) the server process used
during the run, from the kernel's accounting, divided by the requests it answered: unlike requests per second it does not
count time spent waiting for a core, so it moves less with the load on a shared machine:

- knowledge question: "${KNOWLEDGE_QUESTION}" (a topic answer with its sources), in 16 rotating conversations per connection;
- screening turn: each connection walks a fresh conversation through a whole CSERQ4 (\`screen\`, yes, 15, yes, 19, no, no,
  ending in "Referral indicated"), so the figure is the mean over every step of a screening;
- contacts: "who do I call", in rotating conversations.

${markdownTable(t.http.header, t.http.rows)}

## Start-up

From spawning \`node\` on the compiled entry point (\`dist/src/index.js\`, as \`npm start\` runs it; \`dist/bench/echoBot.js\`)
to the first \`/api/messages\` request answered with a reply, and resident memory (VmRSS) at that moment; median of
${s.startupRuns} alternating starts each. Both listen on port 0 on 127.0.0.1; the bench reads the port from the log.

${markdownTable(t.startup.header, t.startup.rows)}

## Answering

\`answer()\` (the whole decision: 999 rules, contacts, screening intent, glossary, search, reply building) over the
${DEV_SET} questions: one first pass (caches cold for each question: "first-ask p99"), then ${s.warmUpPasses} untimed
warm-up passes (the JIT settles, as the HTTP runs' warm-up lets it), then ${s.passes} timed passes. The synthetic sizes are
the shipped topics plus generated ones (\`bench/synthetic.ts\`, seeded, valid against the content schema), written as YAML
and read back through the loader, so "load + validate" is what start-up pays for that many topic files. Heap is what the
built knowledge base keeps after a full GC. Dev-set accuracy is shown so that growth in cost and in wrong answers can be
read side by side. "p99 of per-question medians" takes each question's median over the timed passes first, so a
pause that another process put into one call does not count; the targets are read against the plain p99.

${markdownTable(t.answering.header, t.answering.rows)}

${NOTES_MARKER}
${kept}`;
}

async function main(): Promise<void> {
  const s = settings(process.argv.slice(2));
  const want = (section: Section) => s.only === undefined || s.only === section;
  for (const spec of [ECHO, BOT]) {
    if (!existsSync(spec.args.at(-1)!))
      throw new Error(`${spec.args.at(-1)} is missing: run ${COMMAND}, which compiles first`);
  }
  const printed: Array<[string, Table]> = [];
  const t: Partial<Tables> = {};
  if (want('startup') || want('http')) {
    const runs = want('startup') ? s.startupRuns : 1;
    console.log(`Start-up: ${runs} starts of each server…`);
    const { startups, echo, bot } = await measureStartup(runs);
    try {
      if (want('http')) {
        console.log(
          `HTTP turns: ${s.httpRounds} rounds of echo, knowledge question, screening turn, contacts; then echo…`,
        );
        const http = await measureHttp(echo, bot, s.load, s.httpRounds);
        t.http = httpTable(http, s.load);
        printed.push(['HTTP turns', t.http]);
        t.startup = startupTable(startups, http.rssAfterLoad);
      } else {
        t.startup = startupTable(startups);
      }
      if (want('startup')) printed.push(['Start-up', t.startup]);
    } finally {
      await Promise.all([echo.stop(), bot.stop()]);
    }
  }
  if (want('answering')) {
    console.log('Answering: shipped content, then synthetic 1 000 and 5 000 topics…');
    t.answering = answeringTable(
      runAnswering({ sizes: s.sizes, passes: s.passes, warmUpPasses: s.warmUpPasses }),
    );
    printed.push(['Answering', t.answering]);
  }
  for (const [title, table] of printed) console.log(`\n${title}\n${textTable(table.header, table.rows)}`);
  if (s.quick || s.only) {
    console.log(
      `\n${s.quick ? '--quick' : '--only'}: ${path.relative(projectRoot(), s.out)} left as it was.`,
    );
    return;
  }
  const previous = existsSync(s.out) ? readFileSync(s.out, 'utf8') : '';
  const at = previous.indexOf(NOTES_MARKER);
  const kept = at >= 0 ? previous.slice(at + NOTES_MARKER.length).replace(/^\n/, '') : '';
  writeFileSync(s.out, markdown(t as Tables, s, kept));
  console.log(`\nWrote ${path.relative(projectRoot(), s.out)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
