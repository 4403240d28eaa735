/** The Bot Framework clients a turn needs are built once and reused (src/auth.ts), within a bound. */
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ClientCache, StrictBotFrameworkAuthentication } from '../../src/auth';

const activity = (serviceUrl: string) =>
  ({
    type: 'message',
    channelId: 'test',
    serviceUrl,
    conversation: { id: 'c' },
    from: { id: 'u' },
    recipient: { id: 'bot' },
  }) as Activity;

describe('the Bot Framework clients a turn uses', () => {
  // Local mode: no app id, so authentication is off and no token is needed.
  const auth = new StrictBotFrameworkAuthentication({});

  it('reuses one connector client per service URL across turns', async () => {
    const first = await auth.authenticateRequest(activity('https://one.example/'), '');
    const second = await auth.authenticateRequest(activity('https://one.example/'), '');
    const other = await auth.authenticateRequest(activity('https://two.example/'), '');
    const a = await first.connectorFactory!.create('https://one.example/', first.audience);
    const b = await second.connectorFactory!.create('https://one.example/', second.audience);
    const c = await other.connectorFactory!.create('https://two.example/', other.audience);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('reuses one user token client per bot identity', async () => {
    const { claimsIdentity } = await auth.authenticateRequest(activity('https://one.example/'), '');
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(
      await auth.createUserTokenClient(claimsIdentity),
    );
  });
});

describe('ClientCache', () => {
  it('creates a client once per key', async () => {
    const cache = new ClientCache<object>();
    let made = 0;
    const make = () => Promise.resolve({ n: ++made });
    expect(await cache.get('a', make)).toBe(await cache.get('a', make));
    await cache.get('b', make);
    expect(made).toBe(2);
  });

  it('keeps at most MAX_CLIENTS, forgetting the oldest', async () => {
    const cache = new ClientCache<string>();
    for (let i = 0; i < ClientCache.MAX_CLIENTS + 10; i++)
      await cache.get(`url-${i}`, () => Promise.resolve(`client-${i}`));
    expect(cache.size).toBe(ClientCache.MAX_CLIENTS);
    expect(await cache.get('url-0', () => Promise.resolve('again'))).toBe('again');
  });

  it('does not keep a creation that failed', async () => {
    const cache = new ClientCache<string>();
    await expect(cache.get('a', () => Promise.reject(new Error('no network')))).rejects.toThrow('no network');
    expect(await cache.get('a', () => Promise.resolve('ok'))).toBe('ok');
  });
});
