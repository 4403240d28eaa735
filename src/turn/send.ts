import {
  ActivityTypes,
  CardFactory,
  DeliveryModes,
  MessageFactory,
  type Activity,
  type TurnContext,
} from 'botbuilder';
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
   * Teams shows an activity's text as well as its card, so the same words
   * would appear twice. There the card travels alone: its `fallbackText` (for
   * a client that cannot render it) and the activity's `summary` (the
   * notification preview) carry the plain text instead.
   */
  cardOnly?: boolean;
}

/**
 * Markdown (and so Teams) joins lines that a single newline separates; the
 * summary and contacts blocks are line by line, so single newlines become
 * Markdown hard breaks (two spaces before the newline).
 */
export function hardLineBreaks(text: string): string {
  return text.replace(/(?<![\n ]{2})(?<!\n)\n(?!\n)/g, '  \n');
}

/** The only place a core Reply becomes an activity: text for every client, plus the card where there is one. */
export function toActivity(reply: Reply, options: SendOptions = {}): Partial<Activity> {
  if (reply.card && options.cardOnly) {
    const activity = MessageFactory.attachment(
      CardFactory.adaptiveCard({ ...reply.card, fallbackText: reply.text }),
    );
    activity.summary = reply.text;
    return activity;
  }
  const activity = MessageFactory.text(hardLineBreaks(reply.text));
  activity.textFormat = 'markdown';
  if (reply.card) activity.attachments = [CardFactory.adaptiveCard(reply.card)];
  return activity;
}

function bytes(activity: Partial<Activity>): number {
  return Buffer.byteLength(JSON.stringify(activity), 'utf8');
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
  if (bytes(activity) <= MAX_MESSAGE_BYTES) return [activity];
  const room = MAX_MESSAGE_BYTES - bytes(toActivity({ text: '' }));
  // Split the text as it will be sent (hard breaks added), so each piece's size is its real size.
  return splitText(hardLineBreaks(reply.text), room).map((piece) => toActivity({ text: piece }));
}

export async function sendReplies(context: TurnContext, replies: Reply[]): Promise<void> {
  if (replies.length === 0) return;
  const options: SendOptions = { cardOnly: isTeams(context.activity) };
  await context.sendActivities(replies.flatMap((reply) => withinSizeLimit(reply, options)));
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
