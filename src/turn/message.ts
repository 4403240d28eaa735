import type { ConversationState, TurnContext } from 'botbuilder';
import type { BotDeps } from '../dialogs/deps';
import { TurnStore } from '../dialogs/turnStore';
import { planTurn } from '../router/planTurn';
import { noteTurn } from './meta';
import { isPrivateScope, personalChatLink } from './scope';
import { sendReplies } from './send';

export interface MessageHandlerOptions {
  deps: BotDeps;
  conversationState: ConversationState;
  idleTimeoutMinutes: number;
}

/**
 * One message: read what the conversation keeps once, let the core plan the whole turn,
 * store what it says and send its replies. Saving is the turn runner's job
 * (once per turn, with its conflict check).
 */
export function createMessageHandler(options: MessageHandlerOptions) {
  const { deps, idleTimeoutMinutes } = options;
  const store = new TurnStore(options.conversationState);
  return async function handleMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    const now = deps.now();
    const { running, recent, lastTurnAt } = await store.read(context);
    const plan = planTurn(
      { text: activity.text ?? '', value: activity.value as unknown, private: isPrivateScope(activity) },
      {
        contacts: deps.contacts,
        knowledge: deps.knowledge,
        now,
        running,
        recent,
        lastTurnAt,
        idleTimeoutMinutes,
        newId: deps.newId,
        userName: activity.from?.name,
        privateChatLink: personalChatLink(activity),
      },
    );
    await store.write(context, { running: plan.flow, recent: plan.recent, lastTurnAt: now }, now);
    noteTurn(context, plan.meta);
    await sendReplies(context, plan.replies);
  };
}
