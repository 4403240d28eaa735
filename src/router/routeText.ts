/**
 * One typed message in a fresh one-to-one chat, routed exactly as the bot
 * routes it, and described by route: what `ask`, `kb eval` and the urgency
 * tools show a curator is what a practitioner gets in Teams.
 */
import type { Reply } from '../cards/reply';
import type { Answer, AnswerContext } from '../knowledge/answer';
import { planTurn } from './planTurn';

export type TextRoute =
  Answer['route'] | 'emergency' | 'screening' | 'info-sharing' | 'ask-expert' | 'private-only';

export interface RoutedText {
  route: TextRoute;
  topic: string | null;
  confidence: number;
  replies: Reply[];
  suggestions: string[];
}

export function routeText(text: string, ctx: AnswerContext): RoutedText {
  const plan = planTurn(
    { text, private: true },
    {
      ...ctx,
      running: null,
      lastTurnAt: null,
      idleTimeoutMinutes: 30,
      newId: () => 'preview',
      privateChatLink: null,
    },
  );
  const d = plan.decision;
  const base = { topic: null, confidence: 1, replies: plan.replies, suggestions: [] };
  switch (d.kind) {
    case 'answer':
      return { ...d.answer };
    case 'urgent':
      return { ...base, route: 'emergency' };
    case 'startFlow':
    case 'privateOnly':
    case 'unavailable':
      return { ...base, route: d.flow.route };
    default:
      // A fresh chat has no flow and no button: nothing else can be decided for typed text.
      throw new Error(`routeText: unexpected decision ${d.kind}`);
  }
}
