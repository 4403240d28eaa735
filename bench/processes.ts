/**
 * Servers under test run as child processes so that start-up time and
 * resident memory are theirs alone. Each listens on port 0 on 127.0.0.1 and
 * the bench reads the port from its start-up log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { postTurn, type Turn } from './turns';

export interface ServerSpec {
  name: string;
  /** Arguments to node: flags and the compiled entry point. */
  args: string[];
  env?: Record<string, string>;
  /** A turn that gets a reply once the bot is ready. */
  probe: Turn;
}

export interface RunningChild {
  name: string;
  url: string;
  pid: number;
  /** From spawn to the first /api/messages request answered with a reply. */
  startupMs: number;
  /** Resident memory right after that first answer. */
  rssAfterStartup: number;
  rss(): number;
  /** CPU time used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

const PORT_IN_LOG = /http:\/\/127\.0\.0\.1:(\d+)/;
const START_TIMEOUT_MS = 30_000;

/** VmRSS of a process, in bytes (Linux). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/** CPU time (user + system, every thread) a process has used so far, in ms (Linux; clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces; the fields after it are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function waitForPort(child: ChildProcess, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`${name}: no port in its log after ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const port = PORT_IN_LOG.exec(seen)?.[1];
      if (port) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        // Keep draining the log so a full pipe never stalls the server under load.
        child.stdout!.resume();
        resolve(Number(port));
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before listening:\n${seen}`));
    });
  });
}

/** Every child still running, so none outlives the bench, whatever fails. */
const children = new Set<ChildProcess>();
process.once('exit', () => children.forEach((c) => c.kill('SIGKILL')));

async function firstAnswer(child: ChildProcess, spec: ServerSpec, started: number): Promise<string> {
  const port = await waitForPort(child, spec.name);
  const url = `http://127.0.0.1:${port}/api/messages`;
  for (;;) {
    const replies = await postTurn(url, spec.probe).catch(() => []);
    if (replies.length > 0) return url;
    if (performance.now() - started > START_TIMEOUT_MS)
      throw new Error(`${spec.name}: no answer after start-up`);
    await sleep(5);
  }
}

export async function startChild(spec: ServerSpec): Promise<RunningChild> {
  const started = performance.now();
  const child = spawn(process.execPath, spec.args, {
    env: { ...process.env, ...spec.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      children.delete(child);
      resolve();
    }),
  );
  let url: string;
  try {
    url = await firstAnswer(child, spec, started);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const startupMs = performance.now() - started;
  const pid = child.pid!;
  return {
    name: spec.name,
    url,
    pid,
    startupMs,
    rssAfterStartup: rssOf(pid),
    rss: () => rssOf(pid),
    cpuMs: () => cpuMsOf(pid),
    stop: async () => {
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(forced);
    },
  };
}
