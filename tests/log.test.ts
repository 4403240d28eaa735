/**
 * The bot logs to standard output asynchronously (src/log.ts), so a turn
 * never waits for a slow log reader; these tests check that this costs no
 * line, however the process ends, and that logging does not block while the
 * reader is not draining.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LATER_MS, LineWriter } from '../src/logWriter';
import { startBotProcess, type BotProcess } from './helpers/botProcess';

const ROOT = path.resolve(__dirname, '..');
/** The child and the logger it uses, compiled to plain CommonJS. */
const CHILD_SOURCES = ['tests/helpers/logThenEnd.ts', 'src/log.ts', 'src/logWriter.ts'];
let compiled: string;

/**
 * The child runs as plain JavaScript under plain node, as the bot runs in
 * production: tsx makes standard output non-blocking as it starts, which
 * would hide a logger that waits for its reader.
 */
beforeAll(() => {
  compiled = mkdtempSync(path.join(os.tmpdir(), 'log-test-'));
  for (const file of CHILD_SOURCES) {
    const { outputText } = ts.transpileModule(readFileSync(path.join(ROOT, file), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    });
    const out = path.join(compiled, file.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
});
afterAll(() => {
  if (compiled) rmSync(compiled, { recursive: true, force: true });
});
/** Far more than a pipe holds (64 KB on Linux), so the writer meets a full pipe. */
const LINES = 20_000;

interface Ended {
  code: number | null;
  lines: string[];
  /** Whether the child said it had logged everything before the test read a byte of its output. */
  loggedBeforeReading: boolean;
}

/** Runs the child with its stdout not read until it has logged everything (or 10 s pass), then reads it all. */
function runChild(how: string, stdout: Stdout, lines: 'now' | 'later' = 'now'): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(compiled, 'tests/helpers/logThenEnd.js'), String(LINES), how, stdout, lines],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        // The compiled files live outside the project; pino comes from its node_modules.
        env: { PATH: process.env.PATH ?? '', NODE_PATH: path.join(ROOT, 'node_modules') },
      },
    );
    const chunks: Buffer[] = [];
    let loggedBeforeReading = false;
    let reading = false;
    child.stdout.pause();
    const startReading = () => {
      if (reading) return;
      reading = true;
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      child.stdout.resume();
    };
    const giveUp = setTimeout(startReading, 10_000);
    child.stderr.on('data', (c: Buffer) => {
      if (!reading && c.toString().includes('logged')) {
        loggedBeforeReading = true;
        // Let the ending happen while nobody reads, as when a log collector lags.
        setTimeout(startReading, 200);
      }
    });
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(giveUp);
      const lines = Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean);
      resolve({ code, lines, loggedBeforeReading });
    });
  });
}

function numbers(lines: string[]): number[] {
  return lines
    .map((l) => JSON.parse(l) as { event?: string; n?: number })
    .filter((l) => l.event === 'test-line')
    .map((l) => l.n!);
}

const inOrder = Array.from({ length: LINES }, (_, n) => n);

/** Whether something wrote to process.stdout first ('console'), which leaves standard output non-blocking. */
type Stdout = 'untouched' | 'console';

describe.each<Stdout>(['untouched', 'console'])('asynchronous logging, standard output %s', (stdout) => {
  it('does not wait for a reader that is not draining, and writes every line when the process ends by itself', async () => {
    const ended = await runChild('end', stdout);
    expect(ended.loggedBeforeReading).toBe(true);
    expect(ended.code).toBe(0);
    expect(numbers(ended.lines)).toEqual(inOrder);
  });

  it('writes every line, whole and in order, when the process crashes on an uncaught exception', async () => {
    const ended = await runChild('throw', stdout);
    expect(ended.code).toBe(1);
    expect(numbers(ended.lines)).toEqual(inOrder);
  });

  it('writes every line when the process crashes on an unhandled rejection', async () => {
    const ended = await runChild('reject', stdout);
    expect(ended.code).toBe(1);
    expect(numbers(ended.lines)).toEqual(inOrder);
  });

  it('writes every line when the process calls process.exit()', async () => {
    const ended = await runChild('exit', stdout);
    expect(ended.code).toBe(3);
    expect(numbers(ended.lines)).toEqual(inOrder);
  });
});

describe('lines that may wait (afterResponse), every other line', () => {
  it.each(['end', 'throw', 'exit'])(
    'are all written, whole and in order, when the process ends (%s)',
    async (how) => {
      const ended = await runChild(how, 'console', 'later');
      expect(ended.loggedBeforeReading).toBe(true);
      expect(numbers(ended.lines)).toEqual(inOrder);
    },
  );

  it('go out with the next line that cannot wait, or within LATER_MS when none comes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'log-later-'));
    const file = path.join(dir, 'out');
    const fd = openSync(file, 'w');
    try {
      const writer = new LineWriter(fd);
      const written = () => readFileSync(file, 'utf8');
      writer.writeLater('a\n');
      await Promise.resolve();
      expect(written()).toBe('');
      writer.write('b\n');
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      expect(written()).toBe('a\nb\n');
      writer.writeLater('c\n');
      await new Promise((resolve) => setTimeout(resolve, LATER_MS / 2));
      expect(written()).toBe('a\nb\n');
      await expect.poll(written, { timeout: LATER_MS * 5, interval: 10 }).toBe('a\nb\nc\n');
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the bot process', () => {
  let bot: BotProcess | undefined;
  afterEach(async () => {
    await bot?.kill();
    bot = undefined;
  });

  it('has logged every turn when it stops on SIGTERM', async () => {
    bot = await startBotProcess({});
    const turns = 40;
    await Promise.all(Array.from({ length: turns }, (_, i) => bot!.say(`log-${i % 4}`, 'who do I call')));
    await bot.kill('SIGTERM');
    const logged = (event: string) =>
      bot!.logs.filter((l) => (JSON.parse(l) as { event?: string }).event === event).length;
    await expect.poll(() => logged('request'), { timeout: 5_000 }).toBe(turns);
    expect(logged('turn')).toBe(turns);
  });
});
