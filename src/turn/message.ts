import type { ConversationState, TurnContext } from 'botbuilder';
import type { Reply } from '../cards/reply';
import type { BotDeps } from '../dialogs/deps';
import { TurnStore, type Remembered } from '../dialogs/turnStore';
import { TICKET_BUTTON_ELSEWHERE } from '../experts/words';
import { planTurn, type Effect } from '../router/planTurn';
import type { ExpertsSetup, StateAccess } from '../router/routeTurn';
import { noteTurn } from './meta';
import { isPrivateScope, personalChatLink, teamOf } from './scope';
import { sendReplies } from './send';
import { stateUnavailableAt } from './stateUnavailable';

export interface EffectOutcome {
  /** Replaces the plan's replies (the effect decided what to say, or it failed). */
  replies?: Reply[];
  /** For the turn log: what happened, as a word chosen by the code. */
  outcome?: string;
}

/** Work beyond this conversation (the hand-off to the safeguarding team), carried out for the core. */
export interface TurnEffects {
  /** The context bounds its storage reads by the turn's storage deadline. */
  expertsSetup(context?: TurnContext): Promise<ExpertsSetup>;
  carryOut(effect: Effect, context: TurnContext): Promise<EffectOutcome>;
}

export interface MessageHandlerOptions {
  deps: BotDeps;
  conversationState: ConversationState;
  idleTimeoutMinutes: number;
  /** Absent in tests of the conversation alone: the hand-off then counts as not set up. */
  effects?: TurnEffects;
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
  const { deps, idleTimeoutMinutes, effects } = options;
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
      {
        text: activity.text ?? '',
        value: activity.value as unknown,
        private: isPrivateScope(activity),
        teamId: teamOf(activity),
      },
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
        experts: effects ? await effects.expertsSetup(context) : undefined,
      },
    );
    let replies = plan.replies;
    const meta = { ...plan.meta };
    if (plan.effect) {
      const done: EffectOutcome = effects
        ? await effects.carryOut(plan.effect, context)
        : { replies: [...replies, { text: TICKET_BUTTON_ELSEWHERE }] };
      if (done.replies) replies = done.replies;
      if (done.outcome) meta.outcome = done.outcome;
    }
    if (plan.save) {
      await store.write(context, { running: plan.flow, recent: plan.recent, lastTurnAt: now }, now);
    }
    noteTurn(context, meta);
    await sendReplies(context, replies);
  };
}
