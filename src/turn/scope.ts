/**
 * Where a message was said, and so what the bot may do with it.
 *
 * Privacy rule: anything that collects details about a child (the CSERQ4
 * screening, the information-sharing form) runs only where
 * `isPrivateScope(activity)` is true. A Teams channel or group chat is read
 * by everyone in it, so there the bot sends `privateChatReply()` instead and
 * never starts the dialog. Any dialog that asks about a child must check this
 * before it begins (MainDialog does it for every dialog it starts).
 */
import { TurnContext, type Activity } from 'botbuilder';

type ActivityLike = Pick<Partial<Activity>, 'channelId' | 'conversation' | 'recipient' | 'entities' | 'text'>;

export const TEAMS_CHANNEL_ID = 'msteams';

export function isTeams(activity: ActivityLike): boolean {
  return activity.channelId === TEAMS_CHANNEL_ID;
}

/**
 * True in a one-to-one chat: a Teams personal chat, or any client that is not
 * a group (Web Chat, the local chat page, the emulator, curl). False in a
 * Teams channel or group chat, or any conversation that says it is a group.
 */
export function isPrivateScope(activity: ActivityLike): boolean {
  const conversation = activity.conversation;
  if (!conversation) return true;
  if (conversation.conversationType === 'channel' || conversation.conversationType === 'groupChat')
    return false;
  if (conversation.conversationType === 'personal') return true;
  return conversation.isGroup !== true;
}

/** Whether the message @mentions this bot (Teams puts a mention entity on it). */
export function mentionsBot(activity: ActivityLike): boolean {
  const botId = activity.recipient?.id;
  if (!botId) return false;
  return TurnContext.getMentions(activity).some((mention) => mention.mentioned?.id === botId);
}

/**
 * Removes every "<at>Bot</at>" of this bot from the text, so "@Safeguarding
 * who do I call" routes as "who do I call". TurnContext.removeRecipientMention
 * removes only the first one and throws when there is no text, so this
 * applies the same idea to each mention. Text with no mention of the bot is
 * left exactly as typed (line breaks matter in a free-text answer), and
 * mentions of people are left alone.
 */
export function stripBotMention(activity: Partial<Activity>): string {
  const botId = activity.recipient?.id;
  const original = activity.text ?? '';
  const ours = botId
    ? TurnContext.getMentions(activity).filter((m) => m.mentioned?.id === botId && m.text)
    : [];
  if (ours.length === 0 || activity.text === undefined) return original;
  let text = original;
  for (const mention of ours) text = text.split(mention.text).join(' ');
  // Teams puts a non-breaking space (as an HTML entity) after a mention.
  text = text
    .replace(/&nbsp;/g, ' ')
    .replace(/^[ \t]+|[ \t]+$/gm, '')
    .trim();
  activity.text = text;
  return text;
}

/**
 * A Teams deep link that opens a one-to-one chat with this bot. The bot's
 * Teams id is "28:" followed by its Microsoft App ID, and Teams gives it to us
 * as the recipient of every message; null outside Teams, where no such link exists.
 */
export function personalChatLink(activity: ActivityLike): string | null {
  const botId = activity.recipient?.id ?? '';
  if (!isTeams(activity) || !/^28:[0-9a-f-]{36}$/i.test(botId)) return null;
  return `https://teams.microsoft.com/l/chat/0/0?users=${botId}`;
}

/**
 * The Teams team a channel message was sent in (Teams puts it in
 * channelData), or undefined anywhere else: a personal or group chat, or
 * another client.
 */
export function teamOf(
  activity: Pick<Partial<Activity>, 'channelId' | 'conversation' | 'channelData'>,
): string | undefined {
  if (!isTeams(activity) || activity.conversation?.conversationType !== 'channel') return undefined;
  const team = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team;
  return typeof team?.id === 'string' && team.id !== '' ? team.id : undefined;
}
