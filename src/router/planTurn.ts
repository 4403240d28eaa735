/**
 * planTurn(): a whole turn in the core. Clears a flow left idle too long,
 * asks routeTurn() for the decision, runs the flow's step when the decision
 * says so, and returns everything the shell must do: the replies to send,
 * the flow to store (or null to drop it) and what the turn log may say.
 *
 * When storage is down (`stateAccess` other than `full`) nothing is stored:
 * the plan says `save: false`, a flow's question is never asked again (its
 * answer could not be kept), and a turn that needed state says so instead.
 */
import type { Reply } from '../cards/reply';
import { flowById, type GuidedFlow } from './registry';
import { withAskButton } from '../experts/words';
import type { FlowEffect, FlowTurn } from '../flows/flow';
import { expiredReply, HERE_IS_THE_QUESTION, privateChatReply } from '../knowledge/botWords';
import { recentOf, type Recent } from './followUp';
import {
  flowSetup,
  routeTurn,
  type Decision,
  type RouteContext,
  type RunningFlow,
  type TurnInput,
} from './routeTurn';
import { flowPausedReply, stateUnavailableReply } from './stateUnavailable';
import { beginTurn } from '../rules/turnMemo';

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

/**
 * Work outside this conversation that the shell carries out before it sends
 * the replies: post a question to the safeguarding team, store the channel
 * that receives them, or act on a ticket's button.
 */
export type Effect =
  | FlowEffect
  | { kind: 'set-expert-channel' }
  | { kind: 'ticket-action'; ref: string; action: 'take' | 'close' };

export interface TurnPlan {
  decision: Decision;
  replies: Reply[];
  /** The flow to store after this turn; null when none runs (anything stored must go). */
  flow: RunningFlow | null;
  /** What this turn's answer offered or was about (ids only), for the next turn; null for nothing. */
  recent: Recent | null;
  meta: TurnMeta;
  /** False when this turn must store nothing (storage is down): `flow` is then only what was read. */
  save: boolean;
  /** Work for the shell beyond storing and sending; null for most turns. */
  effect: Effect | null;
}

export function isExpired(lastTouched: Date, now: Date, timeoutMinutes: number): boolean {
  return now.getTime() - lastTouched.getTime() > timeoutMinutes * 60_000;
}

export function planTurn(input: TurnInput, ctx: PlanContext): TurnPlan {
  // What the rules read from the message is shared within this turn, never carried into the next.
  beginTurn();
  if ((ctx.stateAccess ?? 'full') !== 'full') return planWithoutSaving(input, ctx);
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
    effect: null,
    ...plan,
    decision,
    replies: [...lead, ...plan.replies],
    meta: { ...meta, ...plan.meta },
    recent: nextRecent(decision, ctx),
    save: true,
  };
}

/** An answer is remembered; a question answered mid-flow leaves the memory as it was; anything else clears it. */
function nextRecent(decision: Decision, ctx: PlanContext): Recent | null {
  // "no thanks" to the screening after the signs, then "how do i report it then": still about the signs.
  if (decision.kind === 'answer' && decision.answer.declinedOffer)
    return ctx.recent?.topic ? { route: 'topic', topic: ctx.recent.topic, at: ctx.now.toISOString() } : null;
  if (decision.kind === 'answer') return recentOf(decision.answer, ctx);
  if (decision.kind === 'urgent' && decision.answer) return recentOf(decision.answer, ctx);
  if (decision.kind === 'interruption') return ctx.recent ?? null;
  return null;
}

/**
 * A turn whose state cannot be saved. The idle expiry is left to the next
 * turn that can save (clearing a flow is a write, and saying it was cleared
 * would be untrue). Replies that need no state go out as usual; where the
 * running flow's question would be asked again, a line says why it is not.
 */
function planWithoutSaving(input: TurnInput, ctx: PlanContext): TurnPlan {
  const running = ctx.running && flowById(ctx.running.id) ? ctx.running : null;
  const current = running ? flowById(running.id)! : null;
  const decision = routeTurn(input, { ...ctx, running });
  const paused = current ? [flowPausedReply(current.names)] : [];
  const plan = (replies: Reply[], meta: TurnMeta): TurnPlan => ({
    decision,
    replies,
    flow: running,
    recent: ctx.recent ?? null,
    meta: current ? { ...meta, step: current.flow.stepName(running!.state) } : meta,
    save: false,
    effect: null,
  });
  switch (decision.kind) {
    case 'needsState':
    case 'flowAnswer':
    case 'startFlow': {
      // routeTurn turns the last two into needsState without state; kept here so the switch is total.
      const flow = decision.flow;
      const names = flow?.names ?? current?.names ?? null;
      return plan([stateUnavailableReply(ctx.contacts, ctx.now, names)], {
        route: `state-unavailable:${flow?.id ?? current?.id ?? 'unknown'}`,
      });
    }
    case 'urgent':
      return plan([...decision.replies, ...paused], { route: 'urgent' });
    case 'command':
      return plan([...decision.replies, ...paused], { route: `command:${decision.command}` });
    case 'staleButton':
      return plan([...decision.replies, ...paused], { route: 'stale-button' });
    case 'interruption':
      return plan([...decision.replies, ...paused], {
        route: 'interruption',
        topic: decision.answer?.topic ?? null,
      });
    case 'privateOnly':
      return plan([privateChatReply(ctx.privateChatLink, decision.flow.names)], {
        route: `private-only:${decision.flow.id}`,
      });
    case 'answer':
      return plan([...decision.answer.replies, ...paused], {
        route: decision.answer.route,
        topic: decision.answer.topic,
      });
    case 'unavailable':
      return plan([...decision.replies, ...paused], { route: `unavailable:${decision.flow.id}` });
    case 'setExpertChannel':
    case 'ticketAction':
      // Both change what is stored: without storage, say so, with who to call.
      return plan([stateUnavailableReply(ctx.contacts, ctx.now, current?.names ?? null)], {
        route: `state-unavailable:${decision.kind}`,
      });
  }
}

type Planned = Omit<TurnPlan, 'decision' | 'effect' | 'recent' | 'save'> & { effect?: Effect | null };

/** Answers that may offer the hand-off: a knowledge answer, or an honest "I don't have that". */
const OFFERS_EXPERTS: ReadonlySet<string> = new Set(['topic', 'not-found']);

function carryOut(decision: Decision, input: TurnInput, ctx: PlanContext): Planned {
  const running = ctx.running;
  const current = running ? flowById(running.id)! : null;
  const reprompt = (lead?: string): Reply[] =>
    current && running ? [current.flow.prompt(running.state, lead)] : [];
  // Each plan that keeps the flow names it first rather than spreading `{ flow: running }`: V8 copies an
  // object spread first in a literal quickly, but every key added after it took its slow path (about
  // half a microsecond a key, a microsecond a turn).
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
        flow: running,
        replies: [...decision.replies, ...(decision.then === 'reprompt' ? reprompt() : [])],
        meta: { route: 'urgent', topic: decision.answer?.topic ?? null },
      };
    case 'command':
    case 'staleButton':
      return {
        flow: running,
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
        flow: running,
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
        flow: running,
        replies: [privateChatReply(ctx.privateChatLink, decision.flow.names)],
        meta: { route: `private-only:${decision.flow.id}` },
      };
    case 'unavailable':
      return { flow: running, replies: decision.replies, meta: { route: `unavailable:${decision.flow.id}` } };
    case 'setExpertChannel':
      return {
        flow: running,
        replies: [...decision.replies, ...(decision.then === 'reprompt' ? reprompt() : [])],
        meta: { route: 'set-expert-channel', outcome: decision.allowed ? 'set' : 'refused' },
        effect: decision.allowed ? { kind: 'set-expert-channel' } : null,
      };
    case 'ticketAction':
      // The replies depend on the stored ticket: the shell reads it and says what happened.
      return {
        flow: running,
        replies: decision.then === 'reprompt' ? reprompt() : [],
        meta: { route: `ticket:${decision.action}` },
        effect: { kind: 'ticket-action', ref: decision.ref, action: decision.action },
      };
    case 'answer': {
      const offer =
        !running &&
        input.private &&
        flowSetup(ctx).expertChannelSet &&
        OFFERS_EXPERTS.has(decision.answer.route);
      return {
        flow: running,
        replies: offer ? decision.answer.replies.map(withAskButton) : decision.answer.replies,
        meta: { route: decision.answer.route, topic: decision.answer.topic },
      };
    }
    case 'needsState':
      // Only made when state cannot be saved, which planWithoutSaving handles.
      throw new Error('needsState is decided only when state cannot be saved');
  }
}

function applyStep(flow: GuidedFlow, running: RunningFlow, input: TurnInput, ctx: PlanContext): Planned {
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
function finish(flow: GuidedFlow, turn: FlowTurn<unknown, unknown>, ctx: PlanContext): Planned {
  if (turn.state !== null) {
    return {
      flow: { id: flow.id, state: turn.state },
      replies: turn.replies,
      meta: { route: flow.id, step: flow.flow.stepName(turn.state) },
    };
  }
  const end = turn.end!;
  const result = flow.flow.endResult(end);
  const endContext = { contacts: ctx.contacts, now: ctx.now, userName: ctx.userName };
  return {
    flow: null,
    replies: [...turn.replies, ...flow.flow.endReplies(end, endContext)],
    effect: flow.flow.endEffect?.(end, endContext) ?? null,
    // The ending's kind only: the turn log never carries an answer.
    meta: { route: flow.id, outcome: result.outcome ?? result.ended },
  };
}
