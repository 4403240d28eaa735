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
import { teamsButtonPress, teamsMessage } from '../helpers/teams';

function botWithSpiedStorage(failWrites = false, conflicts = 0) {
  const inner = new MemoryStorage();
  const sentWhenSaving: string[][] = [];
  const storage = new OptimisticStorage({
    read: (keys) => inner.read(keys),
    delete: (keys) => inner.delete(keys),
    async write(changes: StoreItems) {
      sentWhenSaving.push(adapter.activeQueue.map((a: Partial<Activity>) => a.type ?? ''));
      if (failWrites) throw new Error('storage is down');
      if (conflicts > 0) {
        conflicts--;
        throw Object.assign(new Error('eTag conflict'), { statusCode: 412 });
      }
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

  it('names a pressed button once, in what is finally sent, when the turn has to run again', async () => {
    const { adapter, sentWhenSaving } = botWithSpiedStorage(false, 1);
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
