/**
 * npm run bench:profile: where a turn's CPU time goes. Starts the compiled bot
 * (or the echo bot) under `node --cpu-prof`, drives one bench scenario at it
 * with autocannon after a warm-up, stops it, and prints the profile's summary:
 * CPU per request, self time by package, and the inclusive share of the
 * functions that matter for a turn. The .cpuprofile file is kept for a
 * closer look (Chrome DevTools, or speedscope).
 *
 *   npm run bench:profile                                  # knowledge question, 10 s
 *   npm run bench:profile -- --scenario contacts --seconds 20
 *   npm run bench:profile -- --scenario echo               # the echo bot, for comparison
 *   npm run bench:profile -- --no-prof                     # throughput and CPU per request, no profiler
 *   npm run bench:profile -- --startup                     # start-up only: spawn to first answer
 *   npm run bench:profile -- --profile /tmp/bot-profile-x/measured.cpuprofile   # summarise again
 *   npm run bench:profile -- --match 'botState|memoryStorage'   # also list every function matching
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KNOWLEDGE_QUESTION, runLoad, SCENARIOS, warmUp, type Scenario } from './http';
import { startChild } from './processes';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Which package (or "ours", "node", "(gc)", …) a frame belongs to. */
export function packageOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.includes('/dist/src/') || url.includes('/dist/bench/')) return 'ours';
  return '(other)';
}

export interface Summary {
  /** Sampled milliseconds, idle excluded. */
  busyMs: number;
  totalMs: number;
  byPackage: Array<[string, number]>;
  /** Inclusive share (0–1 of busy time) of every function, keyed "name (file)". */
  inclusive: Map<string, number>;
  /** Self share of every function. */
  self: Map<string, number>;
}

const frameKey = (f: CallFrame): string =>
  `${f.functionName || '(anonymous)'} (${f.url ? path.basename(f.url) : packageOf(f)}:${f.lineNumber + 1})`;

/** Keeps the samples taken between from and to (µs on the monotonic clock, as process.hrtime and V8 use on Linux). */
export function window(profile: CpuProfile, from: number, to: number): CpuProfile {
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let t = profile.startTime;
  let last = from;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    if (t < from || t > to) return;
    samples.push(id);
    timeDeltas.push(t - last);
    last = t;
  });
  return { ...profile, startTime: from, endTime: to, samples, timeDeltas };
}

export function summarise(profile: CpuProfile): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  let busy = 0;
  const byPackage = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') continue;
    busy += ms;
    const pkg = packageOf(node.callFrame);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    self.set(frameKey(node.callFrame), (self.get(frameKey(node.callFrame)) ?? 0) + ms);
    // Each function counts once per sample however deep its recursion.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = frameKey(byId.get(at)!.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  const share = (m: Map<string, number>) => new Map([...m].map(([k, v]) => [k, v / busy]));
  return {
    busyMs: busy,
    totalMs: (profile.endTime - profile.startTime) / 1000,
    byPackage: [...byPackage].sort((a, b) => b[1] - a[1]),
    inclusive: share(inclusive),
    self: share(self),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function top(map: Map<string, number>, n: number, filter: (key: string) => boolean = () => true) {
  return [...map]
    .filter(([k]) => filter(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);
}

function argValue(argv: string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** Runs the server under --cpu-prof; returns the profile of the measured run alone (or of start-up). */
async function record(scenario: Scenario, seconds: number, startupOnly: boolean, profiling = true) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bot-profile-'));
  const entry =
    scenario.target === 'echo'
      ? path.join(__dirname, 'echoBot.js')
      : path.join(__dirname, '..', 'src', 'index.js');
  const child = await startChild({
    name: scenario.target,
    args: ['--disable-warning=DEP0111', ...(profiling ? ['--cpu-prof', '--cpu-prof-dir', dir] : []), entry],
    env: { MicrosoftAppId: '' },
    probe: { conversationId: 'profile-startup', text: KNOWLEDGE_QUESTION },
  });
  let requests = 0;
  let measured: [number, number] | undefined;
  const micros = () => Number(process.hrtime.bigint() / 1000n);
  if (!startupOnly) {
    const load = { connections: 10, seconds, warmupSeconds: 3 };
    await warmUp(child.url, scenario, load);
    const from = micros();
    const cpuBefore = child.cpuMs();
    const result = await runLoad(child.url, scenario, load);
    measured = [from, micros()];
    const cpu = child.cpuMs() - cpuBefore;
    requests = result.requests;
    console.log(
      `${scenario.name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.failures} failures`,
    );
    // From the kernel's accounting, so time the process spent waiting for a core does not count.
    console.log(
      `CPU: ${cpu.toFixed(0)} ms over ${result.requests} requests = ${(cpu / result.requests).toFixed(3)} ms per request (every thread)`,
    );
  }
  await child.stop();
  if (!profiling) return undefined;
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${dir}`);
  const whole = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
  // Start-up and warm-up are left out: only the measured run is summarised.
  const profile = measured ? window(whole, ...measured) : whole;
  const kept = path.join(dir, startupOnly ? 'startup.cpuprofile' : 'measured.cpuprofile');
  writeFileSync(kept, JSON.stringify(profile));
  return { profile, file: kept, requests };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const startupOnly = argv.includes('--startup');
  const scenarioName = argValue(argv, '--scenario') ?? 'knowledge question';
  const seconds = Number(argValue(argv, '--seconds') ?? 10);
  const scenario = SCENARIOS.find((s) => s.name === scenarioName);
  if (!scenario) throw new Error(`--scenario takes one of: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  if (argv.includes('--no-prof')) {
    await record(scenario, seconds, false, false);
    return;
  }
  const saved = argValue(argv, '--profile');
  const { profile, file, requests } = saved
    ? { profile: JSON.parse(readFileSync(saved, 'utf8')) as CpuProfile, file: saved, requests: 0 }
    : (await record(scenario, seconds, startupOnly))!;
  const s = summarise(profile);
  console.log(`profile: ${file}`);
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  console.log(`busy ${s.busyMs.toFixed(0)} ms of ${s.totalMs.toFixed(0)} ms sampled`);
  if (requests > 0) {
    console.log(
      `${requests} requests: ${(s.busyMs / requests).toFixed(3)} ms of CPU per request (main thread, sampled)`,
    );
  }
  console.log('\nself time by package:');
  for (const [pkg, ms] of s.byPackage.slice(0, 20))
    console.log(`  ${pct(ms / s.busyMs).padStart(6)}  ${pkg}`);
  console.log('\ninclusive, top functions:');
  for (const [k, v] of top(s.inclusive, 60)) console.log(`  ${pct(v).padStart(6)}  ${k}`);
  const match = argValue(argv, '--match');
  if (match) {
    const re = new RegExp(match);
    console.log(`\ninclusive, functions matching ${re}:`);
    for (const [k, v] of top(s.inclusive, 200, (k) => re.test(k)))
      console.log(`  ${pct(v).padStart(6)}  ${k}`);
  }
  console.log('\nself, top functions:');
  for (const [k, v] of top(s.self, 30)) console.log(`  ${pct(v).padStart(6)}  ${k}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
