import type { ConversationState, TurnContext } from 'botbuilder';
import type { BotDeps } from '../dialogs/deps';
import { TurnStore, type Remembered } from '../dialogs/turnStore';
import { planTurn } from '../router/planTurn';
import type { StateAccess } from '../router/routeTurn';
import { noteTurn } from './meta';
import { isPrivateScope, personalChatLink } from './scope';
import { sendReplies } from './send';
import { stateUnavailableAt } from './stateUnavailable';

export interface MessageHandlerOptions {
  deps: BotDeps;
  conversationState: ConversationState;
  idleTimeoutMinutes: number;
}

/** What a turn knows of the conversation when storage could not be read. */
const NOTHING_KNOWN: Remembered = { running: null, recent: null, lastTurnAt: null };

/**
 * One message: read what the conversation keeps once, let the core plan the whole turn,
 * store what it says and send its replies. Saving is the turn runner's job
 * (once per turn, with its conflict check).
 *
 * When the runner found storage down, the turn runs again without touching
 * storage: knowing the stored flow if it was read before the save failed,
 * knowing nothing otherwise. The core then decides what can still be done.
 */
export function createMessageHandler(options: MessageHandlerOptions) {
  const { deps, idleTimeoutMinutes } = options;
  const store = new TurnStore(options.conversationState);
  return async function handleMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    const now = deps.now();
    const failedAt = stateUnavailableAt(context);
    const known = failedAt === 'write' ? store.lastRead(context) : undefined;
    const access: StateAccess = failedAt === null ? 'full' : known ? 'readOnly' : 'none';
    const { running, recent, lastTurnAt } =
      access === 'full' ? await store.read(context) : (known ?? NOTHING_KNOWN);
    const plan = planTurn(
      { text: activity.text ?? '', value: activity.value as unknown, private: isPrivateScope(activity) },
      {
        contacts: deps.contacts,
        knowledge: deps.knowledge,
        now,
        running,
        recent,
        stateAccess: access,
        lastTurnAt,
        idleTimeoutMinutes,
        newId: deps.newId,
        userName: activity.from?.name,
        privateChatLink: personalChatLink(activity),
      },
    );
    if (plan.save) {
      await store.write(context, { running: plan.flow, recent: plan.recent, lastTurnAt: now }, now);
    }
    noteTurn(context, plan.meta);
    await sendReplies(context, plan.replies);
  };
}
