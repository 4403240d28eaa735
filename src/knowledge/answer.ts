/**
 * answer(): the single decision for free text, shared by the bot and the
 * CLIs. The order of the checks is the safety order and is not a score.
 */
import { card, submit, text } from '../cards/adaptive';
import type { Reply } from '../cards/reply';
import { contactsBlock, contactsReply, IMMEDIATE_DANGER_LINE, urgentReply } from '../contacts/block';
import { contactsIntent } from '../contacts/intent';
import type { AreaContacts } from '../contacts/schema';
import {
  isGreetingOrHelp,
  normaliseText,
  soundsWorried,
  wantsInfoSharing,
  wantsScreening,
} from '../rules/intent';
import { isUrgent } from '../rules/urgency';
import type { KnowledgeBase } from './base';
import { caseReplies } from './caseReplies';
import { decideKnowledge } from './decide';
import { glossaryQuestion } from './glossary';
import { didYouMeanReply, glossaryReply, topicReply } from './replies';
import { asksToScreen } from './requests';
import { smalltalkReply } from './smalltalk';

export type Route =
  | 'emergency'
  | 'contacts'
  | 'screening'
  | 'screening-offer'
  | 'info-sharing'
  | 'help'
  | 'glossary'
  | 'topic'
  | 'did-you-mean'
  | 'not-found'
  | 'smalltalk';

/** At most this many topics are offered when the bot is not sure. */
export const MAX_SUGGESTIONS = 3;

export interface Answer {
  route: Route;
  /** The knowledge-base topic answered, or null. */
  topic: string | null;
  /** 1 for a rule match; a search score for knowledge answers. */
  confidence: number;
  replies: Reply[];
  /** Topic ids offered as buttons: the answer's related topics, or the "Did you mean…" choices. */
  suggestions: string[];
  /** The shell starts the CSERQ4 dialog when this is true. */
  startScreening: boolean;
  /** The shell starts the information-sharing form when this is true. */
  startInfoSharing?: boolean;
}

export interface AnswerContext {
  contacts: AreaContacts;
  knowledge: KnowledgeBase;
  now: Date;
}

export const CAPABILITIES =
  'I help practitioners with child sexual exploitation: I can run the CSERQ4 screening (type "screen"), ' +
  'tell you who to call (type "who do I call") and answer questions about child exploitation, such as ' +
  '"what are the warning signs?" or "what does MASH stand for?". ' +
  "I never need a child's name, date of birth or address: please do not type them here.";

export function helpReply(): Reply {
  return {
    text: `${CAPABILITIES}\n\n${IMMEDIATE_DANGER_LINE}`,
    card: card(
      [
        text('Safeguarding guidance', { weight: 'Bolder', size: 'Medium' }),
        text(CAPABILITIES),
        text(`**${IMMEDIATE_DANGER_LINE}**`, { color: 'Attention' }),
      ],
      [
        submit('Start a CSERQ4 screening', { kind: 'command', command: 'start-screening' }),
        submit('Who do I call now?', { kind: 'command', command: 'contacts' }),
      ],
    ),
  };
}

export function screeningOffer(): Reply {
  const lead =
    'If you are worried about a child or young person, the CSERQ4 screening takes about a minute and tells you ' +
    'whether a referral to the MASH is indicated. Type "screen" or use the button to start.';
  return {
    text: lead,
    card: card(
      [text(lead)],
      [submit('Start a CSERQ4 screening', { kind: 'command', command: 'start-screening' })],
    ),
  };
}

export const ONLY_HELP_WITH =
  'I can only help with child exploitation guidance, screening and safeguarding contacts.';

/** The honest "I don't have that": what the bot can do, and who to ask about a child. */
export function notFoundReply(ctx: AnswerContext, opening = "Sorry, I don't have an answer to that."): Reply {
  const lead = `${opening} ${ONLY_HELP_WITH} For advice about a child, talk to your safeguarding lead or the MASH:`;
  const block = contactsBlock(ctx.contacts, ctx.now);
  return {
    text: [lead, block.headline, block.lines.join('\n'), CAPABILITIES].join('\n\n'),
    card: card(
      [text(lead), text(block.headline), ...block.elements, text(CAPABILITIES, { isSubtle: true })],
      [
        submit('Start a CSERQ4 screening', { kind: 'command', command: 'start-screening' }),
        submit('Help', { kind: 'command', command: 'help' }),
      ],
    ),
  };
}

/** A topic by id, as a button or a test asks for it; null for an id the content no longer has. */
export function answerTopic(id: string, ctx: AnswerContext): Answer | null {
  const topic = ctx.knowledge.topics.get(id);
  if (!topic) return null;
  return {
    route: 'topic',
    topic: topic.id,
    confidence: 1,
    replies: [topicReply(ctx.knowledge, topic)],
    suggestions: topic.related,
    startScreening: false,
  };
}

function notFound(ctx: AnswerContext, confidence = 0, opening?: string): Answer {
  return {
    route: 'not-found',
    topic: null,
    confidence,
    replies: [notFoundReply(ctx, opening)],
    suggestions: [],
    startScreening: false,
  };
}

/**
 * How much of a message the search reads. A question is a sentence or two;
 * search time grows faster than the text, and one 250 KB message (the most
 * the endpoint accepts) held the event loop for minutes.
 */
export const MAX_SEARCH_CHARS = 2_000;

function searchKnowledge(input: string, ctx: AnswerContext): Answer {
  const kb = ctx.knowledge;
  const d = decideKnowledge(input.slice(0, MAX_SEARCH_CHARS), kb, MAX_SUGGESTIONS);
  const routed = (route: Route, replies: Reply[]): Answer => ({
    route,
    topic: null,
    confidence: d.confidence,
    replies,
    suggestions: [],
    startScreening: false,
  });
  switch (d.kind) {
    case 'topic': {
      const topic = answerTopic(d.topic, ctx)!;
      // A case, or ages to apply the rule to, gets the rule applied, the screening offer and who to call now.
      const replies = caseReplies(d.facts, topic.replies, ctx, screeningOffer());
      return { ...topic, replies, confidence: d.confidence };
    }
    case 'did-you-mean':
      return { ...routed('did-you-mean', [didYouMeanReply(kb, d.ids)]), suggestions: d.ids };
    case 'contacts':
      return routed('contacts', [contactsReply(ctx.contacts, ctx.now)]);
    case 'help':
      return routed('help', [helpReply()]);
    case 'screening-offer':
      return routed('screening-offer', [screeningOffer()]);
    case 'smalltalk':
      return routed('smalltalk', [smalltalkReply(d.reply)]);
    case 'decline':
      return notFound(ctx, d.confidence);
  }
}

export function answer(input: string, ctx: AnswerContext): Answer {
  const t = normaliseText(input);
  const rule = (
    route: Route,
    replies: Reply[],
    startScreening = false,
    suggestions: string[] = [],
  ): Answer => ({
    route,
    topic: null,
    confidence: 1,
    replies,
    suggestions,
    startScreening,
  });
  // The safety order: 999 before anything else can match, then who to call, then the rest.
  if (isUrgent(input)) return rule('emergency', [urgentReply(ctx.contacts, ctx.now)]);
  const wantsContacts = contactsIntent(input, ctx.contacts);
  if (wantsContacts)
    return rule('contacts', [contactsReply(ctx.contacts, ctx.now, { extra: wantsContacts.extra })]);
  if (wantsScreening(t) || asksToScreen(input)) return rule('screening', [], true);
  if (wantsInfoSharing(t) && ctx.contacts.services.some((s) => s.id === 'police-information')) {
    return { ...rule('info-sharing', []), startInfoSharing: true };
  }
  if (soundsWorried(t)) return rule('screening-offer', [screeningOffer()]);
  const smalltalk = ctx.knowledge.smalltalk?.match(input);
  if (smalltalk?.kind === 'help') return rule('help', [helpReply()]);
  if (smalltalk) return rule('smalltalk', [smalltalkReply(smalltalk.reply)]);
  if (isGreetingOrHelp(t)) return rule('help', [helpReply()]);
  const glossary = glossaryQuestion(t, input, ctx.knowledge.glossary);
  if (glossary.kind === 'known') {
    const { term } = glossary;
    return rule('glossary', [glossaryReply(ctx.knowledge, term)], false, term.topic ? [term.topic] : []);
  }
  if (glossary.kind === 'unknown') {
    return notFound(ctx, 0, `I don't know what ${glossary.asked} stands for: it is not in my glossary.`);
  }
  return searchKnowledge(input, ctx);
}
