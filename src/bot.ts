import {
  TeamsActivityHandler,
  type Activity,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { MainDialog } from './dialogs/mainDialog';
import type { BotDeps } from './dialogs/deps';
import { isPrivateScope, isTeams, mentionsBot, stripBotMention } from './dialogs/scope';
import { sendReplies, showTyping } from './dialogs/send';
import { sharedIntroReply, welcomeReply } from './knowledge/welcome';

/**
 * The Teams-aware activity handler: decides whether a message is for the bot,
 * strips the @mention, greets on install, and hands each message to the main
 * dialog, then saves conversation state once per turn. Which scope may start
 * which dialog is MainDialog's business (see dialogs/scope.ts).
 */
export class SafeguardingBot extends TeamsActivityHandler {
  private readonly main: MainDialog;
  private readonly introduced: StatePropertyAccessor<boolean>;

  constructor(
    deps: BotDeps,
    private readonly conversationState: ConversationState,
  ) {
    super();
    this.main = MainDialog.create(deps, conversationState);
    this.introduced = conversationState.createProperty<boolean>('introduced');

    this.onMessage(async (context, next) => {
      if (isForTheBot(context.activity)) {
        stripBotMention(context.activity);
        await showTyping(context);
        await this.main.run(context);
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

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
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
