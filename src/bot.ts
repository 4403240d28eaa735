import { TeamsActivityHandler, type ConversationState, type TurnContext } from 'botbuilder';
import { helpReply } from './knowledge/answer';
import { MainDialog } from './dialogs/mainDialog';
import type { BotDeps } from './dialogs/deps';
import { sendReplies } from './dialogs/send';

/**
 * The activity handler: welcomes new members and hands each message to the
 * main dialog, then saves conversation state once per turn.
 */
export class SafeguardingBot extends TeamsActivityHandler {
  private readonly main: MainDialog;

  constructor(
    deps: BotDeps,
    private readonly conversationState: ConversationState,
  ) {
    super();
    this.main = MainDialog.create(deps, conversationState);

    this.onMessage(async (context, next) => {
      await this.main.run(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      if (added.some((m) => m.id !== botId)) await sendReplies(context, [helpReply()]);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}
