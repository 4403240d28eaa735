import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Reply } from '../cards/reply';

/**
 * Markdown (and so Teams) joins lines that a single newline separates; the
 * summary and contacts blocks are line by line, so single newlines become
 * Markdown hard breaks (two spaces before the newline).
 */
export function hardLineBreaks(text: string): string {
  return text.replace(/(?<![\n ]{2})(?<!\n)\n(?!\n)/g, '  \n');
}

/** The only place a core Reply becomes an activity: text for every client, plus the card where there is one. */
export function toActivity(reply: Reply): Partial<Activity> {
  const activity = MessageFactory.text(hardLineBreaks(reply.text));
  activity.textFormat = 'markdown';
  if (reply.card) activity.attachments = [CardFactory.adaptiveCard(reply.card)];
  return activity;
}

export async function sendReplies(context: TurnContext, replies: Reply[]): Promise<void> {
  if (replies.length === 0) return;
  await context.sendActivities(replies.map(toActivity));
}
