/** Request bodies as the endpoint reads them (src/httpBody.ts): JSON, gzip, limits, and no deprecated Buffer(). */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkActivityBody, MAX_BODY_BYTES } from '../../src/server';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const activity = (text: string) =>
  JSON.stringify({
    type: 'message',
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    conversation: { id: 'body-test' },
    from: { id: 'practitioner' },
    recipient: { id: 'bot' },
    text,
  });

function post(body: string | Buffer, headers: Record<string, string>) {
  return fetch(`${server.url}/api/messages`, { method: 'POST', headers, body });
}

describe('reading a request body', () => {
  it('takes JSON with a charset in its content type', async () => {
    const res = await post(activity('help'), { 'content-type': 'application/json; charset=utf-8' });
    expect(res.status).toBe(200);
  });

  it('takes a gzip-compressed activity', async () => {
    const res = await post(gzipSync(activity('help')), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toMatch(/screening/i);
  });

  it('answers 413 for a compressed body that expands past the limit', async () => {
    const huge = gzipSync(activity('x'.repeat(MAX_BODY_BYTES)));
    expect(huge.length).toBeLessThan(MAX_BODY_BYTES);
    const res = await post(huge, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'Request body too large' });
  });

  it('answers 415 for an encoding it cannot read, and keeps serving', async () => {
    const res = await post(activity('help'), {
      'content-type': 'application/json',
      'content-encoding': 'br',
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: string }).error).toMatch(/^Bad request: /);
    expect((await server.send('after-415', { text: 'help' })).status).toBe(200);
  });

  it('never calls the deprecated Buffer() constructor on a turn (DEP0005)', async () => {
    const real = globalThis.Buffer;
    let calls = 0;
    globalThis.Buffer = new Proxy(real, {
      apply(target, self, args: unknown[]) {
        calls += 1;
        return Reflect.apply(target, self, args) as unknown;
      },
      construct(target, args: unknown[]) {
        calls += 1;
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      expect((await server.send('buffer-check', { text: 'who do I call' })).status).toBe(200);
    } finally {
      globalThis.Buffer = real;
    }
    expect(calls).toBe(0);
  });
});

describe('the activity envelope check', () => {
  const ok = { type: 'message', channelId: 'test', conversation: { id: 'c' } };
  it.each<[string, unknown, string | null]>([
    ['a minimal activity', ok, null],
    ['an activity with more fields', { ...ok, text: 'hi', conversation: { id: 'c', isGroup: true } }, null],
    ['an empty type', { ...ok, type: '' }, 'expected "type", a string'],
    ['a numeric channelId', { ...ok, channelId: 7 }, 'expected "channelId", a string'],
    [
      'a conversation that is an array',
      { ...ok, conversation: [{ id: 'c' }] },
      'expected "conversation", an object with an "id"',
    ],
    [
      'a conversation that is null',
      { ...ok, conversation: null },
      'expected "conversation", an object with an "id"',
    ],
    ['an empty conversation id', { ...ok, conversation: { id: '' } }, 'expected "conversation.id", a string'],
    ['a string', 'hello', 'expected a JSON activity object'],
  ])('%s', (_name, body, problem) => {
    expect(checkActivityBody(body)).toBe(problem);
  });
});
