/**
 * Each turn reads the conversation's state once and writes it at most once,
 * and not at all when it changed nothing: questions, "who do I call" and help
 * outside a flow are read-only turns.
 */
import { ConversationState, MemoryStorage, TestAdapter, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { SafeguardingBot } from '../../src/bot';
import { loadAreaContacts } from '../../src/contacts/load';
import { loadKnowledgeBase } from '../../src/knowledge/base';
import { createLogger } from '../../src/log';
import { OptimisticStorage } from '../../src/state/optimistic';
import { createTurnRunner } from '../../src/turn/runner';
import { teamsMessage } from '../helpers/teams';

function countingBot() {
  // The clock moves a minute a turn, as it does between messages, so a running flow's idle timer changes.
  let clock = new Date('2026-11-25T10:30:00Z');
  const inner = new MemoryStorage();
  const counts = { reads: 0, writes: 0 };
  const storage = new OptimisticStorage({
    read: (keys) => {
      counts.reads += 1;
      return inner.read(keys);
    },
    delete: (keys) => inner.delete(keys),
    write: (changes: StoreItems) => {
      counts.writes += 1;
      return inner.write(changes);
    },
  });
  const conversationState = new ConversationState(storage);
  const contacts = loadAreaContacts();
  const turns = createTurnRunner({
    bot: new SafeguardingBot(
      {
        contacts,
        knowledge: loadKnowledgeBase(contacts),
        now: () => clock,
        newId: () => 'id-1',
      },
      conversationState,
      30,
    ),
    conversationState,
    log: createLogger({ level: 'silent' }),
  });
  const adapter = new TestAdapter((context) => turns.run(context));
  /** Sends one message; returns the reads and writes it caused. */
  const say = async (text: string) => {
    clock = new Date(clock.getTime() + 60_000);
    const before = { ...counts };
    await adapter.receiveActivity(teamsMessage('personal', text));
    return { reads: counts.reads - before.reads, writes: counts.writes - before.writes };
  };
  return { say, inner };
}

describe('state reads and writes per turn', () => {
  it('writes nothing for questions, contacts and help when no flow runs', async () => {
    const { say } = countingBot();
    for (const text of [
      'what are the warning signs of child sexual exploitation',
      'who do I call',
      'help',
      'what does MASH stand for',
    ])
      expect(await say(text), text).toEqual({ reads: 1, writes: 0 });
  });

  it('writes once per turn while a screening runs, including the turn that ends it, then stops writing', async () => {
    const { say, inner } = countingBot();
    for (const text of ['screen', 'yes', '15', 'yes', '19', 'no', 'who do I call', 'no'])
      expect(await say(text), text).toEqual({ reads: 1, writes: 1 });
    // The last answer ended the screening: nothing of it is kept, and the next question writes nothing.
    expect(JSON.stringify(inner)).not.toMatch(/screening|childAge/);
    expect(await say('what is grooming')).toEqual({ reads: 1, writes: 0 });
  });
});
