/**
 * The turn runner's promise: nothing the practitioner reads describes a state
 * that was not saved. Replies leave only after the save; "typing…" leaves at once.
 */
import { MemoryStorage, type Activity, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log';
import { StorageHealth } from '../../src/state/health';
import { OptimisticStorage } from '../../src/state/optimistic';
import { ResilientStorage } from '../../src/state/resilient';
import { cardText } from '../helpers/cards';
import { teamsButtonPress, teamsMessage } from '../helpers/teams';
import { shippedBotOver } from '../helpers/turns';

/** What a Teams user reads of each message: its text, or the words of a card sent alone. */
const shownTexts = (sent: Array<Partial<Activity>>) =>
  sent.filter((a) => a.type === 'message').map((a) => a.text || cardText(a.attachments?.[0]?.content));

function botWithSpiedStorage(fail: { reads?: boolean; writes?: boolean; conflicts?: number } = {}) {
  const inner = new MemoryStorage();
  const sentWhenSaving: string[][] = [];
  const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  const log = createLogger({ level: 'silent' });
  // As the app stacks them: conditional saves over bounded retries over the store.
  const storage = new OptimisticStorage(
    new ResilientStorage(
      {
        async read(keys) {
          if (fail.reads) throw refused();
          return inner.read(keys);
        },
        delete: (keys) => inner.delete(keys),
        async write(changes: StoreItems) {
          sentWhenSaving.push(adapter.activeQueue.map((a: Partial<Activity>) => a.type ?? ''));
          if (fail.writes) throw refused();
          if (fail.conflicts) {
            fail.conflicts--;
            throw Object.assign(new Error('eTag conflict'), { statusCode: 412 });
          }
          return inner.write(changes);
        },
      },
      new StorageHealth(log),
      { wait: async () => {} },
    ),
  );
  const adapter = shippedBotOver(storage, { log });
  adapter.onTurnError = async (context) => {
    await context.sendActivity('Sorry, something went wrong on my side. Please send that again.');
  };
  return { adapter, sentWhenSaving, fail };
}

describe('the turn runner', () => {
  it('sends "typing…" at once but holds the replies until the conversation is saved', async () => {
    const { adapter, sentWhenSaving } = botWithSpiedStorage();
    await adapter.receiveActivity(teamsMessage('personal', 'screen'));
    expect(sentWhenSaving[0]).toEqual(['typing']);
    expect(adapter.activeQueue.map((a) => a.type)).toEqual(['typing', 'message', 'message']);
  });

  it('sends none of a turn’s replies when its state cannot be saved: says the screening cannot start, with the contacts and 999', async () => {
    const { adapter, sentWhenSaving } = botWithSpiedStorage({ writes: true });
    await adapter.receiveActivity(teamsMessage('personal', 'screen'));
    const texts = shownTexts(adapter.activeQueue);
    // The save was tried (three times, the request never reaching storage) before anything was sent.
    expect(sentWhenSaving).toEqual([['typing'], ['typing'], ['typing']]);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/I can't keep the screening just now/);
    expect(texts[0]).toMatch(/try again in a minute/);
    expect(texts[0]).toMatch(/call 999/);
    expect(texts.join('\n')).not.toMatch(/Question 1 of 4|Sorry, something went wrong/);
  });

  it('leaves a screening where it was saved when a save fails mid-screening, and carries on from there', async () => {
    const { adapter, fail } = botWithSpiedStorage();
    await adapter.receiveActivity(teamsMessage('personal', 'screen'));
    fail.writes = true;
    adapter.activeQueue.splice(0);
    await adapter.receiveActivity(teamsMessage('personal', 'no'));
    const during = shownTexts(adapter.activeQueue);
    // The screening was read before the save failed, so the bot can name it.
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/I can't keep the screening just now/);
    expect(during[0]).not.toMatch(/Question 2 of 4 \(part 1\)/);

    fail.writes = false;
    adapter.activeQueue.splice(0);
    await adapter.receiveActivity(teamsMessage('personal', 'no'));
    expect(shownTexts(adapter.activeQueue).join('\n')).toMatch(/Question 2 of 4 \(part 1\)/);
  });

  it('answers "who do I call" when the conversation cannot even be read', async () => {
    const { adapter, sentWhenSaving } = botWithSpiedStorage({ reads: true });
    await adapter.receiveActivity(teamsMessage('personal', 'who do I call'));
    const texts = shownTexts(adapter.activeQueue);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/Who to call/);
    expect(texts[0]).toMatch(/call 999/);
    expect(sentWhenSaving).toEqual([]);
  });

  it('names a pressed button once, in what is finally sent, when the turn has to run again', async () => {
    const { adapter, sentWhenSaving } = botWithSpiedStorage({ conflicts: 1 });
    const help = { kind: 'command', command: 'help', label: 'What can I ask?' };
    await adapter.receiveActivity(teamsButtonPress('personal', help));
    expect(sentWhenSaving).toHaveLength(2); // the first save lost, and the turn ran again
    const messages = adapter.activeQueue.filter((a) => a.type === 'message');
    expect(messages).toHaveLength(1);
    const card = messages[0]!.attachments![0]!.content as { body: Array<{ text: string }> };
    expect(card.body.filter((b) => b.text === 'You chose: What can I ask?')).toHaveLength(1);
    expect(messages[0]!.summary).toMatch(/^You chose: What can I ask\?\n\nI help practitioners/);
  });
});
