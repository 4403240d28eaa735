/**
 * routeTurn(): the one decision about what a message does. Pure: it reads the
 * message, the running flow (if any), the area, the knowledge base and the
 * time, and returns one Decision. The shell carries it out once.
 *
 * The order is the safety order: the 999 net sees every message first, in
 * every state; then buttons; then the running flow's step, unless what was
 * typed is a question the step cannot take (an interruption: answer it, then
 * ask the same step again, with no failed try counted); then starting a flow;
 * then the knowledge answer.
 *
 * When stored state cannot be used (storage is down), the same decision is
 * made and then narrowed: what needs no state (999, contacts, knowledge,
 * small talk) still runs; what needs it (a flow's step, starting a flow)
 * becomes `needsState`, which says so and gives the contacts instead.
 */
import { parseCardAction } from '../cards/actions';
import type { Reply } from '../cards/reply';
import { urgentReply } from '../contacts/block';
import { contactsIntent } from '../knowledge/contactsIntent';
import type { AreaContacts } from '../contacts/schema';
import { wantsToSetExpertChannel } from '../experts/entry';
import { SET_CHANNEL_NOT_IN_A_TEAM, SET_CHANNEL_REFUSED, channelSetReply } from '../experts/words';
import type { FlowSetup, TurnSource } from '../flows/flow';
import { flowByCommand, flowById, FLOWS, type GuidedFlow } from './registry';
import { answer, answerAfter999, answerTopic, type Answer } from '../knowledge/answer';
import type { KnowledgeBase } from '../knowledge/base';
import {
  busyReply,
  declinedOfferReply,
  helpReply,
  notFoundReply,
  STALE_TOPIC,
  staleButtonReply,
} from '../knowledge/botWords';
import { contactsReply } from '../contacts/block';
import { conversationCommand } from '../rules/commands';
import { parseAges, parseTristate } from '../rules/parseAnswer';
import { isUrgent } from '../rules/urgency';
import { followUp, happeningNow, isFresh, pointsBack, readAgainstTopic, type Recent } from './followUp';

/** The flow a conversation is in, as stored between turns. */
export interface RunningFlow {
  id: string;
  state: unknown;
}

export interface TurnInput extends TurnSource {
  /** A one-to-one chat: the only place a flow that asks about a child may run. */
  private: boolean;
  /** The Teams team, for a message in one of its channels. */
  teamId?: string;
}

/** The hand-off to the safeguarding team, as configured and as set up in Teams. */
export interface ExpertsSetup {
  /** EXPERTS_TEAM_ID: the only team whose channel may receive questions; null when not configured. */
  teamId: string | null;
  /** A channel of that team has been set to receive questions. */
  channelSet: boolean;
  /** EXPERT_TICKET_DAYS. */
  ticketDays: number;
}

/**
 * How much of the conversation's stored state this turn can use.
 * - `full`: read, and saved after the turn (the normal case).
 * - `readOnly`: read (so `running` is what is stored), but this turn cannot be saved.
 * - `none`: storage could not be read; `running` is null, and a flow may be
 *   running all the same.
 */
export type StateAccess = 'full' | 'readOnly' | 'none';

export interface RouteContext {
  contacts: AreaContacts;
  knowledge: KnowledgeBase;
  now: Date;
  running: RunningFlow | null;
  /** Absent where there is no Teams hand-off (the command-line tools): treated as not set up. */
  experts?: ExpertsSetup;
  /** What the last answer offered or was about (ids only), for a reply that refers to it. */
  recent?: Recent | null;
  /** Omitted means `full`. */
  stateAccess?: StateAccess;
}

/** After a reply mid-flow, what happens to the flow's question. */
export type Resume = 'reprompt' | 'none';

export type Decision =
  /**
   * 999 first. On a free-text step the typed text is kept as the answer (nothing lost); otherwise the
   * step is asked again. With nothing running, a question the knowledge base answers is answered after
   * the 999 reply, so "they want money or they'll post his pictures" gets 999 and then what to do.
   */
  | { kind: 'urgent'; replies: Reply[]; then: Resume | 'keep-as-answer'; answer?: Answer }
  /** A button command: who to call, help, "none of these". */
  | { kind: 'command'; command: string; replies: Reply[]; then: Resume }
  /** Input for the running flow's step. */
  | { kind: 'flowAnswer'; flow: GuidedFlow }
  /** A button from an earlier question or conversation: never read as an answer. */
  | { kind: 'staleButton'; replies: Reply[]; then: Resume }
  /** A question typed (or a topic pressed) mid-flow: answered, then the same step again, no failed try. */
  | { kind: 'interruption'; replies: Reply[]; answer?: Answer }
  | { kind: 'startFlow'; flow: GuidedFlow }
  /** A flow that must run in a private chat, asked for where others can read. */
  | { kind: 'privateOnly'; flow: GuidedFlow }
  | { kind: 'answer'; answer: Answer }
  /** A flow that cannot run here (the hand-off is not set up): the flow's own explanation. */
  | { kind: 'unavailable'; flow: GuidedFlow; replies: Reply[] }
  /** "set expert channel": allowed only in a channel of the configured safeguarding team. */
  | { kind: 'setExpertChannel'; allowed: boolean; replies: Reply[]; then: Resume }
  /** A button on a ticket card: the shell reads the ticket and carries out the press. */
  | { kind: 'ticketAction'; ref: string; action: 'take' | 'close'; then: Resume }
  /**
   * A turn that needs stored state (a flow's step, starting a flow) while
   * storage is down: the flow it needed, or null when state could not be read
   * and the message looks like an answer to a step of some flow.
   */
  | { kind: 'needsState'; flow: GuidedFlow | null };

export type DecisionKind = Decision['kind'];

/**
 * Routes of the knowledge answer that count as an answer to a question typed mid-flow, and small talk:
 * "thank you for your help" at a yes-or-no step gets its courtesy and the step again, not a failed try.
 */
const INTERRUPTING_ROUTES: ReadonlySet<Answer['route']> = new Set([
  'contacts',
  'topic',
  'glossary',
  'help',
  'smalltalk',
]);

/** A question, by its shape: a free-text field's answer is a statement, so only these interrupt there. */
const QUESTION_SHAPE =
  /\?\s*$|^\s*(what|who|whom|where|when|why|how|which|is|are|can|could|should|do|does|did|will|would)\b/i;

export function routeTurn(input: TurnInput, ctx: RouteContext): Decision {
  const access = ctx.stateAccess ?? 'full';
  const decision = routeWithState(input, ctx);
  return access === 'full' ? decision : withoutSaving(decision, input, access);
}

/**
 * Narrows a decision to what a turn can do when nothing can be saved. A flow's
 * step or start needs state. When state could not even be read, a pressed
 * answer button, and a typed message that the knowledge base does not answer
 * or that reads like a step's answer ("no", "15", "back"), may belong to a
 * flow that is running: the practitioner is told the flow cannot go on, and
 * given the contacts, rather than an answer to a question they did not ask.
 */
function withoutSaving(decision: Decision, input: TurnInput, access: StateAccess): Decision {
  switch (decision.kind) {
    case 'flowAnswer':
    case 'startFlow':
      return { kind: 'needsState', flow: decision.flow };
    case 'urgent':
      // 999 first, always; the text cannot be kept as the step's answer.
      return decision.then === 'keep-as-answer' ? { ...decision, then: 'reprompt' } : decision;
    case 'staleButton': {
      if (access !== 'none' || input.value === undefined || input.value === null) return decision;
      const owner = FLOWS.find((f) => f.flow.readInput({ text: '', value: input.value }) !== null);
      return owner ? { kind: 'needsState', flow: owner } : decision;
    }
    case 'answer':
      if (access === 'none' && (decision.answer.route === 'not-found' || looksLikeStepAnswer(input.text)))
        return { kind: 'needsState', flow: null };
      return decision;
    default:
      return decision;
  }
}

/** Any age a step asks for, so "15" or "19 and 22" reads as an answer whichever step it was for. */
const ANY_AGE = { min: 0, max: 130, what: 'the age' };

/** A typed answer to some step of some flow: yes/no/not sure, an age or ages, or a steering word other than help. */
function looksLikeStepAnswer(text: string): boolean {
  const command = conversationCommand(text);
  if (command !== null) return command !== 'help';
  return parseTristate(text) !== null || parseAges(text, ANY_AGE).ok;
}

function routeWithState(input: TurnInput, ctx: RouteContext): Decision {
  const running = ctx.running ? (flowById(ctx.running.id) ?? null) : null;
  const text = input.text;
  const hasText = text.trim() !== '';
  const then: Resume = running ? 'reprompt' : 'none';

  if (hasText && isUrgent(text)) {
    const replies = [urgentReply(ctx.contacts, ctx.now)];
    if (running) {
      const keep = running.flow.takesFreeText(ctx.running!.state) ? 'keep-as-answer' : then;
      return { kind: 'urgent', replies, then: keep };
    }
    const happening = isFresh(ctx.recent ?? null, ctx.now) ? happeningNow(text, ctx.recent!, ctx) : null;
    const result = happening ?? answerAfter999(text, ctx);
    const answered = result.route === 'topic' || result.route === 'glossary';
    return answered
      ? { kind: 'urgent', replies: [...replies, ...result.replies], then, answer: result }
      : { kind: 'urgent', replies, then };
  }

  if (hasText && wantsToSetExpertChannel(text)) return setExpertChannel(input, ctx, then);

  if (input.value !== undefined && input.value !== null) {
    const action = parseCardAction(input.value);
    if (action?.kind === 'ticket')
      return { kind: 'ticketAction', ref: action.ticket, action: action.action, then };
    if (action?.kind === 'command') {
      const flow = flowByCommand(action.command);
      if (flow) return start(flow, input, ctx, running);
      return { kind: 'command', command: action.command, replies: commandReplies(action.command, ctx), then };
    }
    if (action?.kind === 'topic') {
      const topic = answerTopic(action.id, ctx);
      const replies = topic ? topic.replies : [{ text: STALE_TOPIC }];
      if (running) return { kind: 'interruption', replies, answer: topic ?? undefined };
      return topic ? { kind: 'answer', answer: topic } : { kind: 'staleButton', replies, then };
    }
    // An answer button: the running flow decides whether it is its own and current.
    if (running && action !== null && running.flow.readInput(input) !== null)
      return { kind: 'flowAnswer', flow: running };
    if (!hasText) return { kind: 'staleButton', replies: [staleButtonReply()], then };
  }

  if (running) return routeMidFlow(running, input, ctx);

  const setup = flowSetup(ctx);
  const requested = FLOWS.find(
    (f) => f.wantsToStart(text) && (f.availableIn(ctx.contacts, setup) || f.unavailableReplies !== undefined),
  );
  if (requested) return start(requested, input, ctx, null);

  // The message's own answer, worked out at most once: the follow-up reading may need it too.
  let own: Answer | undefined;
  const alone = () => (own ??= answer(text, ctx));
  if (isFresh(ctx.recent ?? null, ctx.now)) {
    const reply = followUp(text, ctx.recent!, ctx, alone);
    if (reply?.kind === 'start-screening') return start(flowByCommand('start-screening')!, input, ctx, null);
    if (reply?.kind === 'declined') return { kind: 'answer', answer: declinedAnswer() };
    if (reply?.kind === 'answer') return { kind: 'answer', answer: reply.answer };
  }

  const result = alone();
  if (result.route === 'screening-offer' && !input.private)
    return { kind: 'privateOnly', flow: flowByCommand('start-screening')! };
  return { kind: 'answer', answer: result };
}

export function flowSetup(ctx: Pick<RouteContext, 'experts'>): FlowSetup {
  return { expertChannelSet: ctx.experts?.channelSet === true && ctx.experts.teamId !== null };
}

function start(flow: GuidedFlow, input: TurnInput, ctx: RouteContext, running: GuidedFlow | null): Decision {
  if (running) return busy(running, flow, ctx);
  if (!flow.availableIn(ctx.contacts, flowSetup(ctx))) {
    if (flow.unavailableReplies)
      return {
        kind: 'unavailable',
        flow,
        replies: flow.unavailableReplies({ contacts: ctx.contacts, now: ctx.now }),
      };
    return { kind: 'answer', answer: notFoundAnswer(ctx) };
  }
  if (flow.privateOnly && !input.private) return { kind: 'privateOnly', flow };
  return { kind: 'startFlow', flow };
}

/**
 * Text typed while a flow runs goes to the step when the step can take it.
 * What it cannot take, and what the bot can answer (who to call, a knowledge
 * question, a request to start something else), is an interruption. On a
 * free-text step every text is an answer, except a request for contacts or a
 * question-shaped message the knowledge base answers.
 */
function routeMidFlow(running: GuidedFlow, input: TurnInput, ctx: RouteContext): Decision {
  const state = ctx.running!.state;
  const text = input.text;
  const freeText = running.flow.takesFreeText(state);
  if (running.flow.takesText(state, text) && !freeText) return { kind: 'flowAnswer', flow: running };
  const requested = FLOWS.find((f) => f.wantsToStart(text));
  if (requested) return busy(running, requested, ctx);
  const wantsContacts = contactsIntent(text, ctx.contacts) !== null;
  const asks = QUESTION_SHAPE.test(text);
  if (freeText && !wantsContacts && !asks) return { kind: 'flowAnswer', flow: running };
  const own = answer(text, ctx);
  // "what are the questions on it first": a question about the flow itself.
  const aboutFlow =
    running.topic && (asks || pointsBack(text))
      ? readAgainstTopic(text, running.topic, ctx, () => own)
      : null;
  const result = aboutFlow ?? own;
  // A mistyped answer ("-3", "16.5", "about sixteen") is the step's to explain, not a question to answer.
  // Small talk is a whole message of courtesy phrases, so even "thank you" is courtesy, not a mistyped answer.
  const interrupts =
    INTERRUPTING_ROUTES.has(result.route) &&
    (wantsContacts || asks || wordCount(text) >= 3 || result.route === 'smalltalk');
  if (interrupts) return { kind: 'interruption', replies: result.replies, answer: result };
  return { kind: 'flowAnswer', flow: running };
}

/** Asked to start a flow while one runs: finish that one first; with nothing saved, neither can go on. */
function busy(running: GuidedFlow, requested: GuidedFlow, ctx: RouteContext): Decision {
  if ((ctx.stateAccess ?? 'full') !== 'full') return { kind: 'needsState', flow: requested };
  return { kind: 'interruption', replies: [busyReply(running.names)] };
}

/**
 * "set expert channel" is allowed only from a channel of the team named in
 * EXPERTS_TEAM_ID. The team id comes from Teams with the (authenticated)
 * message, so no one outside that team can point the questions elsewhere.
 */
function setExpertChannel(input: TurnInput, ctx: RouteContext, then: Resume): Decision {
  const configured = ctx.experts?.teamId ?? null;
  if (!input.teamId)
    return { kind: 'setExpertChannel', allowed: false, replies: [{ text: SET_CHANNEL_NOT_IN_A_TEAM }], then };
  if (configured === null || input.teamId !== configured)
    return { kind: 'setExpertChannel', allowed: false, replies: [{ text: SET_CHANNEL_REFUSED }], then };
  return {
    kind: 'setExpertChannel',
    allowed: true,
    replies: [channelSetReply(ctx.experts!.ticketDays)],
    then,
  };
}

function wordCount(text: string): number {
  return text.match(/\p{L}{2,}/gu)?.length ?? 0;
}

function commandReplies(command: string, ctx: RouteContext): Reply[] {
  switch (command) {
    case 'contacts':
      return [contactsReply(ctx.contacts, ctx.now)];
    case 'help':
      return [helpReply()];
    default:
      return [notFoundReply(ctx.contacts, ctx.now, 'Sorry I could not find it.')];
  }
}

function declinedAnswer(): Answer {
  return {
    route: 'smalltalk',
    topic: null,
    confidence: 1,
    replies: [declinedOfferReply()],
    suggestions: [],
    declinedOffer: true,
  };
}

function notFoundAnswer(ctx: RouteContext): Answer {
  return {
    route: 'not-found',
    topic: null,
    confidence: 0,
    replies: [notFoundReply(ctx.contacts, ctx.now)],
    suggestions: [],
  };
}
