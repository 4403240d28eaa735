import { ConversationState, MemoryStorage, type Storage } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { SafeguardingBot } from './bot';
import type { Config } from './config';
import { loadAreaContacts } from './contacts/load';
import { loadKnowledgeBase } from './knowledge/base';
import type { BotDeps } from './dialogs/deps';
import type { Logger } from './log';
import { createAdapter, createServer, listen, type RunningServer } from './server';

export interface AppOptions {
  config: Config;
  log: Logger;
  storage?: Storage;
  now?: () => Date;
}

/** Wires content, state, bot, adapter and server; used by index.ts and by the HTTP tests. */
export async function startApp({ config, log, storage, now }: AppOptions): Promise<RunningServer> {
  const contacts = loadAreaContacts(config.areaDir);
  const deps: BotDeps = {
    contacts,
    knowledge: loadKnowledgeBase(contacts, config.knowledgeDir),
    now: now ?? (() => new Date()),
    newId: () => randomUUID(),
  };
  const conversationState = new ConversationState(storage ?? new MemoryStorage());
  const bot = new SafeguardingBot(deps, conversationState);
  const adapter = createAdapter(config, log);
  const server = createServer(adapter, bot, log);
  return listen(server, config.port, config.host);
}
