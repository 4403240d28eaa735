/**
 * The hand-off to the safeguarding team through the real HTTP app, with
 * Teams-shaped activities and a fake Bot Connector that records what the bot
 * POSTs (replies, new channel threads, proactive messages) and PUTs (card
 * updates). Storage is memory here; tests/experts/restart.test.ts runs it on
 * blob storage across a killed process.
 */
import { MemoryStorage } from 'botbuilder';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, shownIn, startFakeConnector, type FakeConnector } from '../helpers/connector';
import {
  ALEX,
  EXPERTS_CHANNEL_ID,
  EXPERTS_TEAM_ID,
  JO,
  PERSONAL_CHAT,
  postActivity,
  teamsPeople,
} from '../helpers/experts';
import { startTestServer, type TestServer } from '../helpers/server';

/** A question nobody could mistake for anything else: it must never reach a log. */
const QUESTION = 'The parents refuse consent for a referral about sentinel-question-7731, what now?';

let connector: FakeConnector;
let people: ReturnType<typeof teamsPeople>;
let clock = new Date('2026-11-25T10:30:00Z');
const servers: TestServer[] = [];

beforeAll(async () => {
  connector = await startFakeConnector();
  people = teamsPeople(connector);
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  connector.calls.length = 0;
  clock = new Date('2026-11-25T10:30:00Z');
});
afterAll(async () => {
  await connector.close();
});

async function bot(env: Record<string, string> = { EXPERTS_TEAM_ID }, storage = new MemoryStorage()) {
  const server = await startTestServer(env, () => clock, storage);
  servers.push(server);
  return { server, storage };
}

async function send(server: TestServer, activity: Record<string, unknown>): Promise<void> {
  expect(await postActivity(server.url, activity)).toBe(200);
}

/** What the bot said into a conversation since `from` calls ago. */
function said(conversationId: string, from = 0): string[] {
  return connector.calls
    .slice(from)
    .filter((c) => c.method === 'POST' && c.conversationId === conversationId)
    .map(shownIn);
}

const channelMessages = () =>
  connector.calls.filter((c) => c.method === 'POST' && c.conversationId.startsWith(EXPERTS_CHANNEL_ID));

async function setChannel(server: TestServer): Promise<void> {
  await send(server, people.inChannel('set expert channel'));
}

/** The expert channel set, then the practitioner asks QUESTION and sends it. */
async function sendQuestion(server: TestServer): Promise<void> {
  await setChannel(server);
  await send(server, people.practitioner('ask an expert'));
  await send(server, people.practitioner(QUESTION));
  await send(server, people.practitioner('send'));
}

/** The thread the last card started, and the card's id in it, as the connector answered. */
function threadOf(): { thread: string; cardId: string } {
  const response = connector.created().at(-1)!.response as { id: string; activityId: string };
  return { thread: response.id, cardId: response.activityId };
}

/** The reference on the last card posted. */
function lastRef(): string {
  const activity = connector.created().at(-1)!.body.activity as Record<string, unknown>;
  return /Reference (Q-[0-9A-Z]{6})/.exec(
    shownIn({ method: 'POST', conversationId: '', body: activity }),
  )![1]!;
}

function stored(storage: MemoryStorage): string {
  return JSON.stringify((storage as unknown as { memory: Record<string, string> }).memory);
}

describe('setting up the expert channel', () => {
  it('stores the channel when asked in a channel of the safeguarding team, and confirms', async () => {
    const { server, storage } = await bot();
    await setChannel(server);
    expect(channelMessages().map(shownIn).join('\n')).toMatch(
      /Done: questions for the safeguarding team will come to this channel[^]*after 14 days/,
    );
    const setup = JSON.parse(
      (storage as unknown as { memory: Record<string, string> }).memory['experts/setup']!,
    ) as { value: { channel: { channelId: string; teamId: string; serviceUrl: string } } };
    expect(setup.value.channel).toMatchObject({
      channelId: EXPERTS_CHANNEL_ID,
      teamId: EXPERTS_TEAM_ID,
      serviceUrl: connector.url,
    });
  });

  it('refuses the command from another team and changes nothing', async () => {
    const { server, storage } = await bot();
    await send(server, people.inChannel('set expert channel', { teamId: '19:someOtherTeam@thread.tacv2' }));
    expect(channelMessages().map(shownIn).join('\n')).toMatch(/nothing has changed/);
    expect(stored(storage)).not.toContain('experts/setup');
    // So a practitioner still hears that it is not set up.
    await send(server, people.practitioner('ask an expert'));
    expect(said(PERSONAL_CHAT).join('\n')).toMatch(/not set up here yet[^]*MASH[^]*999/);
  });

  it('refuses it everywhere when EXPERTS_TEAM_ID is not set', async () => {
    const { server, storage } = await bot({});
    await setChannel(server);
    expect(channelMessages().map(shownIn).join('\n')).toMatch(/EXPERTS_TEAM_ID[^]*nothing has changed/);
    expect(stored(storage)).not.toContain('experts/setup');
  });

  it('without a channel set, "ask an expert" says so and gives the time-aware contacts', async () => {
    const { server } = await bot();
    clock = new Date('2026-11-28T22:15:00Z'); // a Saturday night: the out-of-hours team leads
    await send(server, people.practitioner('ask an expert'));
    const reply = said(PERSONAL_CHAT).join('\n');
    expect(reply).toMatch(/Asking the safeguarding team through me is not set up here yet/);
    expect(reply).toMatch(/closed now \(weekend/);
    expect(connector.created()).toEqual([]);
  });
});

describe('a question asked, taken and closed', () => {
  it('goes to the channel as a card, is taken (the practitioner is told) and closed (and deleted)', async () => {
    const { server, storage } = await bot();
    await setChannel(server);

    await send(server, people.practitioner('Ask the safeguarding team'));
    const intro = said(PERSONAL_CHAT).join('\n');
    expect(intro).toMatch(/safeguarding team[^]*not for emergencies[^]*do not identify the child/);

    let mark = connector.calls.length;
    await send(server, people.practitioner(QUESTION));
    expect(said(PERSONAL_CHAT, mark).join('\n')).toMatch(
      /Check your question before I send it[^]*sentinel-question-7731/,
    );
    expect(connector.created()).toEqual([]);

    mark = connector.calls.length;
    await send(server, people.practitioner('send'));
    const [created] = connector.created();
    expect(created).toBeDefined();
    // A new thread in the channel that was set, started by the card.
    expect(created!.body).toMatchObject({
      isGroup: true,
      channelData: { channel: { id: EXPERTS_CHANNEL_ID } },
    });
    const card = (created!.body.activity as { attachments: Array<{ content: Record<string, unknown> }> })
      .attachments[0]!.content;
    const cardWords = shownIn({
      method: 'POST',
      conversationId: '',
      body: { attachments: [{ content: card }] },
    });
    expect(cardWords).toContain(QUESTION);
    expect(cardWords).toMatch(/Asked by \nSam Practitioner\n on Wednesday 25 November 2026, 10:30/);
    expect(cardWords).toMatch(/Status: \nOpen/);
    expect(cardWords).toMatch(/\[I'll take this\]\n\[Close\]/);
    const ref = /Reference (Q-[0-9A-Z]{6})/.exec(cardWords)![1]!;
    expect(said(PERSONAL_CHAT, mark).join('\n')).toMatch(
      new RegExp(`Sent to the safeguarding team[^]*${ref}`),
    );
    // The question left the practitioner's conversation record with the flow; only the ticket holds it.
    const memory = (storage as unknown as { memory: Record<string, string> }).memory;
    const conversation = Object.entries(memory).find(([key]) => key.includes(PERSONAL_CHAT))!;
    expect(conversation[1]).not.toContain('sentinel-question-7731');
    expect(memory[`experts/tickets/${ref}`]).toContain('sentinel-question-7731');

    const { thread, cardId } = threadOf();
    mark = connector.calls.length;
    await send(
      server,
      people.pressInThread(thread, cardId, { kind: 'ticket', ticket: ref, action: 'take' }, ALEX),
    );
    const [taken] = connector.updates();
    expect(taken).toMatchObject({ conversationId: thread, activityId: cardId });
    expect(shownIn(taken!)).toMatch(/Taken by \nAlex Lead/);
    expect(shownIn(taken!)).toMatch(/\[Close\]$/);
    expect(said(PERSONAL_CHAT, mark).join('\n')).toMatch(
      /Alex Lead from the safeguarding team has your question and will contact you in Teams/,
    );

    mark = connector.calls.length;
    await send(
      server,
      people.pressInThread(thread, cardId, { kind: 'ticket', ticket: ref, action: 'close' }, ALEX),
    );
    const closed = connector.updates().at(-1)!;
    expect(shownIn(closed)).toMatch(/Closed by \nAlex Lead/);
    expect(JSON.stringify(cardOf(closed))).not.toContain('sentinel-question-7731');
    expect((cardOf(closed).actions as unknown[] | undefined) ?? []).toEqual([]);
    expect(said(PERSONAL_CHAT, mark).join('\n')).toMatch(new RegExp(`closed your question ${ref}`));

    // Nothing of the question is left in storage, and none of it was ever logged.
    expect(stored(storage)).not.toContain('sentinel-question-7731');
    expect(stored(storage)).not.toContain(`experts/tickets/${ref}`);
    expect(server.logs.join('')).not.toContain('sentinel-question-7731');
    expect(server.logs.join('')).not.toContain(ref);
    const events = server.logs
      .map((l) => JSON.parse(l) as { event?: string; action?: string })
      .filter((l) => l.event === 'expert-ticket')
      .map((l) => l.action);
    expect(events).toEqual(['channel-set', 'sent', 'taken', 'closed']);
  });

  it('holds back a question that carries identifiers, keeps none of it and sends nothing', async () => {
    const { server, storage } = await bot();
    await setChannel(server);
    await send(server, people.practitioner('ask an expert'));
    const mark = connector.calls.length;
    await send(
      server,
      people.practitioner('a girl called Chloe Sentinel, DOB 12/03/2012, lives in PO4 8QX: referral?'),
    );
    const reply = said(PERSONAL_CHAT, mark).join('\n');
    expect(reply).toMatch(/not sent or kept that: it looks like it contains a full name, a date of birth/);
    expect(reply).toMatch(/and a postcode/);
    expect(reply).toMatch(/What would you like to ask\?/);
    expect(connector.created()).toEqual([]);
    for (const trace of ['Chloe', 'Sentinel', '12/03/2012', 'PO4'])
      expect(stored(storage)).not.toContain(trace);
    expect(server.logs.join('')).not.toContain('Sentinel');

    // Asked again without them, it goes through.
    await send(server, people.practitioner(QUESTION));
    await send(server, people.practitioner('send'));
    expect(connector.created()).toHaveLength(1);
  });

  it('moves the request to a private chat when it is made in a channel', async () => {
    const { server } = await bot();
    await setChannel(server);
    const mark = connector.calls.length;
    await send(
      server,
      people.inChannel('ask the safeguarding team', { teamId: '19:someOtherTeam@thread.tacv2' }),
    );
    expect(channelMessages().slice(-1).map(shownIn).join('\n')).toMatch(/private chat/);
    expect(connector.calls.slice(mark).filter((c) => c.conversationId === '')).toEqual([]);
  });

  it('offers the hand-off on answer cards once a channel is set', async () => {
    const { server } = await bot();
    await send(server, people.practitioner('what are the signs of grooming'));
    expect(said(PERSONAL_CHAT).join('\n')).not.toContain('[Ask the safeguarding team]');
    await setChannel(server);
    const mark = connector.calls.length;
    await send(server, people.practitioner('what are the signs of grooming'));
    expect(said(PERSONAL_CHAT, mark).join('\n')).toContain('[Ask the safeguarding team]');
    await send(server, people.practitionerPress({ kind: 'command', command: 'ask-expert' }));
    expect(said(PERSONAL_CHAT).join('\n')).toMatch(/What would you like to ask\?/);
  });

  it('tells the practitioner it was not sent, and keeps nothing, when the card cannot be posted', async () => {
    const { server, storage } = await bot();
    await setChannel(server);
    await send(server, people.practitioner('ask an expert'));
    await send(server, people.practitioner(QUESTION));
    connector.failNext('new-thread', 403); // as when the bot has been removed from the team
    const mark = connector.calls.length;
    await send(server, people.practitioner('send'));
    expect(said(PERSONAL_CHAT, mark).join('\n')).toMatch(
      /could not send your question[^]*nothing has been sent or kept/,
    );
    expect(stored(storage)).not.toContain('sentinel-question-7731');
    expect(stored(storage)).not.toMatch(/experts\/tickets\//);
  });
});

describe('two people press "I\'ll take this" at once', () => {
  it('gives the question to one of them, refuses the other politely, and tells the practitioner once', async () => {
    const { server } = await bot();
    await sendQuestion(server);
    const ref = lastRef();
    const { thread, cardId } = threadOf();
    const mark = connector.calls.length;
    const take = { kind: 'ticket', ticket: ref, action: 'take' };
    await Promise.all([
      send(server, people.pressInThread(thread, cardId, take, ALEX)),
      send(server, people.pressInThread(thread, cardId, take, JO)),
    ]);
    const told = said(PERSONAL_CHAT, mark);
    expect(told).toHaveLength(1);
    const winner = /^\*\*(Alex Lead|Jo Nurse) from the safeguarding team has your question/.exec(
      told[0]!,
    )![1]!;
    const loser = winner === 'Alex Lead' ? 'Jo Nurse' : 'Alex Lead';
    expect(said(thread, mark).join('\n')).toBe(`${winner} has already taken this question.`);
    // Every version of the card put in place names the one who took it.
    const updates = connector.updates();
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) {
      expect(shownIn(update)).toMatch(new RegExp(`Taken by \\n${winner}`));
      expect(shownIn(update)).not.toContain(loser);
    }

    // A later press by the loser changes nothing either.
    const again = connector.calls.length;
    await send(server, people.pressInThread(thread, cardId, take, winner === 'Alex Lead' ? JO : ALEX));
    expect(said(PERSONAL_CHAT, again)).toEqual([]);
    expect(said(thread, again).join('\n')).toMatch(/has already taken this question/);
  });

  it('refuses a ticket button pressed outside the channel that holds the card', async () => {
    const { server } = await bot();
    await sendQuestion(server);
    const ref = lastRef();
    const mark = connector.calls.length;
    await send(server, people.practitionerPress({ kind: 'ticket', ticket: ref, action: 'take' }));
    expect(said(PERSONAL_CHAT, mark).join('\n')).toMatch(/only on the question's card/);
    expect(connector.updates()).toEqual([]);
  });
});

describe('expiry', () => {
  it(`removes a ticket after EXPERT_TICKET_DAYS, updates its card and tells the practitioner nobody took it`, async () => {
    const { server, storage } = await bot({ EXPERTS_TEAM_ID, EXPERT_TICKET_DAYS: '3' });
    await sendQuestion(server);
    const { thread, cardId } = threadOf();

    clock = new Date('2026-11-28T10:29:00Z'); // a minute short of three days
    expect(await server.sweepTickets()).toBe(0);
    expect(stored(storage)).toContain('sentinel-question-7731');

    clock = new Date('2026-11-28T10:31:00Z');
    const mark = connector.calls.length;
    expect(await server.sweepTickets()).toBe(1);
    const [expired] = connector.updates();
    expect(expired).toMatchObject({ conversationId: thread, activityId: cardId });
    expect(shownIn(expired!)).toMatch(/Expired after 3 days/);
    expect(JSON.stringify(cardOf(expired!))).not.toContain('sentinel-question-7731');
    expect(said(PERSONAL_CHAT, mark).join('\n')).toMatch(
      /Nobody from the safeguarding team took your question Q-[0-9A-Z]{6} within 3 days/,
    );
    expect(stored(storage)).not.toContain('sentinel-question-7731');
    expect(stored(storage)).not.toMatch(/experts\/tickets\//);
    expect(await server.sweepTickets()).toBe(0);
  });

  it('says a question that expired is closed when its old card is pressed', async () => {
    const { server } = await bot({ EXPERTS_TEAM_ID, EXPERT_TICKET_DAYS: '1' });
    await sendQuestion(server);
    const ref = lastRef();
    const { thread, cardId } = threadOf();
    // The card update failed at expiry, so the old card still shows its buttons.
    connector.failNext('update', 404);
    clock = new Date('2026-11-27T10:30:00Z');
    expect(await server.sweepTickets()).toBe(1);
    const mark = connector.calls.length;
    await send(
      server,
      people.pressInThread(thread, cardId, { kind: 'ticket', ticket: ref, action: 'take' }, JO),
    );
    expect(said(thread, mark).join('\n')).toMatch(/This question is closed/);
    const fixed = connector.updates().at(-1)!;
    expect(shownIn(fixed)).toMatch(/Status: \nClosed/);
    expect(JSON.stringify(cardOf(fixed))).not.toContain('sentinel-question-7731');
  });
});
