/**
 * The three things the hand-off asks of Teams, through the Bot Connector:
 * start a thread in the safeguarding team's channel with a ticket's card,
 * put a new version of that card in place, and send the practitioner a
 * message in their personal chat. Each uses the adapter's proactive API
 * (createConversationAsync, continueConversationAsync), so they work outside
 * the turn of whoever they concern.
 */
import {
  Channels,
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationAccount,
  type ConversationParameters,
  type ConversationReference,
} from 'botbuilder';
import type { Reply } from '../cards/reply';
import type { CardLocation, ExpertChannel } from '../state/tickets';
import { sendReplies, toActivity } from '../turn/send';

export interface TeamsConnector {
  postCard(channel: ExpertChannel, reply: Reply): Promise<CardLocation>;
  updateCard(location: CardLocation, reply: Reply): Promise<void>;
  notify(reference: Partial<ConversationReference>, reply: Reply): Promise<void>;
}

/**
 * In Teams a channel thread's conversation id is the channel's id followed by
 * ";messageid=" and the id of the thread's first message: the card.
 */
export function threadRoot(conversationId: string): { channel: string; messageId: string | null } {
  const [channel, ...rest] = conversationId.split(';');
  const messageId = rest.map((p) => /^messageid=(.+)$/.exec(p)?.[1]).find(Boolean) ?? null;
  return { channel: channel!, messageId };
}

/** The card, as its own message (Teams shows text and a card both, so the text travels as the fallback). */
export function cardActivity(reply: Reply): Partial<Activity> {
  return toActivity(reply, { cardOnly: true });
}

export function createTeamsConnector(adapter: CloudAdapter, appId: string | undefined): TeamsConnector {
  const botAppId = appId ?? '';
  return {
    async postCard(channel, reply) {
      let conversationId: string | undefined;
      const parameters: ConversationParameters = {
        isGroup: true,
        bot: channel.bot,
        tenantId: channel.tenantId,
        channelData: {
          channel: { id: channel.channelId },
          ...(channel.tenantId ? { tenant: { id: channel.tenantId } } : {}),
        },
        activity: cardActivity(reply) as Activity,
        members: [],
      };
      await adapter.createConversationAsync(
        botAppId,
        Channels.Msteams,
        channel.serviceUrl,
        // The default audience (the Bot Framework's public cloud), as a reply would use.
        undefined as unknown as string,
        parameters,
        (context) => {
          conversationId = context.activity.conversation?.id;
          return Promise.resolve();
        },
      );
      const activityId = conversationId ? threadRoot(conversationId).messageId : null;
      if (!conversationId || !activityId)
        throw new Error('the connector did not say where the card was posted');
      return {
        activityId,
        reference: {
          channelId: Channels.Msteams,
          serviceUrl: channel.serviceUrl,
          bot: channel.bot,
          conversation: {
            id: conversationId,
            isGroup: true,
            conversationType: 'channel',
            tenantId: channel.tenantId,
          } as ConversationAccount,
        },
      };
    },

    async updateCard(location, reply) {
      await adapter.continueConversationAsync(botAppId, location.reference, async (context) => {
        await updateCardIn(context, location.activityId, reply);
      });
    },

    async notify(reference, reply) {
      await adapter.continueConversationAsync(botAppId, reference, async (context) => {
        await sendReplies(context, [reply]);
      });
    },
  };
}

/** Puts a new version of a card in place of the message `activityId` in this context's conversation. */
export async function updateCardIn(context: TurnContext, activityId: string, reply: Reply): Promise<void> {
  await context.updateActivity({ ...cardActivity(reply), id: activityId });
}

/** A practitioner's personal chat, as a reference a later proactive message can use. */
export function askerReference(context: TurnContext): Partial<ConversationReference> {
  const ref = TurnContext.getConversationReference(context.activity);
  // What continueConversation needs to reach them: not the message they typed, nor its id.
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    conversation: ref.conversation,
    bot: ref.bot,
    user: ref.user && { id: ref.user.id, name: ref.user.name, aadObjectId: ref.user.aadObjectId },
  };
}
