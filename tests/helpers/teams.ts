/**
 * Activities shaped as Microsoft Teams sends them to a bot (channelId
 * "msteams", a conversationType, "28:" bot ids, mention entities), so the
 * Teams tests drive the real bot with what it will really receive.
 */
import type { Activity } from 'botbuilder';
import { allText, startChat, type BotReply, type Chat, type ChatOptions } from './chat';
import { cardText } from './cards';

export const BOT_APP_ID = '6f1c1a6e-3c1b-4c8e-9a57-2d0f5b7c9e11';
export const BOT = { id: `28:${BOT_APP_ID}`, name: 'Safeguarding' };
export const TENANT = { id: '72f1c3a4-0d3e-4b6b-8f0e-5c2f6b1e9d20' };
export const USER = {
  id: '29:1practitionerAbC',
  name: 'Sam Practitioner',
  aadObjectId: 'b7d1e0c2-1f3a-4d5e-9c8b-7a6f5e4d3c2b',
};

export type Scope = 'personal' | 'channel' | 'groupChat';

const CONVERSATIONS: Record<Scope, Activity['conversation']> = {
  personal: {
    id: 'a:1personalChatWithSam',
    conversationType: 'personal',
    tenantId: TENANT.id,
  } as Activity['conversation'],
  channel: {
    id: '19:safeguardingLeads@thread.tacv2;messageid=1700000000000',
    conversationType: 'channel',
    isGroup: true,
    tenantId: TENANT.id,
  } as Activity['conversation'],
  groupChat: {
    id: '19:meeting_groupOfThree@thread.v2',
    conversationType: 'groupChat',
    isGroup: true,
    tenantId: TENANT.id,
  } as Activity['conversation'],
};

function channelData(scope: Scope): Record<string, unknown> {
  const base = { tenant: TENANT };
  if (scope !== 'channel') return base;
  return {
    ...base,
    team: { id: '19:teamGeneral@thread.tacv2', name: 'Safeguarding leads' },
    channel: { id: '19:safeguardingLeads@thread.tacv2', name: 'General' },
  };
}

/** The envelope every activity in this scope carries. */
export function teamsEnvelope(scope: Scope): Partial<Activity> {
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    from: USER,
    recipient: BOT,
    conversation: CONVERSATIONS[scope],
    channelData: channelData(scope),
    locale: 'en-GB',
  };
}

/** A typed message; with `mention`, it starts "<at>Safeguarding</at> " and carries the mention entity, as Teams sends it. */
export function teamsMessage(
  scope: Scope,
  text: string,
  options: { mention?: boolean } = {},
): Partial<Activity> {
  const at = `<at>${BOT.name}</at>`;
  return {
    ...teamsEnvelope(scope),
    type: 'message',
    text: options.mention ? `${at} ${text}` : text,
    textFormat: 'plain',
    entities: [
      ...(options.mention ? [{ type: 'mention', text: at, mentioned: { id: BOT.id, name: BOT.name } }] : []),
      { type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' },
    ],
  };
}

/** What Teams posts when a card's Action.Submit (messageBack) is pressed: the data in `value`, no text, no mention. */
export function teamsButtonPress(scope: Scope, data: unknown): Partial<Activity> {
  return { ...teamsEnvelope(scope), type: 'message', value: data };
}

/** The conversationUpdate Teams sends when members (the bot, people) are added to a conversation. */
export function teamsMembersAdded(scope: Scope, members: Array<{ id: string }>): Partial<Activity> {
  const data = channelData(scope);
  return {
    ...teamsEnvelope(scope),
    type: 'conversationUpdate',
    membersAdded: members as Activity['membersAdded'],
    channelData: scope === 'personal' ? data : { ...data, eventType: 'teamMemberAdded' },
  };
}

export function startTeamsChat(scope: Scope, options: ChatOptions = {}): Chat {
  return startChat({ ...options, activity: { ...teamsEnvelope(scope), ...options.activity } });
}

/** What a Teams user reads: each message's text, or, for a card sent alone, the card's words. */
export function shown(replies: BotReply[]): string {
  return replies.map((r) => (r.text ? r.text : cardText(r.card))).join('\n---\n');
}

export { allText };
