/**
 * The page's connection against Web Chat's chat adapter contract, with a
 * stand-in for fetch: what Web Chat subscribes to, in the order it does.
 */
import { describe, expect, it } from 'vitest';
import { createLocalDirectLine, type Activity, type LocalDirectLine } from '../../web/directLine.mjs';

interface Posted {
  url: string;
  body: Record<string, unknown> & { type: string };
}

type Answer = { status?: number; activities?: Array<Record<string, unknown>> } | Error;

/** A bot that answers each post with the next of `answers` (then with no replies), and records what it got. */
function fakeBot(answers: Answer[] = []) {
  const posted: Posted[] = [];
  const fetch = (url: string, init: { body: string }): Promise<Response> => {
    posted.push({ url, body: JSON.parse(init.body) as Posted['body'] });
    const answer = answers.shift() ?? {};
    if (answer instanceof Error) return Promise.reject(answer);
    const body = JSON.stringify({ activities: answer.activities ?? [] });
    return Promise.resolve(new Response(body, { status: answer.status ?? 200 }));
  };
  return { posted, fetch };
}

function connect(line: LocalDirectLine) {
  const statuses: number[] = [];
  const seen: Activity[] = [];
  line.connectionStatus$.subscribe({ next: (s) => statuses.push(s) });
  line.activity$.subscribe({ next: (a) => seen.push(a) });
  return { statuses, seen };
}

function post(line: LocalDirectLine, activity: Activity) {
  return new Promise<{ ids: string[]; completed: boolean; error?: unknown }>((resolve) => {
    const ids: string[] = [];
    line.postActivity(activity).subscribe({
      next: (id) => ids.push(id),
      complete: () => resolve({ ids, completed: true }),
      error: (error) => resolve({ ids, completed: false, error }),
    });
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let counter = 0;
const newId = () => `id-${++counter}`;
const clock = () => new Date('2026-11-25T10:30:00.000Z');
const bot = { id: 'bot', name: 'Safeguarding guidance bot' };

function userMessage(text: string, clientActivityID: string): Activity {
  return {
    type: 'message',
    text,
    channelId: 'webchat',
    from: { id: 'local-user', role: 'user' },
    channelData: { clientActivityID },
  };
}

describe('the local DirectLine connection', () => {
  it('goes 0 → 1 → 2 when Web Chat subscribes, and the join it posts brings the welcome', async () => {
    const { posted, fetch } = fakeBot([{ activities: [{ type: 'message', text: 'Welcome' }] }]);
    const line = createLocalDirectLine({ fetch, bot, newId, now: clock, conversationId: 'conv-1' });
    line.setUserId('local-user');
    const { statuses, seen } = connect(line);
    await settle();

    expect(statuses).toEqual([0, 1, 2]);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.url).toBe('/api/messages');
    expect(posted[0]!.body).toMatchObject({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'local-user' }],
      deliveryMode: 'expectReplies',
      conversation: { id: 'conv-1' },
      recipient: bot,
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ type: 'message', text: 'Welcome', from: { role: 'bot' } });
    expect(seen[0]!.id).toEqual(expect.any(String));
    expect(seen[0]!.timestamp).toBe('2026-11-25T10:30:00.000Z');
    // The join is never on screen, so the welcome must not wait for it.
    expect(seen[0]!.replyToId).toBeUndefined();
  });

  it('echoes the sent message with its clientActivityID, then the replies, then emits the id and completes', async () => {
    const { posted, fetch } = fakeBot([
      {},
      {
        activities: [
          { type: 'message', text: 'Question 1' },
          { type: 'message', text: 'card' },
        ],
      },
    ]);
    const line = createLocalDirectLine({ fetch, bot, newId, now: clock });
    const { seen } = connect(line);
    await settle();

    const result = await post(line, userMessage('screen', 'client-1'));

    expect(result.completed).toBe(true);
    expect(result.ids).toHaveLength(1);
    const [echo, ...replies] = seen;
    expect(echo).toMatchObject({
      id: result.ids[0],
      text: 'screen',
      from: { role: 'user' },
      channelData: { clientActivityID: 'client-1' },
    });
    expect(posted[1]!.body).toMatchObject({
      id: result.ids[0],
      text: 'screen',
      deliveryMode: 'expectReplies',
    });
    expect(replies.map((r) => r.text)).toEqual(['Question 1', 'card']);
    for (const reply of replies) {
      expect(reply).toMatchObject({ from: { role: 'bot' }, replyToId: result.ids[0] });
      expect(reply.id).toEqual(expect.any(String));
    }
    // Web Chat orders by timestamp: a frozen clock must still give the bot's order.
    const stamps = seen.map((a) => Date.parse(a.timestamp as string));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('replays the conversation so far to a later subscriber, as Web Chat subscribes twice', async () => {
    const { fetch } = fakeBot([{ activities: [{ type: 'message', text: 'Welcome' }] }]);
    const line = createLocalDirectLine({ fetch, bot, newId, now: clock });
    connect(line);
    await settle();
    const late: Activity[] = [];
    line.activity$.subscribe((a) => late.push(a));
    expect(late.map((a) => a.text)).toEqual(['Welcome']);
  });

  it.each<[string, Answer]>([
    ['the network fails', new TypeError('Failed to fetch')],
    ['the bot answers 500', { status: 500 }],
  ])('errors the post, with no echo, when %s (Web Chat then offers Retry)', async (_case, failure) => {
    const { fetch } = fakeBot([{}, failure, { activities: [{ type: 'message', text: 'Question 2' }] }]);
    const line = createLocalDirectLine({ fetch, bot, newId, now: clock });
    const { seen } = connect(line);
    await settle();

    const failed = await post(line, userMessage('no', 'client-1'));
    expect(failed.completed).toBe(false);
    expect(failed.ids).toEqual([]);
    expect(seen).toEqual([]);

    const retried = await post(line, userMessage('no', 'client-2'));
    expect(retried.completed).toBe(true);
    expect(seen.map((a) => a.text)).toEqual(['no', 'Question 2']);
  });

  it('sends a card button as its data alone, and hands it back still marked postBack, so Web Chat does not show it', async () => {
    const { posted, fetch } = fakeBot();
    const line = createLocalDirectLine({ fetch, bot, newId, now: clock });
    const { seen } = connect(line);
    await settle();
    const value = { kind: 'answer', screening: 's-1', step: 'q1', value: 'no', label: 'No' };

    await post(line, {
      type: 'message',
      value,
      from: { id: 'local-user', role: 'user' },
      channelData: { postBack: true, clientActivityID: 'client-1' },
    });

    expect(seen[0]).toMatchObject({ value, channelData: { postBack: true, clientActivityID: 'client-1' } });
    expect(seen[0]!.text).toBeUndefined();
    expect(posted[1]!.body.text).toBeUndefined();
    expect(posted[1]!.body.value).toEqual(value);
  });

  it('sends one turn at a time, so two quick messages cannot race on the conversation state', async () => {
    const started: string[] = [];
    const release: Array<() => void> = [];
    const fetch = (_url: string, init: { body: string }) => {
      started.push((JSON.parse(init.body) as { type: string; text?: string }).text ?? 'join');
      return new Promise<Response>((resolve) => {
        release.push(() => resolve(new Response('{"activities":[]}')));
      });
    };
    const line = createLocalDirectLine({ fetch, bot, newId, now: clock });
    connect(line);
    await settle();
    release.shift()!();

    const first = post(line, userMessage('one', 'client-1'));
    const second = post(line, userMessage('two', 'client-2'));
    await settle();
    expect(started).toEqual(['join', 'one']);
    release.shift()!();
    await first;
    await settle();
    expect(started).toEqual(['join', 'one', 'two']);
    release.shift()!();
    expect((await second).completed).toBe(true);
  });
});
