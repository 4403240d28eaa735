/**
 * What a start loads. Start-up time is measured by npm run bench; these
 * check the decisions behind it, so they cannot quietly come undone.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');

/** Starts the app in a fresh process with these settings, answers one question, and lists the packages loaded. */
function packagesLoaded(env: Record<string, string>): string[] {
  const script = `
    const { startApp } = require('./src/app');
    const { loadConfig } = require('./src/config');
    const { createLogger } = require('./src/log');
    (async () => {
      const app = await startApp({ config: loadConfig({ ...process.env, PORT: '0' }), log: createLogger({ level: 'silent' }) });
      const res = await fetch(app.url + '/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', channelId: 'test', serviceUrl: 'http://127.0.0.1:1', deliveryMode: 'expectReplies',
          conversation: { id: 'startup' }, from: { id: 'u' }, recipient: { id: 'bot' }, text: 'who do I call' }),
      });
      if (res.status !== 200) throw new Error('HTTP ' + res.status);
      await app.close();
      const names = new Set(Object.keys(require.cache).map((f) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean));
      process.stdout.write(JSON.stringify([...names]));
    })();`;
  const out = execFileSync(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return JSON.parse(out) as string[];
}

describe('a start in local mode with memory storage', () => {
  it('loads neither the Azure Storage SDK nor every country’s holidays', () => {
    const loaded = packagesLoaded({ STORAGE: 'memory' });
    expect(loaded).toContain('botbuilder');
    expect(loaded).not.toContain('botbuilder-azure-blobs');
    expect(loaded).not.toContain('@azure/storage-blob');
    expect(loaded).not.toContain('date-holidays');
  }, 30_000);
});
