/**
 * Typed messages in a one-to-one chat, routed exactly as the bot routes
 * them, and described by route: what `ask`, `kb eval` and the urgency tools
 * show a curator is what a practitioner gets in Teams.
 */
import type { Reply } from '../cards/reply';
import type { Answer, AnswerContext } from '../knowledge/answer';
import { planTurn, type PlanContext, type TurnPlan } from './planTurn';

export type TextRoute =
  Answer['route'] | 'emergency' | 'screening' | 'info-sharing' | 'ask-expert' | 'set-expert-channel' | 'busy';

export interface RoutedText {
  route: TextRoute;
  topic: string | null;
  confidence: number;
  replies: Reply[];
  suggestions: string[];
}

/** One message in a fresh chat. */
export function routeText(text: string, ctx: AnswerContext): RoutedText {
  return routeConversation([text], ctx)[0]!;
}

/**
 * Messages typed one after another in one private chat, each routed with what
 * the earlier ones left (a running flow, what the last answer offered).
 */
export function routeConversation(texts: string[], ctx: AnswerContext): RoutedText[] {
  let running: PlanContext['running'] = null;
  let recent: PlanContext['recent'] = null;
  return texts.map((text) => {
    const plan = planTurn(
      { text, private: true },
      {
        ...ctx,
        running,
        recent,
        lastTurnAt: null,
        idleTimeoutMinutes: 30,
        newId: () => 'preview',
        privateChatLink: null,
      },
    );
    running = plan.flow;
    recent = plan.recent;
    return describe(plan);
  });
}

function describe(plan: TurnPlan): RoutedText {
  const d = plan.decision;
  const base = { topic: null, confidence: 1, replies: plan.replies, suggestions: [] };
  switch (d.kind) {
    case 'answer':
      return { ...d.answer };
    case 'urgent':
      // The topic answered after the 999 reply, if any.
      return d.answer
        ? { ...base, route: 'emergency', topic: d.answer.topic, suggestions: d.answer.suggestions }
        : { ...base, route: 'emergency' };
    case 'startFlow':
    case 'privateOnly':
    case 'unavailable':
    case 'flowAnswer':
      return { ...base, route: d.flow.route };
    case 'interruption':
      return d.answer ? { ...d.answer } : { ...base, route: 'busy' };
    case 'setExpertChannel':
      // Refused in a private chat: it is done in a channel of the safeguarding team.
      return { ...base, route: 'set-expert-channel' };
    default:
      // Typed text in a private chat is never a button command or a stale button.
      throw new Error(`routeText: unexpected decision ${d.kind}`);
  }
}
