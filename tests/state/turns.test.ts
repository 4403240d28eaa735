/**
 * The turn runner's promise: nothing the practitioner reads describes a state
 * that was not saved. Replies leave only after the save; "typing…" leaves at once.
 */
import { ConversationState, MemoryStorage, TestAdapter, type Activity, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { SafeguardingBot } from '../../src/bot';
import { loadAreaContacts } from '../../src/contacts/load';
import { loadKnowledgeBase } from '../../src/knowledge/base';
import { createLogger } from '../../src/log';
import { OptimisticStorage } from '../../src/state/optimistic';
import { createTurnRunner } from '../../src/turn/runner';
import { teamsMessage } from '../helpers/teams';

function botWithSpiedStorage(failWrites = false) {
  const inner = new MemoryStorage();
  const sentWhenSaving: string[][] = [];
  const storage = new OptimisticStorage({
    read: (keys) => inner.read(keys),
    delete: (keys) => inner.delete(keys),
    async write(changes: StoreItems) {
      sentWhenSaving.push(adapter.activeQueue.map((a: Partial<Activity>) => a.type ?? ''));
      if (failWrites) throw new Error('storage is down');
      return inner.write(changes);
    },
  });
  const conversationState = new ConversationState(storage);
  const contacts = loadAreaContacts();
  const deps = {
    contacts,
    knowledge: loadKnowledgeBase(contacts),
    now: () => new Date('2026-11-25T10:30:00Z'),
    newId: () => 'id-1',
  };
  const turns = createTurnRunner({
    bot: new SafeguardingBot(deps, conversationState, 30),
    conversationState,
    log: createLogger({ level: 'silent' }),
  });
  const adapter = new TestAdapter((context) => turns.run(context));
  adapter.onTurnError = async (context) => {
    await context.sendActivity('Sorry, something went wrong on my side. Please send that again.');
  };
  return { adapter, sentWhenSaving };
}

describe('the turn runner', () => {
  it('sends "typing…" at once but holds the replies until the conversation is saved', async () => {
    const { adapter, sentWhenSaving } = botWithSpiedStorage();
    await adapter.receiveActivity(teamsMessage('personal', 'screen'));
    expect(sentWhenSaving[0]).toEqual(['typing']);
    expect(adapter.activeQueue.map((a) => a.type)).toEqual(['typing', 'message', 'message']);
  });

  it('sends none of a turn’s replies when its state cannot be saved, only the apology', async () => {
    const { adapter } = botWithSpiedStorage(true);
    await adapter.receiveActivity(teamsMessage('personal', 'screen'));
    const texts = adapter.activeQueue.filter((a) => a.type === 'message').map((a) => a.text);
    expect(texts).toEqual(['Sorry, something went wrong on my side. Please send that again.']);
  });
});
