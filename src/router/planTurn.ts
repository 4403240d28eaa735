/**
 * planTurn(): a whole turn in the core. Clears a flow left idle too long,
 * asks routeTurn() for the decision, runs the flow's step when the decision
 * says so, and returns everything the shell must do: the replies to send,
 * the flow to store (or null to drop it) and what the turn log may say.
 */
import type { Reply } from '../cards/reply';
import { flowById, type GuidedFlow } from './registry';
import type { FlowTurn } from '../flows/flow';
import { expiredReply, HERE_IS_THE_QUESTION, privateChatReply } from '../knowledge/botWords';
import { recentOf, type Recent } from './followUp';
import { routeTurn, type Decision, type RouteContext, type RunningFlow, type TurnInput } from './routeTurn';

/** What a turn's log line may say: names chosen by the code, never what was typed. */
export interface TurnMeta {
  route?: string;
  topic?: string | null;
  step?: string;
  outcome?: string;
}

export interface PlanContext extends RouteContext {
  /** When this conversation last had a turn; null for its first. */
  lastTurnAt: Date | null;
  idleTimeoutMinutes: number;
  newId: () => string;
  /** The practitioner's display name, for a flow's record summary. */
  userName?: string;
  /** A link that opens a private chat with the bot, where the client has one. */
  privateChatLink: string | null;
}

export interface TurnPlan {
  decision: Decision;
  replies: Reply[];
  /** The flow to store after this turn; null when none runs (anything stored must go). */
  flow: RunningFlow | null;
  /** What this turn's answer offered or was about (ids only), for the next turn; null for nothing. */
  recent: Recent | null;
  meta: TurnMeta;
}

export function isExpired(lastTouched: Date, now: Date, timeoutMinutes: number): boolean {
  return now.getTime() - lastTouched.getTime() > timeoutMinutes * 60_000;
}

export function planTurn(input: TurnInput, ctx: PlanContext): TurnPlan {
  const lead: Reply[] = [];
  let running = ctx.running && flowById(ctx.running.id) ? ctx.running : null;
  const meta: TurnMeta = {};
  if (running && ctx.lastTurnAt && isExpired(ctx.lastTurnAt, ctx.now, ctx.idleTimeoutMinutes)) {
    lead.push(expiredReply(ctx.idleTimeoutMinutes, flowById(running.id)!.names));
    meta.outcome = 'expired';
    running = null;
  }
  const decision = routeTurn(input, { ...ctx, running });
  const plan = carryOut(decision, input, { ...ctx, running });
  return {
    ...plan,
    decision,
    replies: [...lead, ...plan.replies],
    meta: { ...meta, ...plan.meta },
    recent: nextRecent(decision, ctx),
  };
}

/** An answer is remembered; a question answered mid-flow leaves the memory as it was; anything else clears it. */
function nextRecent(decision: Decision, ctx: PlanContext): Recent | null {
  if (decision.kind === 'answer') return recentOf(decision.answer, ctx);
  if (decision.kind === 'urgent' && decision.answer) return recentOf(decision.answer, ctx);
  if (decision.kind === 'interruption') return ctx.recent ?? null;
  return null;
}

function carryOut(
  decision: Decision,
  input: TurnInput,
  ctx: PlanContext,
): Omit<TurnPlan, 'decision' | 'recent'> {
  const running = ctx.running;
  const current = running ? flowById(running.id)! : null;
  const reprompt = (lead?: string): Reply[] =>
    current && running ? [current.flow.prompt(running.state, lead)] : [];
  const keep = { flow: running };
  switch (decision.kind) {
    case 'urgent':
      if (decision.then === 'keep-as-answer') {
        const step = applyStep(current!, running!, input, ctx);
        return {
          ...step,
          replies: [...decision.replies, ...step.replies],
          meta: { ...step.meta, route: 'urgent' },
        };
      }
      return {
        ...keep,
        replies: [...decision.replies, ...(decision.then === 'reprompt' ? reprompt() : [])],
        meta: { route: 'urgent', topic: decision.answer?.topic ?? null },
      };
    case 'command':
    case 'staleButton':
      return {
        ...keep,
        replies: [
          ...decision.replies,
          ...(decision.then === 'reprompt'
            ? reprompt(decision.kind === 'staleButton' ? HERE_IS_THE_QUESTION : undefined)
            : []),
        ],
        meta: { route: decision.kind === 'command' ? `command:${decision.command}` : 'stale-button' },
      };
    case 'interruption':
      return {
        ...keep,
        replies: [...decision.replies, ...reprompt()],
        meta: {
          route: 'interruption',
          topic: decision.answer?.topic ?? null,
          step: current?.flow.stepName(running!.state),
        },
      };
    case 'flowAnswer':
      return applyStep(decision.flow, running!, input, ctx);
    case 'startFlow': {
      const turn = decision.flow.flow.start(ctx.newId());
      return finish(decision.flow, turn, ctx);
    }
    case 'privateOnly':
      return {
        ...keep,
        replies: [privateChatReply(ctx.privateChatLink, decision.flow.names)],
        meta: { route: `private-only:${decision.flow.id}` },
      };
    case 'answer':
      return {
        ...keep,
        replies: decision.answer.replies,
        meta: { route: decision.answer.route, topic: decision.answer.topic },
      };
  }
}

function applyStep(
  flow: GuidedFlow,
  running: RunningFlow,
  input: TurnInput,
  ctx: PlanContext,
): Omit<TurnPlan, 'decision' | 'recent'> {
  const parsed: unknown = flow.flow.readInput(input);
  if (parsed === null) {
    return {
      flow: running,
      replies: [flow.flow.prompt(running.state, HERE_IS_THE_QUESTION)],
      meta: { route: 'stale-button' },
    };
  }
  return finish(flow, flow.flow.continue(running.state, parsed, ctx.newId), ctx);
}

/** Stores the flow's new state, or drops it and adds the ending's replies. */
function finish(
  flow: GuidedFlow,
  turn: FlowTurn<unknown, unknown>,
  ctx: PlanContext,
): Omit<TurnPlan, 'decision' | 'recent'> {
  if (turn.state !== null) {
    return {
      flow: { id: flow.id, state: turn.state },
      replies: turn.replies,
      meta: { route: flow.id, step: flow.flow.stepName(turn.state) },
    };
  }
  const end = turn.end!;
  const result = flow.flow.endResult(end);
  return {
    flow: null,
    replies: [
      ...turn.replies,
      ...flow.flow.endReplies(end, { contacts: ctx.contacts, now: ctx.now, userName: ctx.userName }),
    ],
    // The ending's kind only: the turn log never carries an answer.
    meta: { route: flow.id, outcome: result.outcome ?? result.ended },
  };
}
