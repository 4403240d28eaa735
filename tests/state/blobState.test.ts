/**
 * Conversation state in Azure Blob Storage (Azurite), as production runs it:
 * instances restart, several share one storage account, and two messages for
 * one chat can arrive at once.
 */
import type { Storage, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEND_AGAIN } from '../../src/turn/runner';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { startBotProcess, type BotProcess } from '../helpers/botProcess';
import { scriptScreening } from '../helpers/scripts';
import { startTestServer, type TestServer } from '../helpers/server';

let azurite: Azurite;
const processes: BotProcess[] = [];
const servers: TestServer[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill()));
  await Promise.all(servers.map((s) => s.close()));
  await azurite?.stop();
});

const blobEnv = (container: string) => ({
  STORAGE: 'blob',
  AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
  AZURE_STORAGE_CONTAINER: container,
});

async function botProcess(container: string): Promise<BotProcess> {
  const bot = await startBotProcess(blobEnv(container));
  processes.push(bot);
  return bot;
}

// 14-year-old, partner 20, not missing, controlling "yes", places "no": referral (gap 6 and controlling).
const screening = scriptScreening({
  childAge: 14,
  partnerAges: [20],
  missing: 'no',
  controlling: 'yes',
  unsafePlaces: 'no',
});

describe('a screening in blob storage', () => {
  it('carries on after the bot process is killed at question 3 and a new one starts', async () => {
    const first = await botProcess('restart');
    const turns = [...screening.turns];
    const upToQ3 = turns.splice(0, 5);
    let last = '';
    for (const text of upToQ3) last = await first.say('restart-1', text);
    expect(last).toMatch(/Question 3 of 4/);

    await first.kill('SIGKILL');
    const second = await botProcess('restart');
    expect(second.pid).not.toBe(first.pid);

    expect(await second.say('restart-1', turns.shift()!)).toMatch(/Question 4 of 4/);
    const outcome = await second.say('restart-1', turns.shift()!);
    expect(outcome).toMatch(screening.heading);
    expect(outcome).toMatch(screening.q2Detail);
    expect(outcome).toMatch(/Q3 controlling relationship: Yes/);
  }, 60_000);

  it('reaches the right outcome when turns alternate between two bot processes', async () => {
    const pair = await Promise.all([botProcess('scale-out'), botProcess('scale-out')]);
    let last = '';
    for (const [i, text] of screening.turns.entries()) last = await pair[i % 2]!.say('scale-1', text);
    expect(last).toMatch(screening.heading);
    expect(last).toMatch(screening.q2Detail);
    // Both really served turns, so the state travelled between them through storage.
    const served = pair.map((bot) => bot.logs.filter((l) => l.includes('"event":"turn"')).length);
    expect(served).toEqual([Math.ceil(screening.turns.length / 2), Math.floor(screening.turns.length / 2)]);
  }, 60_000);
});

/**
 * Holds each read's result until `count` reads have finished, so two turns
 * surely both hold the same version before either can write.
 */
function readBarrier(inner: Storage, count: number): Storage & { arm(): void } {
  let waiting: Array<() => void> = [];
  let armed = false;
  return {
    arm: () => {
      armed = true;
    },
    async read(keys) {
      const held = armed;
      const items = await inner.read(keys);
      if (held) {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === count) {
            armed = false;
            waiting.forEach((go) => go());
            waiting = [];
          }
        });
      }
      return items;
    },
    write: (changes: StoreItems) => inner.write(changes),
    delete: (keys) => inner.delete(keys),
  };
}

async function blobServer(storage: Storage, now?: () => Date): Promise<TestServer> {
  const server = await startTestServer({}, now, storage);
  servers.push(server);
  return server;
}

describe('two turns of one conversation at the same moment', () => {
  it('applies a double-pressed answer button once and moves on exactly one question', async () => {
    const storage = readBarrier(new BlobsStorage(azurite.connectionString, 'conflict'), 2);
    const server = await blobServer(storage);
    const say = async (body: Record<string, unknown>) => (await server.send('double-press', body)).texts;
    const intro = await server.send('double-press', { text: 'screen' });
    const yes = (
      intro.json as {
        activities: Array<{
          attachments?: Array<{ content: { actions: Array<{ title: string; data: unknown }> } }>;
        }>;
      }
    ).activities
      .flatMap((a) => a.attachments ?? [])
      .flatMap((c) => c.content.actions)
      .find((b) => b.title === 'Yes')!.data;

    storage.arm();
    const [a, b] = await Promise.all([say({ value: yes }), say({ value: yes })]);
    const both = [a.join('\n'), b.join('\n')];
    expect(both.filter((t) => /How old are you\?/.test(t) && !/earlier question/.test(t))).toHaveLength(1);
    expect(both.filter((t) => /That button is from an earlier question/.test(t))).toHaveLength(1);
    expect(server.logs.join('')).toMatch(/"event":"state-conflict"/);

    // The screening goes on from question 2 with question 1 answered once, as "yes".
    let last = '';
    for (const text of ['15', 'no', 'no', 'no']) last = (await say({ text })).join('\n');
    expect(last).toMatch(/Q1 going missing: Yes/);
    expect(last).toMatch(/Referral indicated/);
  });

  it('applies two different typed answers one after the other, each to one question', async () => {
    const storage = readBarrier(new BlobsStorage(azurite.connectionString, 'conflict'), 2);
    const server = await blobServer(storage);
    const say = async (text: string) => (await server.send('two-answers', { text })).texts.join('\n');
    for (const text of ['screen', 'no', '15', 'yes']) await say(text);
    storage.arm();
    // At the partner's age: "17" answers it; "no" either answers question 3 (if "17" landed
    // first) or is turned away as not an age (if it landed first). Either way the answers
    // end the same, with nothing lost and nothing applied twice.
    await Promise.all([say('17'), say('no')]);
    expect(server.logs.join('')).toMatch(/"event":"state-conflict"/);
    let outcome = '';
    for (let i = 0; i < 2 && !/Summary for your record/.test(outcome); i++) outcome = await say('no');
    const expected = scriptScreening({
      childAge: 15,
      partnerAges: [17],
      missing: 'no',
      controlling: 'no',
      unsafePlaces: 'no',
    });
    expect(outcome).toMatch(expected.heading);
    expect(outcome).toMatch(expected.q2Detail);
  });

  it('asks the practitioner to send it again when the conversation keeps changing underneath, and keeps what was saved', async () => {
    const inner = new BlobsStorage(azurite.connectionString, 'conflict');
    let interfere = false;
    // Another instance saves this conversation every time this one is about to.
    const storage: Storage = {
      read: (keys) => inner.read(keys),
      delete: (keys) => inner.delete(keys),
      async write(changes) {
        if (interfere) {
          const current = await inner.read(Object.keys(changes));
          await inner.write(current);
        }
        return inner.write(changes);
      },
    };
    const server = await blobServer(storage);
    const say = async (text: string) => (await server.send('busy', { text })).texts.join('\n');
    for (const text of ['screen', 'no']) await say(text);
    interfere = true;
    const reply = await say('15');
    interfere = false;
    expect(reply).toBe(SEND_AGAIN);
    expect(reply).not.toMatch(/Question/);
    // Nothing from the lost turn was kept: the same question is still waiting.
    expect(await say('15')).toMatch(/Do you have a partner/);
  });
});

describe('starting with blob storage', () => {
  it('refuses to start, naming the settings to check, when the account key is wrong', async () => {
    await expect(
      startTestServer({
        ...blobEnv('bad-key'),
        AZURE_STORAGE_CONNECTION_STRING: azurite.badKeyConnectionString,
      }),
    ).rejects.toThrow(
      /^storage is not reachable \(HTTP 403\): check AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER$/,
    );
  });
});
