/**
 * A storage outage, for real: the bot runs on Azurite, Azurite is stopped by
 * its process id in the middle of a screening, and comes back either with
 * its data (as an account does after an outage) or empty (a fresh account,
 * no container), or frozen so that it accepts connections and never answers. During the outage the bot still says who to call and says
 * plainly that the screening cannot go on; afterwards it carries on by
 * itself, without a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAreaContacts, service } from '../../src/contacts/load';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { startTestServer, type TestServer } from '../helpers/server';

const contacts = loadAreaContacts();
const MASH = service(contacts, 'mash').phones![0]!;
const DUTY_TEAM = service(contacts, 'out-of-hours').phones![0]!;
// A Wednesday morning: the MASH is open, so both numbers are in every contacts block.
const now = () => new Date('2026-11-25T10:30:00Z');

const RECOVERY_LIMIT_MS = 30_000;

const started: Array<{ stop(): Promise<void> } | { close(): Promise<void> }> = [];
afterAll(async () => {
  for (const thing of started.reverse()) await ('close' in thing ? thing.close() : thing.stop());
});

async function botOn(azurite: Azurite, container: string): Promise<TestServer> {
  const server = await startTestServer(
    {
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: container,
    },
    now,
  );
  started.push(server);
  return server;
}

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown>; raw: string }> {
  const res = await fetch(url);
  const raw = await res.text();
  return { status: res.status, body: JSON.parse(raw) as Record<string, unknown>, raw };
}

/** Sends `text` until the reply matches `expected`, for at most 30 s; returns how long that took. */
async function untilReply(
  server: TestServer,
  conversation: string,
  text: string,
  expected: RegExp,
): Promise<{ ms: number; reply: string }> {
  const t0 = Date.now();
  let reply = '';
  while (Date.now() - t0 < RECOVERY_LIMIT_MS) {
    reply = (await server.send(conversation, { text })).texts.join('\n');
    if (expected.test(reply)) return { ms: Date.now() - t0, reply };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no reply matching ${String(expected)} within 30 s; last: ${reply}`);
}

const events = (server: TestServer, event: string) =>
  server.logs
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.event === event);

describe('storage killed mid-screening, then back with its data', () => {
  let azurite: Azurite;
  let server: TestServer;
  const say = async (text: string) => (await server.send('outage-1', { text })).texts.join('\n');

  beforeAll(async () => {
    azurite = await startAzurite({ persist: true });
    started.push(azurite);
    server = await botOn(azurite, 'outage');
  }, 60_000);

  it('still says who to call, stops the screening plainly, reports 503 on /readyz, and resumes the saved screening when storage is back', async () => {
    expect(await say('screen')).toMatch(/Question 1 of 4/);
    expect(await say('no')).toMatch(/Question 2 of 4 \(part 1\)/);
    expect(await getJson(`${server.url}/readyz`)).toMatchObject({
      status: 200,
      body: { status: 'ready', storage: 'ok' },
    });

    await azurite.kill();

    const contactsReply = await say('who do I call');
    expect(contactsReply).toContain(MASH);
    expect(contactsReply).toContain(DUTY_TEAM);
    expect(contactsReply).toMatch(/call 999/);
    expect(contactsReply).not.toMatch(/something went wrong/);

    const stepReply = await say('15');
    // Storage could not even be read, so the bot cannot know which flow this was for.
    expect(stepReply).toMatch(/I can't keep a screening or form just now/);
    expect(stepReply).toMatch(/can't start or carry on a screening/);
    expect(stepReply).toMatch(/try again in a minute/);
    expect(stepReply).toMatch(/call 999/);
    expect(stepReply).toContain(MASH);
    expect(stepReply).not.toMatch(/Question \d/);

    const down = await getJson(`${server.url}/readyz`);
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ status: 'unavailable', failing: 'storage', reason: 'unreachable' });
    for (const secret of ['AccountKey', 'devstoreaccount1', '127.0.0.1', String(azurite.port), 'Eby8vdM02']) {
      expect(down.raw).not.toContain(secret);
    }
    expect(await getJson(`${server.url}/healthz`)).toMatchObject({ status: 200, body: { status: 'ok' } });

    await azurite.restart();

    // "15" answers the question the screening was saved at, once: nothing from the outage was kept.
    const back = await untilReply(server, 'outage-1', '15', /Question 2 of 4 \(part 2\)|I can't keep/);
    // The first try after the restart may still find it starting up; then it says so again, and the next works.
    if (/I can't keep/.test(back.reply)) {
      const retried = await untilReply(server, 'outage-1', '15', /Question 2 of 4 \(part 2\)/);
      expect(back.ms + retried.ms).toBeLessThan(RECOVERY_LIMIT_MS);
    }
    expect(await say('no')).toMatch(/Question 3 of 4/);
    expect(await getJson(`${server.url}/readyz`)).toMatchObject({ status: 200, body: { status: 'ready' } });

    const [wentDown, ...moreDown] = events(server, 'storage-down');
    const [cameBack, ...moreBack] = events(server, 'storage-up');
    expect(moreDown).toEqual([]);
    expect(moreBack).toEqual([]);
    expect(wentDown).toMatchObject({ reason: 'unreachable' });
    expect(cameBack!.downMs).toBeGreaterThan(0);
    expect(events(server, 'turn').filter((t) => t.storage === 'unavailable').length).toBeGreaterThanOrEqual(
      2,
    );
    const logs = server.logs.join('');
    for (const typed of ['who do I call', '"15"']) expect(logs).not.toContain(typed);
  }, 90_000);
});

describe('storage restarted empty (a fresh account: no container, no data)', () => {
  let azurite: Azurite;
  let server: TestServer;

  beforeAll(async () => {
    azurite = await startAzurite();
    started.push(azurite);
    server = await botOn(azurite, 'fresh');
  }, 60_000);

  it('creates its container again and starts a new screening within 30 s, without a restart', async () => {
    const say = async (text: string) => (await server.send('fresh-1', { text })).texts.join('\n');
    expect(await say('screen')).toMatch(/Question 1 of 4/);
    await azurite.kill();
    expect(await say('who do I call')).toContain(MASH);
    const createdBefore = events(server, 'storage-container-created').length;

    await azurite.restart({ empty: true });

    const { ms } = await untilReply(server, 'fresh-2', 'screen', /Question 1 of 4/);
    expect(ms).toBeLessThan(RECOVERY_LIMIT_MS);
    expect(await server.send('fresh-2', { text: 'yes' })).toMatchObject({
      texts: [expect.stringMatching(/Question 2 of 4 \(part 1\)/)],
    });
    expect((await azurite.blobs('fresh')).some((b) => b.name.includes('fresh-2'))).toBe(true);
    expect(events(server, 'storage-container-created')).toHaveLength(createdBefore + 1);
    expect(await getJson(`${server.url}/readyz`)).toMatchObject({ status: 200 });
  }, 90_000);
});

describe('storage that accepts connections and never answers (the emulator frozen by its process id)', () => {
  let azurite: Azurite;
  let server: TestServer;
  const TEAMS_LIMIT_MS = 15_000;

  beforeAll(async () => {
    azurite = await startAzurite();
    started.push(azurite);
    server = await botOn(azurite, 'frozen');
  }, 60_000);

  async function timed(text: string): Promise<{ ms: number; reply: string }> {
    const t0 = Date.now();
    const reply = (await server.send('frozen-1', { text })).texts.join('\n');
    return { ms: Date.now() - t0, reply };
  }

  it('still answers every turn inside the channel limit, and carries on when storage answers again', async () => {
    expect((await timed('screen')).reply).toMatch(/Question 1 of 4/);
    process.kill(azurite.pid, 'SIGSTOP');
    try {
      const contactsTurn = await timed('who do I call');
      expect(contactsTurn.reply).toContain(MASH);
      expect(contactsTurn.ms).toBeLessThan(TEAMS_LIMIT_MS);

      const stepTurn = await timed('no');
      expect(stepTurn.reply).toMatch(/I can't keep a screening or form just now/);
      expect(stepTurn.ms).toBeLessThan(TEAMS_LIMIT_MS);

      expect(await getJson(`${server.url}/readyz`)).toMatchObject({
        status: 503,
        body: { failing: 'storage', reason: 'timeout' },
      });
    } finally {
      process.kill(azurite.pid, 'SIGCONT');
    }
    const back = await untilReply(server, 'frozen-1', 'no', /Question 2 of 4 \(part 1\)/);
    expect(back.ms).toBeLessThan(RECOVERY_LIMIT_MS);
  }, 90_000);
});
