/**
 * A practitioner's chat with the real bot over botbuilder's TestAdapter:
 * `await chat.say('screen')` returns what the bot sent back, so tests read
 * like the conversation they check.
 */
import path from 'node:path';
import { expect } from 'vitest';
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { JsonCheckedConversationState } from '../../src/state/conversationState';
import { SafeguardingBot } from '../../src/bot';
import type { BotDeps } from '../../src/dialogs/deps';
import { createLogger, type Logger } from '../../src/log';
import { DEFAULT_SCREENING_TIMEOUT_MINUTES } from '../../src/state/config';
import { OptimisticStorage } from '../../src/state/optimistic';
import { createTurnRunner } from '../../src/turn/runner';
import { expectTeamsCard } from './cards';
import { loadKnowledgeBase } from '../../src/knowledge/base';
import { loadTestArea, testshire, type TestArea } from './area';

export interface BotReply {
  text: string;
  card?: Record<string, unknown>;
  activity: Partial<Activity>;
}

export interface Chat {
  say(text: string): Promise<BotReply[]>;
  /** Sends a whole activity (for example one shaped as Teams sends it); returns the messages sent back. */
  send(activity: Partial<Activity>): Promise<BotReply[]>;
  /** Everything the bot sent in the last turn, typing indicators included. */
  lastTurn(): Array<Partial<Activity>>;
  /** What a card button sends: the data object, with no text (as Web Chat posts it). */
  press(data: unknown): Promise<BotReply[]>;
  /** Presses the button with this title on the last card the bot sent. */
  click(title: string): Promise<BotReply[]>;
  storage: MemoryStorage;
  /** The area this chat runs in: read its numbers from here, never write them into a test. */
  area: TestArea;
  /** Everything in storage, as JSON, for privacy assertions. */
  stored(): Promise<string>;
  lastCard(): Record<string, unknown> | undefined;
}

export interface ChatOptions {
  /** A fixed time, or a clock the test moves (for the idle-screening expiry). */
  now?: Date | (() => Date);
  log?: Logger;
  screeningTimeoutMinutes?: number;
  /**
   * The area (contacts and knowledge base) the bot runs with: by default the made-up Testshire, so no
   * chat test depends on the shipped area's content. `shipped` (./area) is for tests of that content.
   */
  area?: TestArea;
  /** Another area folder, for a test that needs one of its own. */
  areaDir?: string;
  knowledgeDir?: string;
  userName?: string;
  ids?: string[];
  /** Fields every activity of this chat carries, e.g. a Teams conversation; each activity may override them. */
  activity?: Partial<Activity>;
}

export function startChat(options: ChatOptions = {}): Chat {
  const storage = new MemoryStorage();
  const fixedNow = options.now instanceof Date ? options.now : new Date('2026-11-25T10:30:00Z');
  let counter = 0;
  const area = options.areaDir ? loadTestArea(options.areaDir) : (options.area ?? testshire);
  const contacts = area.contacts;
  const deps: BotDeps = {
    contacts,
    // An area's own knowledge base sits in its folder; the shipped area's is the server's default.
    knowledge: loadKnowledgeBase(
      contacts,
      options.knowledgeDir ?? (area.dir ? path.join(area.dir, 'knowledge') : undefined),
    ),
    now: typeof options.now === 'function' ? options.now : () => fixedNow,
    newId: () => options.ids?.[counter++] ?? `screening-${++counter}`,
  };
  const conversationState = new JsonCheckedConversationState(new OptimisticStorage(storage));
  const turns = createTurnRunner({
    bot: new SafeguardingBot(
      deps,
      conversationState,
      options.screeningTimeoutMinutes ?? DEFAULT_SCREENING_TIMEOUT_MINUTES,
    ),
    conversationState,
    log: options.log ?? createLogger({ level: 'silent' }),
  });
  const adapter = new TestAdapter(async (context) => turns.run(context));
  let lastCard: Record<string, unknown> | undefined;
  let lastTurn: Array<Partial<Activity>> = [];

  const send = async (activity: Partial<Activity>): Promise<BotReply[]> => {
    await adapter.receiveActivity({
      from: { id: 'practitioner-1', name: options.userName ?? 'Sam Practitioner' },
      ...options.activity,
      ...activity,
    });
    const replies: BotReply[] = [];
    lastTurn = [];
    while (adapter.activeQueue.length > 0) {
      const a = adapter.activeQueue.shift()!;
      lastTurn.push(a);
      if (a.type !== 'message') continue;
      const card = a.attachments?.find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')
        ?.content as Record<string, unknown> | undefined;
      if (card) {
        // Every card any chat test sees must be one Teams can show.
        expectTeamsCard(
          card,
          `card after ${JSON.stringify(activity.text ?? activity.value ?? activity.type)}`,
        );
        lastCard = card;
      }
      // Read the text as a person sees it: Markdown hard breaks are just line breaks.
      replies.push({ text: (a.text ?? '').replace(/ {2}\n/g, '\n'), card, activity: a });
    }
    return replies;
  };

  const chat: Chat = {
    say: (text) => send({ type: 'message', text }),
    send,
    lastTurn: () => lastTurn,
    press: (data) => send({ type: 'message', value: data }),
    async click(title) {
      const actions = (lastCard?.actions ?? []) as Array<{ title: string; data: unknown }>;
      const button = actions.find((a) => a.title === title);
      if (!button)
        throw new Error(`No button "${title}" on the last card: ${actions.map((a) => a.title).join(', ')}`);
      return send({ type: 'message', value: button.data });
    },
    storage,
    area,
    stored() {
      const memory = (storage as unknown as { memory: Record<string, string> }).memory;
      return Promise.resolve(JSON.stringify(memory));
    },
    lastCard: () => lastCard,
  };
  return chat;
}

export const allText = (replies: BotReply[]): string => replies.map((r) => r.text).join('\n---\n');

export type Row = [userSays: string, botReplies: RegExp | RegExp[]];

/** Plays a transcript: each row is what the practitioner types and what the bot's replies must contain. */
export async function play(chat: Chat, rows: Row[]): Promise<string> {
  let last = '';
  for (const [userSays, expected] of rows) {
    last = allText(await chat.say(userSays));
    for (const re of Array.isArray(expected) ? expected : [expected]) {
      expect(last, `after "${userSays}"`).toMatch(re);
    }
  }
  return last;
}
