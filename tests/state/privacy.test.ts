/**
 * Nothing about a child stays in storage once a screening ends, however it
 * ends, and nothing the practitioner typed or pressed reaches the logs.
 * Checked against real blob storage (Azurite), by listing every blob.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { startTestServer, type TestServer } from '../helpers/server';

const CONTAINER = 'privacy';
let azurite: Azurite;
let server: TestServer;
let clock = new Date('2026-11-25T10:00:00Z');
const tick = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

beforeAll(async () => {
  azurite = await startAzurite();
  server = await startTestServer(
    {
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: CONTAINER,
    },
    () => clock,
  );
}, 30_000);

afterAll(async () => {
  await server?.close();
  await azurite?.stop();
});

/** The stored state of one conversation, parsed. */
async function storedState(conversationId: string): Promise<Record<string, unknown>> {
  const blob = (await azurite.blobs(CONTAINER)).find((b) => b.name.includes(conversationId));
  expect(blob, `a blob for ${conversationId}`).toBeDefined();
  return JSON.parse(blob!.text) as Record<string, unknown>;
}

/** After a screening has ended, all that is kept for the chat: an empty dialog stack and when it last spoke. */
async function expectNothingKept(conversationId: string): Promise<void> {
  const state = await storedState(conversationId);
  expect(state).toEqual({ lastTurnAt: clock.toISOString() });
}

// Ages no timestamp or id will contain, so finding them in a blob means an answer was kept.
const CHILD_AGE = '13';
const PARTNER_AGES = '41 and 47';
const answersVisible = (text: string) => /"childAge":13/.test(text) && /41,47|\[41,47\]/.test(text);

async function answerUpToQ3(conversationId: string): Promise<void> {
  for (const text of ['screen', 'yes', CHILD_AGE, 'yes', PARTNER_AGES]) {
    await server.send(conversationId, { text });
  }
  const during = (await azurite.blobs(CONTAINER)).find((b) => b.name.includes(conversationId))!;
  // The check below can fail: while the screening runs, the answers are in storage.
  expect(answersVisible(during.text)).toBe(true);
}

describe('screening answers are removed from blob storage when a screening ends', () => {
  it('when it is completed', async () => {
    await answerUpToQ3('end-completed');
    await server.send('end-completed', { text: 'no' });
    const outcome = (await server.send('end-completed', { text: 'no' })).texts.join('\n');
    expect(outcome).toMatch(/Referral indicated/);
    await expectNothingKept('end-completed');
  });

  it('when it is cancelled', async () => {
    await answerUpToQ3('end-cancelled');
    expect((await server.send('end-cancelled', { text: 'cancel' })).texts.join('\n')).toMatch(
      /Screening cancelled/,
    );
    await expectNothingKept('end-cancelled');
  });

  it('when it is cancelled from the button offered after three unreadable ages', async () => {
    for (const text of ['screen', 'no', 'old', 'very old', 'ancient']) {
      await server.send('end-button', { text });
    }
    const card = (await server.send('end-button', { text: 'older still' })).json as {
      activities: Array<{
        attachments?: Array<{ content: { actions?: Array<{ title: string; data: unknown }> } }>;
      }>;
    };
    const cancel = card.activities
      .flatMap((a) => a.attachments ?? [])
      .flatMap((c) => c.content.actions ?? [])
      .find((b) => b.title === 'Cancel screening');
    expect(cancel).toBeDefined();
    expect((await server.send('end-button', { value: cancel!.data })).texts.join('\n')).toMatch(
      /Screening cancelled/,
    );
    await expectNothingKept('end-button');
  });

  it('when it is started again: the earlier answers go at once', async () => {
    await answerUpToQ3('end-restart');
    await server.send('end-restart', { text: 'start again' });
    const state = await storedState('end-restart');
    expect(answersVisible(JSON.stringify(state))).toBe(false);
    expect(JSON.stringify(state)).toMatch(/"answers":\{\}/);
  });

  it('when it is abandoned: untouched for 30 minutes, it is cleared on the next turn and the user is told', async () => {
    await answerUpToQ3('end-abandoned');
    tick(31);
    const reply = (await server.send('end-abandoned', { text: 'no' })).texts.join('\n');
    expect(reply).toMatch(/no activity for 30 minutes, so I cleared it and its answers/);
    expect(reply).not.toMatch(/Question 4 of 4/);
    await expectNothingKept('end-abandoned');
  });

  it('but not after 29 minutes, when the screening simply carries on', async () => {
    await answerUpToQ3('end-not-yet');
    tick(29);
    expect((await server.send('end-not-yet', { text: 'no' })).texts.join('\n')).toMatch(/Question 4 of 4/);
  });
});

describe('sentinel strings in every field of every activity', () => {
  it('reach neither the logs nor storage once the screening has ended', async () => {
    const sentinel = (field: string) => `SENTINEL-${field}-7f3a`;
    const conversationId = 'sentinel-chat';
    const send = (extra: Record<string, unknown>) =>
      server.send(conversationId, {
        from: { id: sentinel('from.id'), name: sentinel('from.name'), aadObjectId: sentinel('aad') },
        recipient: { id: 'bot', name: sentinel('recipient.name') },
        conversation: {
          id: conversationId,
          name: sentinel('conversation.name'),
          tenantId: sentinel('tenant'),
        },
        channelData: { note: sentinel('channelData') },
        entities: [{ type: 'mention', text: sentinel('entities') }],
        locale: 'en-GB',
        ...extra,
      });
    const turns: Array<Record<string, unknown>> = [
      { text: `hello ${sentinel('text-greeting')}` },
      { text: `what about ${sentinel('text-question')}` },
      { text: 'screen' },
      { text: sentinel('text-not-an-answer') },
      { value: { kind: 'answer', screening: sentinel('value.screening'), step: 'q1', value: 'yes' } },
      { value: { kind: 'answer', screening: 'x', step: sentinel('value.step'), value: 'no' } },
      { value: { sneaky: sentinel('value.unknown-field') }, text: '' },
      { text: 'no' },
      { text: `${sentinel('text-age')} 15` },
      { text: '15' },
      { text: 'yes' },
      { text: `about ${sentinel('text-ages')}` },
      { text: '19' },
      { text: 'no' },
      { text: 'no' },
    ];
    let last = '';
    for (const turn of turns) last = (await send(turn)).texts.join('\n');
    expect(last).toMatch(/Summary for your record/);
    // The summary is for the practitioner's record, so their name is in the reply, not in storage.
    expect(last).toMatch(/Completed by: SENTINEL-from\.name-7f3a/);

    const logs = server.logs.join('');
    const blobs = (await azurite.blobs(CONTAINER)).map((b) => `${b.name}\n${b.text}`).join('\n');
    expect(logs).toMatch(/"event":"turn"/);
    expect(logs).not.toMatch(/SENTINEL/);
    expect(blobs).not.toMatch(/SENTINEL/);
    await expectNothingKept(conversationId);
  });

  it('logs each turn with its route, topic, step, outcome kind and latency only', async () => {
    const before = server.logs.length;
    for (const text of ['help', 'screen', 'yes', '15', 'no', 'no', 'yes'])
      await server.send('log-fields', { text });
    const turns = server.logs
      .slice(before)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.event === 'turn');
    expect(turns).toHaveLength(7);
    for (const entry of turns) {
      expect(Object.keys(entry).sort()).toEqual(
        expect.arrayContaining(['activityType', 'attempts', 'event', 'ms', 'route']),
      );
      const allowed = [
        'level',
        'time',
        'msg',
        'event',
        'activityType',
        'route',
        'topic',
        'step',
        'outcome',
        'attempts',
        'ms',
      ];
      for (const key of Object.keys(entry)) expect(allowed).toContain(key);
      expect(typeof entry.ms).toBe('number');
    }
    expect(turns.map((t) => t.route)).toEqual([
      'help',
      'cserq4',
      'cserq4',
      'cserq4',
      'cserq4',
      'cserq4',
      'cserq4',
    ]);
    expect(turns.map((t) => t.step)).toEqual([
      undefined,
      'q1',
      'childAge',
      'hasPartner',
      'q3',
      'q4',
      undefined,
    ]);
    expect(turns.at(-1)!.outcome).toBe('referral');
  });
});
