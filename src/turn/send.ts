import {
  ActivityTypes,
  CardFactory,
  DeliveryModes,
  MessageFactory,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import { pressedLabel } from '../cards/actions';
import { plainText } from '../cards/plainText';
import type { Reply } from '../cards/reply';
import { isTeams } from './scope';

/**
 * Teams refuses a message over about 40 KB (text, card and the envelope it
 * adds). Staying under this budget for what we control leaves room for the
 * fields the connector adds on the way.
 */
export const MAX_MESSAGE_BYTES = 36 * 1024;

export interface SendOptions {
  /**
   * Teams and Web Chat show an activity's text as well as its card, so the
   * same words would appear twice. There the card travels alone: its
   * `fallbackText` (for a client that cannot render it) and the activity's
   * `summary` (the notification preview) carry the text instead.
   */
  cardOnly?: boolean;
}

/**
 * Clients that render Adaptive Cards: Teams (and the Agents Playground, which
 * says it is Teams), Web Chat (the local test page) and the clients built on
 * it. Anything else (curl, scripts, the tests' own channel) gets the text too.
 */
const CARD_CLIENTS = new Set(['msteams', 'webchat', 'directline', 'emulator']);

export function rendersCards(activity: Pick<Partial<Activity>, 'channelId'>): boolean {
  return isTeams(activity) || CARD_CLIENTS.has(activity.channelId ?? '');
}

/**
 * Markdown (and so Teams) joins lines that a single newline separates; the
 * summary and contacts blocks are line by line, so single newlines become
 * Markdown hard breaks (two spaces before the newline).
 */
export function hardLineBreaks(text: string): string {
  return text.replace(/(?<![\n ]{2})(?<!\n)\n(?!\n)/g, '  \n');
}

/**
 * The only place a core Reply becomes an activity: text for every client,
 * plus the card where there is one. A card activity's `summary` is what
 * Teams shows in a notification, where Markdown would show as asterisks, so
 * it is always plain text.
 */
export function toActivity(reply: Reply, options: SendOptions = {}): Partial<Activity> {
  if (reply.card && options.cardOnly) {
    const activity = MessageFactory.attachment(
      CardFactory.adaptiveCard({ ...reply.card, fallbackText: reply.text }),
    );
    activity.summary = plainText(reply.text);
    return activity;
  }
  const activity = MessageFactory.text(hardLineBreaks(reply.text));
  activity.textFormat = 'markdown';
  if (reply.card) {
    activity.attachments = [CardFactory.adaptiveCard(reply.card)];
    activity.summary = plainText(reply.text);
  }
  return activity;
}

function bytes(activity: Partial<Activity>): number {
  return Buffer.byteLength(JSON.stringify(activity), 'utf8');
}

/**
 * At least the UTF-8 size of a value's JSON, without building the JSON: a
 * UTF-16 unit is at most 6 bytes once escaped ("\u001f"), a number at most
 * 26 characters ("-0.0000012345678901234567"; 32 are counted). Nearly every
 * reply is far under the limit even counted this way, so only the rare large
 * one is serialised to be measured exactly.
 */
export function jsonBytesAtMost(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length * 6 + 2;
    case 'number':
      return 32;
    case 'boolean':
      return 5;
    case 'object': {
      if (value === null) return 4;
      let size = 2;
      if (Array.isArray(value)) {
        for (const item of value) size += jsonBytesAtMost(item) + 1;
        return size;
      }
      // for…in allocates nothing; properties JSON leaves out (undefined, functions, inherited) only make the bound larger.
      for (const key in value) {
        size += key.length * 6 + 4 + jsonBytesAtMost((value as Record<string, unknown>)[key]);
      }
      return size;
    }
    default:
      return 4;
  }
}

function fits(activity: Partial<Activity>): boolean {
  return jsonBytesAtMost(activity) <= MAX_MESSAGE_BYTES || bytes(activity) <= MAX_MESSAGE_BYTES;
}

/** What a piece of text adds to an activity's JSON: its UTF-8 bytes after JSON escaping, without the quotes. */
function jsonBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text), 'utf8') - 2;
}

/** Cuts text into pieces under the budget, at line or word boundaries where it can. */
export function splitText(text: string, maxBytes: number): string[] {
  if (jsonBytes(text) <= maxBytes) return [text];
  const pieces: string[] = [];
  let current = '';
  let size = 0;
  const push = (piece: string) => {
    if (piece.trim() !== '') pieces.push(piece.trim());
  };
  for (const token of text.split(/(?<=\n)|(?<= )/)) {
    const tokenSize = jsonBytes(token);
    if (size + tokenSize <= maxBytes) {
      current += token;
      size += tokenSize;
      continue;
    }
    push(current);
    current = '';
    size = 0;
    // A run with no space or line break longer than the budget: cut it between characters.
    for (const char of token) {
      const charSize = jsonBytes(char);
      if (size + charSize > maxBytes) {
        push(current);
        current = '';
        size = 0;
      }
      current += char;
      size += charSize;
    }
  }
  push(current);
  return pieces;
}

/**
 * Keeps each message under Teams' size limit: a card too large to send is
 * dropped in favour of its text (which always carries the whole message),
 * and text too long for one message is sent as several.
 */
export function withinSizeLimit(reply: Reply, options: SendOptions = {}): Array<Partial<Activity>> {
  const activity = toActivity(reply, options);
  if (fits(activity)) return [activity];
  const room = MAX_MESSAGE_BYTES - bytes(toActivity({ text: '' }));
  // Split the text as it will be sent (hard breaks added), so each piece's size is its real size.
  return splitText(hardLineBreaks(reply.text), room).map((piece) => toActivity({ text: piece }));
}

export async function sendReplies(context: TurnContext, replies: Reply[]): Promise<void> {
  if (replies.length === 0) return;
  echoPressedButton(context);
  const options: SendOptions = { cardOnly: rendersCards(context.activity) };
  await context.sendActivities(replies.flatMap((reply) => withinSizeLimit(reply, options)));
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** "You chose: No": how the reply says which button was pressed. */
export function pressedLine(label: string): string {
  return `You chose: ${label}`;
}

/** The first message of a reply to a button press, starting with the button's title (text, summary and card). */
export function withPressedLine(activity: Partial<Activity>, label: string): Partial<Activity> {
  const line = pressedLine(label);
  const prefix = (text: string | undefined) => (text ? `${line}\n\n${text}` : line);
  const attachments = activity.attachments?.map((attachment) => {
    if (attachment.contentType !== ADAPTIVE_CARD) return attachment;
    const card = attachment.content as { body?: unknown[]; fallbackText?: string };
    const body = [{ type: 'TextBlock', text: line, wrap: true, isSubtle: true }, ...(card.body ?? [])];
    const fallbackText = card.fallbackText === undefined ? undefined : prefix(card.fallbackText);
    return { ...attachment, content: { ...card, body, ...(fallbackText ? { fallbackText } : {}) } };
  });
  return {
    ...activity,
    ...(activity.text ? { text: prefix(activity.text) } : attachments ? {} : { text: line }),
    ...(activity.summary ? { summary: prefix(activity.summary) } : {}),
    ...(attachments ? { attachments } : {}),
  };
}

const ECHO_ARMED = Symbol('pressedButtonEcho');

/**
 * A plain Action.Submit shows nothing in the chat, in Teams and in the
 * Agents Playground alike (docs/teams.md), so the first message the bot
 * sends in reply to a button says which button it was. This watches what the
 * turn finally sends rather than the first sendReplies call: the turn runner
 * holds replies and may run a turn again, and only what it releases is seen.
 */
function echoPressedButton(context: TurnContext): void {
  if (context.turnState.get(ECHO_ARMED)) return;
  context.turnState.set(ECHO_ARMED, true);
  if (context.activity.text?.trim()) return;
  const label = pressedLabel(context.activity.value);
  if (label === null) return;
  let echoed = false;
  context.onSendActivities(async (_context, activities, next) => {
    const first = echoed ? -1 : activities.findIndex((a) => a.type === ActivityTypes.Message);
    if (first >= 0) {
      activities[first] = withPressedLine(activities[first]!, label);
      echoed = true;
    }
    return next();
  });
}

/**
 * Shows "typing…" while the reply is built, where the client can show it:
 * Teams shows it in personal and group chats but not in channels, and with
 * expectReplies every reply arrives in one HTTP response, so there is no one
 * to show it to.
 */
export async function showTyping(context: TurnContext): Promise<void> {
  const { activity } = context;
  if (activity.deliveryMode === DeliveryModes.ExpectReplies) return;
  if (isTeams(activity) && activity.conversation?.conversationType === 'channel') return;
  await context.sendActivity({ type: ActivityTypes.Typing });
}
