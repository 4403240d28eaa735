/**
 * An open ticket on blob storage (Azurite) survives the bot process being
 * killed (SIGKILL, as a platform restart does) between the question being
 * sent and someone taking it: a new process takes it, updates the card and
 * tells the practitioner, and closing it deletes it from the container.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { startBotProcess, type BotProcess } from '../helpers/botProcess';
import { shownIn, startFakeConnector, type FakeConnector } from '../helpers/connector';
import { ALEX, EXPERTS_TEAM_ID, PERSONAL_CHAT, postActivity, teamsPeople } from '../helpers/experts';

const QUESTION = 'Is this enough for a referral? sentinel-restart-4410, a 15-year-old with a 20-year-old.';
const CONTAINER = 'expert-restart';

let azurite: Azurite;
let connector: FakeConnector;
const processes: BotProcess[] = [];

beforeAll(async () => {
  [azurite, connector] = await Promise.all([startAzurite(), startFakeConnector()]);
}, 30_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill()));
  await connector?.close();
  await azurite?.stop();
});

async function botProcess(): Promise<BotProcess> {
  const bot = await startBotProcess({
    STORAGE: 'blob',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_CONTAINER: CONTAINER,
    EXPERTS_TEAM_ID,
  });
  processes.push(bot);
  return bot;
}

async function send(bot: BotProcess, activity: Record<string, unknown>): Promise<void> {
  expect(await postActivity(bot.url, activity)).toBe(200);
}

describe('an open ticket on blob storage', () => {
  it('is taken and closed by a new process after the first is killed', async () => {
    const people = teamsPeople(connector);
    const first = await botProcess();
    await send(first, people.inChannel('set expert channel'));
    await send(first, people.practitioner('ask an expert'));
    await send(first, people.practitioner(QUESTION));
    await send(first, people.practitioner('send'));
    const created = connector.created().at(-1)!;
    const { id: thread, activityId: cardId } = created.response as { id: string; activityId: string };
    const ref = /Reference (Q-[0-9A-Z]{6})/.exec(
      shownIn({ method: 'POST', conversationId: '', body: created.body.activity as Record<string, unknown> }),
    )![1]!;
    const before = await azurite.blobs(CONTAINER);
    expect(before.some((b) => b.text.includes('sentinel-restart-4410'))).toBe(true);

    await first.kill('SIGKILL');
    const second = await botProcess();
    expect(second.pid).not.toBe(first.pid);

    const mark = connector.calls.length;
    await send(
      second,
      people.pressInThread(thread, cardId, { kind: 'ticket', ticket: ref, action: 'take' }, ALEX),
    );
    const taken = connector.updates().at(-1)!;
    expect(taken).toMatchObject({ conversationId: thread, activityId: cardId });
    expect(shownIn(taken)).toMatch(/Taken by \nAlex Lead/);
    const told = connector.calls
      .slice(mark)
      .filter((c) => c.method === 'POST' && c.conversationId === PERSONAL_CHAT)
      .map(shownIn);
    expect(told.join('\n')).toMatch(
      /Alex Lead from the safeguarding team has your question and will contact you in Teams/,
    );

    await send(
      second,
      people.pressInThread(thread, cardId, { kind: 'ticket', ticket: ref, action: 'close' }, ALEX),
    );
    const after = await azurite.blobs(CONTAINER);
    expect(after.filter((b) => b.text.includes('sentinel-restart-4410'))).toEqual([]);
    expect(after.map((b) => b.name).filter((n) => n.includes(ref))).toEqual([]);
    // Neither process ever logged the question.
    expect([...first.logs, ...second.logs].join('\n')).not.toContain('sentinel-restart-4410');
  }, 90_000);
});
