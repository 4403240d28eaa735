/**
 * The shipped bot as the app builds a turn (conversation state over the
 * given storage, the turn runner, the bot), driven by botbuilder's
 * TestAdapter, for tests that watch what reaches storage.
 */
import { TestAdapter, type Storage } from 'botbuilder';
import { SafeguardingBot } from '../../src/bot';
import { loadAreaContacts } from '../../src/contacts/load';
import { loadKnowledgeBase } from '../../src/knowledge/base';
import { createLogger, type Logger } from '../../src/log';
import { JsonCheckedConversationState } from '../../src/state/conversationState';
import { createTurnRunner } from '../../src/turn/runner';

export interface ShippedBotOptions {
  /** The bot's clock; a fixed morning unless given. */
  now?: () => Date;
  log?: Logger;
}

export function shippedBotOver(storage: Storage, options: ShippedBotOptions = {}): TestAdapter {
  const conversationState = new JsonCheckedConversationState(storage);
  const contacts = loadAreaContacts();
  const deps = {
    contacts,
    knowledge: loadKnowledgeBase(contacts),
    now: options.now ?? (() => new Date('2026-11-25T10:30:00Z')),
    newId: () => 'id-1',
  };
  const turns = createTurnRunner({
    bot: new SafeguardingBot(deps, conversationState, 30),
    conversationState,
    log: options.log ?? createLogger({ level: 'silent' }),
  });
  return new TestAdapter((context) => turns.run(context));
}
