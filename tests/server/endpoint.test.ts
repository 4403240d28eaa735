/**
 * The endpoint under hostile or careless clients: authentication with an app
 * id, oversized bodies, clients that send a byte a second, activity types we
 * do not handle, and odd text.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import net from 'node:net';
import { Writable } from 'node:stream';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { MAX_BODY_BYTES, type RunningServer } from '../../src/server';
import { startTestServer, type TestServer } from '../helpers/server';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';
const ISSUER = 'https://api.botframework.com';

function rsaKey(): { privateKey: KeyObject; jwk: { n: string; e: string } } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { privateKey, jwk };
}

/**
 * Stands in for login.botframework.com: an OpenID document and one trusted
 * signing key, on loopback, so the adapter's real token validation runs
 * without the internet.
 */
async function fakeOpenIdServer(trustedKey: {
  n: string;
  e: string;
}): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') {
      res.end(
        JSON.stringify({
          issuer: ISSUER,
          jwks_uri: `${base}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    } else {
      res.end(
        JSON.stringify({
          keys: [
            { kty: 'RSA', use: 'sig', kid: 'trusted', ...trustedKey, endorsements: ['test', 'msteams'] },
          ],
        }),
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/openid`, server };
}

describe('with an app id, only Azure Bot Service tokens are accepted', () => {
  const trusted = rsaKey();
  const attacker = rsaKey();
  let openId: { url: string; server: Server };
  let app: RunningServer;
  const logs: string[] = [];

  beforeAll(async () => {
    openId = await fakeOpenIdServer(trusted.jwk);
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-used',
    });
    app = await startApp({
      config,
      log: createLogger({
        destination: new Writable({ write: (c: Buffer, _e, cb) => (logs.push(c.toString()), cb()) }),
      }),
      // Given any of these, botbuilder takes none of its public-cloud defaults, so the issuer is named too.
      authSettings: {
        ToBotFromChannelOpenIdMetadataUrl: openId.url,
        ToBotFromEmulatorOpenIdMetadataUrl: openId.url,
        ToBotFromChannelTokenIssuer: ISSUER,
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    openId?.server.close();
  });

  const sign = (
    key: KeyObject,
    options: jwt.SignOptions = {},
    claims: object = { serviceurl: SERVICE_URL },
  ) =>
    jwt.sign(claims, key, {
      algorithm: 'RS256',
      keyid: 'trusted',
      issuer: ISSUER,
      audience: APP_ID,
      expiresIn: '1h',
      ...options,
    });

  async function post(authorization?: string) {
    const turnsBefore = logs.filter((l) => l.includes('"event":"turn"')).length;
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: SERVICE_URL,
        deliveryMode: 'expectReplies',
        conversation: { id: 'auth-check' },
        from: { id: 'someone' },
        recipient: { id: APP_ID },
        text: 'help',
      }),
    });
    const turnRan = logs.filter((l) => l.includes('"event":"turn"')).length > turnsBefore;
    return { status: res.status, turnRan };
  }

  it('runs the turn for a token signed by the trusted key (so the refusals below are about the token)', async () => {
    expect(await post(`Bearer ${sign(trusted.privateKey)}`)).toEqual({ status: 200, turnRan: true });
  });

  const refused: Array<[string, () => string | undefined]> = [
    ['no Authorization header', () => undefined],
    ['a bearer token that is not a JWT', () => 'Bearer not-a-token'],
    ['a token signed with another key under the trusted key id', () => `Bearer ${sign(attacker.privateKey)}`],
    [
      'a token signed with a key id the metadata does not list',
      () => `Bearer ${sign(attacker.privateKey, { keyid: 'mine' })}`,
    ],
    [
      'a token for another bot',
      () => `Bearer ${sign(trusted.privateKey, { audience: '99999999-2222-3333-4444-555555555555' })}`,
    ],
    [
      'a token from another issuer',
      () => `Bearer ${sign(trusted.privateKey, { issuer: 'https://example.test' })}`,
    ],
    ['an expired token', () => `Bearer ${sign(trusted.privateKey, { expiresIn: -3600 })}`],
    [
      'a token for another service URL',
      () => `Bearer ${sign(trusted.privateKey, {}, { serviceurl: 'https://example.test/' })}`,
    ],
    [
      'an unsigned token (alg "none")',
      () =>
        `Bearer ${jwt.sign({ serviceurl: SERVICE_URL }, '', { algorithm: 'none', issuer: ISSUER, audience: APP_ID })}`,
    ],
  ];

  it.each(refused)('answers 401 and runs no turn for %s', async (_name, header) => {
    expect(await post(header())).toEqual({ status: 401, turnRan: false });
  });

  it('never repeats what a refused token claims, in the response or on the console', async () => {
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      printed.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
    });
    try {
      const token = sign(trusted.privateKey, { audience: 'SENTINEL-audience' });
      const res = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          type: 'message',
          channelId: 'msteams',
          serviceUrl: SERVICE_URL,
          conversation: { id: 'c' },
          text: 'hi',
        }),
      });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toMatch(/SENTINEL/);
      expect(printed.join('\n')).not.toMatch(/SENTINEL/);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('limits on what a client can send', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({}, undefined, undefined, {
      headersMs: 1_500,
      requestMs: 2_500,
      keepAliveMs: 1_000,
      checkEveryMs: 200,
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it(`answers 413 for a body over ${MAX_BODY_BYTES / 1024} KB, and keeps serving`, async () => {
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        channelId: 'test',
        conversation: { id: 'big' },
        text: 'x'.repeat(MAX_BODY_BYTES),
      }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'Request body too large' });
    expect((await server.send('after-big', { text: 'help' })).status).toBe(200);
  });

  it('accepts a body just under the limit', async () => {
    const { status, texts } = await server.send('nearly-big', { text: 'x'.repeat(MAX_BODY_BYTES - 2_000) });
    expect(status).toBe(200);
    expect(texts.length).toBeGreaterThan(0);
  });

  /** Opens a raw connection, sends `head` and then one byte a second of `trickle`; resolves when the server closes it. */
  function slowClient(head: string, trickle: string): Promise<{ closedAfterMs: number; response: string }> {
    return new Promise((resolve) => {
      const started = Date.now();
      const socket = net.connect(new URL(server.url).port as unknown as number, '127.0.0.1');
      let response = '';
      let i = 0;
      const timer = setInterval(() => {
        if (!socket.destroyed && i < trickle.length) socket.write(trickle[i++]!);
      }, 1_000);
      socket.on('connect', () => socket.write(head));
      socket.on('data', (d) => (response += d.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ closedAfterMs: Date.now() - started, response });
      });
    });
  }

  it('drops a client that sends its headers a byte a second, while other requests are served', async () => {
    const slow = slowClient(
      'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      'X-Slow: ' + 'a'.repeat(60),
    );
    for (let i = 0; i < 3; i++) {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await server.send(`busy-${i}`, { text: 'help' })).status).toBe(200);
    }
    const { closedAfterMs, response } = await slow;
    expect(response).toMatch(/^HTTP\/1\.1 408/);
    // Well before the 60 seconds the client would take; the limit was 1.5 s, checked every 0.2 s.
    expect(closedAfterMs).toBeLessThan(5_000);
  });

  it('drops a client that sends its body a byte a second', async () => {
    const body = JSON.stringify({
      type: 'message',
      channelId: 'test',
      conversation: { id: 'slow' },
      text: 'hello',
    });
    const head = `POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { closedAfterMs, response } = await slowClient(head, body);
    expect(response).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(6_000);
  });

  it('closes a keep-alive connection left idle', async () => {
    const { closedAfterMs, response } = await slowClient(
      'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      '',
    );
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(closedAfterMs).toBeLessThan(4_000);
  });
});

describe('activities the bot does not handle, and odd messages', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each([
    ['a type from the future', { type: 'hologram' }],
    ['an event', { type: 'event', name: 'something-else' }],
    ['typing', { type: 'typing' }],
    ['a reaction', { type: 'messageReaction', reactionsAdded: [{ type: 'like' }] }],
    ['a conversation update with nobody added', { type: 'conversationUpdate' }],
  ])('ignores %s politely: 200, no reply, no error', async (_name, body) => {
    const { status, texts } = await server.send('unknown-types', body);
    expect(status).toBe(200);
    expect(texts).toEqual([]);
    expect(server.logs.join('')).not.toMatch(/"level":50/);
  });

  it('answers an invoke it does not know with 501 Not Implemented, as Bot Framework expects', async () => {
    const { status } = await server.send('unknown-types', {
      type: 'invoke',
      name: 'not/a-real-invoke',
      deliveryMode: 'normal',
    });
    expect(status).toBe(501);
    expect(server.logs.join('')).not.toMatch(/"level":50/);
  });

  const odd: Array<[string, string]> = [
    ['10 000 characters', 'is this exploitation '.repeat(500).slice(0, 10_000)],
    ['control characters', 'help\u0001\u0002\u0007\u001b[31m\b\f\v'],
    ['emoji', '🙂🙂🔥 are you there? 👀'],
    ['right-to-left text', 'مرحبا، هل يمكنك المساعدة؟ \u202Eevil\u202C שלום'],
    ['null bytes', 'he\u0000lp\u0000'],
    ['only whitespace', ' \t\n '],
  ];

  it.each(odd)('gives a sensible reply to %s outside a screening', async (_name, text) => {
    const { status, texts } = await server.send('odd-free', { text });
    expect(status).toBe(200);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.join('\n')).not.toMatch(/something went wrong/);
  });

  it.each(odd)(
    'asks again for a Yes, No or Not sure when a screening question gets %s',
    async (_name, text) => {
      const id = `odd-screening-${_name}`;
      await server.send(id, { text: 'screen' });
      const { status, texts } = await server.send(id, { text });
      expect(status).toBe(200);
      expect(texts.join('\n')).toMatch(/Please answer Yes, No or Not sure|Question 1 of 4/);
      expect((await server.send(id, { text: 'no' })).texts.join('\n')).toMatch(/How old are you\?/);
    },
  );
});
