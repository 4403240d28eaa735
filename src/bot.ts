import {
  TeamsActivityHandler,
  type Activity,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import type { BotDeps } from './dialogs/deps';
import { sharedIntroReply, welcomeReply } from './knowledge/botWords';
import { createMessageHandler, type TurnEffects } from './turn/message';
import { isPrivateScope, isTeams, mentionsBot, stripBotMention } from './turn/scope';
import { sendReplies, showTyping } from './turn/send';

/**
 * The Teams-aware activity handler: decides whether a message is for the bot,
 * strips the @mention, greets on install, and hands each message to the
 * message handler (which asks the core's router what to do). Conversation
 * state is saved once per turn, by the turn runner around this handler.
 */
export class SafeguardingBot extends TeamsActivityHandler {
  private readonly introduced: StatePropertyAccessor<boolean>;

  constructor(
    deps: BotDeps,
    conversationState: ConversationState,
    idleTimeoutMinutes: number,
    effects?: TurnEffects,
  ) {
    super();
    const handleMessage = createMessageHandler({ deps, conversationState, idleTimeoutMinutes, effects });
    this.introduced = conversationState.createProperty<boolean>('introduced');

    this.onMessage(async (context, next) => {
      if (isForTheBot(context.activity)) {
        stripBotMention(context.activity);
        await showTyping(context);
        await handleMessage(context);
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      await this.greet(context);
      await next();
    });
  }

  /**
   * Teams tells the bot it was installed by listing the bot itself among the
   * members added: a welcome card in a personal chat, one line in a team or
   * group chat (once, however often Teams repeats the event), and nothing
   * when people later join a team. Other clients (Web Chat, the emulator) add
   * the user instead, and get the welcome card.
   */
  private async greet(context: TurnContext): Promise<void> {
    const { activity } = context;
    const added = activity.membersAdded ?? [];
    const botId = activity.recipient?.id;
    const botAdded = added.some((m) => m.id === botId);
    if (!isTeams(activity)) {
      if (added.some((m) => m.id !== botId)) await sendReplies(context, [welcomeReply()]);
      return;
    }
    if (!botAdded) return;
    if (isPrivateScope(activity)) {
      await sendReplies(context, [welcomeReply()]);
      return;
    }
    if (await this.introduced.get(context, false)) return;
    await this.introduced.set(context, true);
    await sendReplies(context, [sharedIntroReply()]);
  }
}

/**
 * In a channel or group chat Teams normally delivers only messages that
 * @mention the bot; if it is given more (for example with resource-specific
 * consent), the bot still answers only when mentioned. A card button press
 * carries its data in `value` and no mention, and is always for the bot.
 */
function isForTheBot(activity: Activity): boolean {
  if (isPrivateScope(activity)) return true;
  if (activity.value !== undefined && activity.value !== null) return true;
  return mentionsBot(activity);
}
