import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shipped } from '../helpers/area';
import { AGE, PARTNER, PARTNER_AGE, Q1, Q3, Q4 } from '../helpers/patterns';
import { startTestServer, type TestServer } from '../helpers/server';

// The server as it ships: with no configuration it runs the shipped area, so its numbers are read from there.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('the HTTP endpoint in local mode', () => {
  it('listens on loopback only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers /healthz with ok', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 and the storage it uses, never cached by a proxy', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ready', storage: 'memory' });
  });

  it('runs a whole screening over POST /api/messages with expectReplies', async () => {
    const say = async (text: string) => (await server.send('http-screening', { text })).texts.join('\n');
    expect(await say('screen')).toMatch(Q1);
    expect(await say('no')).toMatch(AGE);
    expect(await say('14')).toMatch(PARTNER);
    expect(await say('yes')).toMatch(PARTNER_AGE);
    expect(await say('20')).toMatch(new RegExp(`an age difference of 6 years[\\s\\S]*${Q3.source}`));
    expect(await say('no')).toMatch(Q4);
    const outcome = await say('no');
    expect(outcome).toMatch(/Referral indicated/);
    expect(outcome).toContain(shipped.phone('mash'));
  });

  it('keeps two conversations apart', async () => {
    await server.send('apart-a', { text: 'screen' });
    await server.send('apart-b', { text: 'screen' });
    await server.send('apart-a', { text: 'yes' });
    const b = (await server.send('apart-b', { text: '15' })).texts.join('\n');
    expect(b).toMatch(/Please answer Yes, No or Not sure/);
  });

  const malformed: Array<[string, string, string]> = [
    ['not JSON', 'application/json', 'this is not json'],
    ['plain text', 'text/plain', 'hello bot'],
    ['an empty body', 'application/json', ''],
    ['a JSON array', 'application/json', '[]'],
    ['no type', 'application/json', JSON.stringify({ channelId: 'test', conversation: { id: 'c' } })],
    ['no channelId', 'application/json', JSON.stringify({ type: 'message', conversation: { id: 'c' } })],
    ['no conversation', 'application/json', JSON.stringify({ type: 'message', channelId: 'test' })],
    [
      'no conversation.id',
      'application/json',
      JSON.stringify({ type: 'message', channelId: 'test', conversation: {} }),
    ],
    [
      'a number as type',
      'application/json',
      JSON.stringify({ type: 5, channelId: 'test', conversation: { id: 'c' } }),
    ],
  ];

  it.each(malformed)(
    'rejects %s with 400 and a short reason, and keeps serving',
    async (_name, contentType, body) => {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: string };
      expect(json.error).toMatch(/^Bad request: /);
      expect(json.error.length).toBeLessThan(120);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await server.send('after-bad', { text: 'help' })).status).toBe(200);
    },
  );

  it('never logs what the practitioner typed', async () => {
    await server.send('log-check', { text: 'screen' });
    await server.send('log-check', { text: 'SENTINEL-not-an-answer' });
    expect(server.logs.join('')).not.toMatch(/SENTINEL|Sam Practitioner/);
    expect(server.logs.length).toBeGreaterThan(0);
  });
});

describe('docs/using.md', () => {
  it('keeps its curl example true: the body it shows starts a screening', async () => {
    const readme = readFileSync(path.resolve(__dirname, '../../docs/using.md'), 'utf8');
    const body = /curl -s http:\/\/127\.0\.0\.1:3978\/api\/messages[\s\S]*?-d '([\s\S]*?)'/.exec(readme)?.[1];
    expect(body, 'the curl example in docs/using.md').toBeDefined();
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body!,
    });
    const json = (await res.json()) as { activities: Array<{ text: string }> };
    expect(json.activities.map((a) => a.text).join('\n')).toMatch(Q1);
  });
});
