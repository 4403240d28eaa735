/**
 * The bot as a separate operating-system process (`node --import tsx
 * src/index.ts`), on port 0, so tests can kill it the way a platform
 * restart does and run two of them side by side.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { postMessage } from './server';

const ROOT = path.resolve(__dirname, '../..');

export interface BotProcess {
  pid: number;
  url: string;
  /** Every stdout line so far (pino JSON). */
  logs: string[];
  stderr: string[];
  /** Posts a message with expectReplies and returns the reply texts. */
  say(conversationId: string, body: string | Record<string, unknown>): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--disable-warning=DEP0111', '--import', 'tsx', 'src/index.ts'],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: string[] = [];
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let partial = '';
    const timer = setTimeout(() => reject(new Error(`bot did not start: ${stderr.join('')}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      partial += chunk.toString();
      const lines = partial.split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        logs.push(line);
        const match = /"event":"listening","url":"([^"]+)"/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${code}: ${stderr.join('')}`));
    });
  });
  return {
    pid: child.pid!,
    url,
    logs,
    stderr,
    async say(conversationId, body) {
      const res = await postMessage(url, conversationId, typeof body === 'string' ? { text: body } : body);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
      const json = (await res.json()) as { activities?: Array<{ text?: string }> };
      return (json.activities ?? []).map((a) => a.text ?? '').join('\n---\n');
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(child.pid!, signal);
      await exited;
    },
  };
}
