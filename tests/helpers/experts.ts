/**
 * The people and places of the hand-off tests, shaped as Teams sends them: a
 * practitioner in a personal chat, two members of the safeguarding team in
 * its channel, and someone in another team. Each activity carries the fake
 * connector's URL as its serviceUrl, so the bot's replies are posted there.
 */
import type { Activity } from 'botbuilder';
import { BOT, TENANT, USER, teamsEnvelope, teamsMessage } from './teams';
import type { FakeConnector } from './connector';

export const EXPERTS_TEAM_ID = '19:teamGeneral@thread.tacv2';
export const EXPERTS_CHANNEL_ID = '19:safeguardingLeads@thread.tacv2';
export const PERSONAL_CHAT = 'a:1personalChatWithSam';

export const ALEX = { id: '29:1alexLead', name: 'Alex Lead', aadObjectId: 'aad-alex' };
export const JO = { id: '29:1joNurse', name: 'Jo Nurse', aadObjectId: 'aad-jo' };

/** Posts one activity to the bot as Teams does (no expectReplies: replies go to the connector). */
export async function postActivity(botUrl: string, activity: Partial<Activity>): Promise<number> {
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await res.text();
  return res.status;
}

export function teamsPeople(connector: FakeConnector) {
  const serviceUrl = connector.url;
  return {
    /** Sam, in a personal chat with the bot. */
    practitioner(text: string): Partial<Activity> {
      return { ...teamsMessage('personal', text), serviceUrl, id: `m-${Math.random()}` };
    },
    practitionerPress(data: unknown): Partial<Activity> {
      return { ...teamsEnvelope('personal'), type: 'message', value: data, serviceUrl };
    },
    /** Someone @mentioning the bot in a channel of a team (the safeguarding team unless told otherwise). */
    inChannel(text: string, options: { teamId?: string; from?: typeof ALEX } = {}): Partial<Activity> {
      const activity = teamsMessage('channel', text, { mention: true });
      const data = activity.channelData as Record<string, unknown>;
      return {
        ...activity,
        serviceUrl,
        from: options.from ?? ALEX,
        channelData: { ...data, team: { id: options.teamId ?? EXPERTS_TEAM_ID, name: 'Safeguarding leads' } },
      };
    },
    /** A press of a button on a card in a channel thread: Teams sends it into the thread, replying to the card. */
    pressInThread(
      threadConversationId: string,
      cardActivityId: string,
      data: unknown,
      from: typeof ALEX,
      teamId = EXPERTS_TEAM_ID,
    ): Partial<Activity> {
      return {
        type: 'message',
        channelId: 'msteams',
        serviceUrl,
        from,
        recipient: BOT,
        conversation: {
          id: threadConversationId,
          conversationType: 'channel',
          isGroup: true,
          tenantId: TENANT.id,
        } as Activity['conversation'],
        channelData: {
          tenant: TENANT,
          team: { id: teamId },
          channel: { id: threadConversationId.split(';')[0] },
        },
        replyToId: cardActivityId,
        value: data,
        locale: 'en-GB',
      };
    },
  };
}

export { USER };
