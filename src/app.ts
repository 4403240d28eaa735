import type { Storage } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { SafeguardingBot } from './bot';
import type { Config } from './config';
import { loadAreaContacts } from './contacts/load';
import { loadKnowledgeBase } from './knowledge/base';
import type { BotDeps } from './dialogs/deps';
import { applyHttpTimeouts, DEFAULT_HTTP_TIMEOUTS, type HttpTimeouts } from './httpLimits';
import { registerLocalChat } from './localChat';
import type { Logger } from './log';
import { createAdapter, createServer, listen, type RunningServer } from './server';
import { StorageHealth } from './state/health';
import { JsonCheckedConversationState } from './state/conversationState';
import { OptimisticStorage } from './state/optimistic';
import { createReadinessCheck } from './state/readiness';
import { ResilientStorage, STORAGE_RETRY } from './state/resilient';
import { checkStorage, createBackend, customBackend } from './state/storage';
import { createTurnRunner } from './turn/runner';
import { ExpertHandoff } from './handoff/handoff';
import { createTeamsConnector } from './handoff/teams';
import { TicketStore } from './state/tickets';

export interface AppOptions {
  config: Config;
  log: Logger;
  storage?: Storage;
  now?: () => Date;
  httpTimeouts?: Partial<HttpTimeouts>;
  /** Extra Bot Framework authentication settings, e.g. a local OpenID metadata URL for the auth tests. */
  authSettings?: Record<string, string>;
}

export interface RunningApp extends RunningServer {
  /** Where the local test chat page is, when it is served. */
  localChatUrl?: string;
  /** Expires old tickets now (it also runs hourly); how many it expired. */
  sweepTickets(): Promise<number>;
}

/** Wires content, state, bot, adapter and server; used by index.ts and by the HTTP tests. */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config, log } = options;
  const contacts = loadAreaContacts(config.areaDir);
  const deps: BotDeps = {
    contacts,
    knowledge: loadKnowledgeBase(contacts, config.knowledgeDir),
    now: options.now ?? (() => new Date()),
    newId: () => randomUUID(),
  };
  const health = new StorageHealth(log);
  const backend = options.storage
    ? customBackend(options.storage)
    : createBackend(config.storage, {
        tryTimeoutMs: STORAGE_RETRY.tryTimeoutMs,
        onContainerCreated: () => health.containerCreated(),
      });
  await checkStorage(backend);
  // Conditional saves on top of bounded retries: a lost race passes through the retries untouched.
  const storage = new OptimisticStorage(new ResilientStorage(backend.storage, health));
  const conversationState = new JsonCheckedConversationState(storage);
  const adapter = createAdapter(config, log, options.authSettings);
  const handoff = new ExpertHandoff({
    store: new TicketStore(storage),
    teams: createTeamsConnector(adapter, config.appId),
    teamId: config.experts.teamId,
    ticketDays: config.experts.ticketDays,
    contacts,
    now: deps.now,
    log,
  });
  const bot = new SafeguardingBot(deps, conversationState, config.screeningTimeoutMinutes, handoff);
  const turns = createTurnRunner({ bot, conversationState, log });
  const server = createServer(adapter, turns, log, createReadinessCheck(backend, health));
  applyHttpTimeouts(server, { ...DEFAULT_HTTP_TIMEOUTS, ...options.httpTimeouts });
  const localChat = config.localChat && registerLocalChat(server, log);
  const running = await listen(server, config.port, config.host);
  handoff.startSweeping();
  return {
    ...running,
    localChatUrl: localChat ? `${running.url}/` : undefined,
    sweepTickets: () => handoff.sweep(),
    close: async () => {
      handoff.stopSweeping();
      await running.close();
    },
  };
}
