import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Reply } from '../cards/reply';

/** The only place a core Reply becomes an activity: text for every client, plus the card where there is one. */
export function toActivity(reply: Reply): Partial<Activity> {
  const activity = MessageFactory.text(reply.text);
  activity.textFormat = 'markdown';
  if (reply.card) activity.attachments = [CardFactory.adaptiveCard(reply.card)];
  return activity;
}

export async function sendReplies(context: TurnContext, replies: Reply[]): Promise<void> {
  if (replies.length === 0) return;
  await context.sendActivities(replies.map(toActivity));
}
