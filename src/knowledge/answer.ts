/**
 * answer(): the knowledge side of a turn, for free text that is neither an
 * emergency nor a request to start a guided flow (the router decides those
 * first: see router/routeTurn.ts). The order of the checks is not a score:
 * who to call comes before anything a similarity score could match.
 */
import type { Reply } from '../cards/reply';
import { contactsReply } from '../contacts/block';
import { contactsIntent } from './contactsIntent';
import type { AreaContacts } from '../contacts/schema';
import { asksSomething, isGreetingOrHelp, normaliseText, soundsWorried } from '../rules/intent';
import { helpReply, notFoundReply, screeningOfferReply } from './botWords';
import type { KnowledgeBase } from './base';
import { caseReplies } from './caseReplies';
import { decideKnowledge } from './decide';
import { glossaryQuestion, namesTerm, termSetsTheScene } from './glossary';
import { didYouMeanReply, glossaryReply, topicReply } from './replies';
import { smalltalkReply } from './smalltalk';
import {
  asksOutOfHoursProcess,
  asksToPassOnDetails,
  asksWhatKindTheMashIs,
  asksWhetherToWaitADay,
  asksForLocalFigures,
  LOCAL_DATA_TOPIC,
  saysNotHomeSince,
  asksWhetherFamilyLearnWhoTold,
  asksForADocument,
  DOCUMENTS_TOPIC,
  saysMissingAgain,
  MISSING_TOPIC,
  asksWhatToLookFor,
  asksWhatSigns,
  asksWhatTheCityDoes,
  LOCAL_RESPONSE_TOPIC,
  asksAboutTrustedRoles,
  WHO_CAN_GROOM_TOPIC,
  saysHowTheyAreDrawnIn,
  PULL_TOPIC,
  MASH_TOPIC,
  POLICE_INFO_TOPIC,
  SEXTORTION_TOPIC,
  threatensToShareImages,
  asksWhatAfter999,
  asksWhen999,
  EMERGENCY_TOPIC,
  OUT_OF_HOURS_TOPIC,
  REFERRAL_TOPIC,
  SCREENING_TOPIC,
  SIGNS_TOPIC,
  wantsRiskChecked,
  weighsScreening,
} from './requests';
import { asksAboutSomethingElse, namesOtherSubject } from './offTopic';
import { readCase, type CaseFacts } from './cases';
import { saysCalmNow } from '../rules/urgencyRules';

export type Route =
  'contacts' | 'screening-offer' | 'help' | 'glossary' | 'topic' | 'did-you-mean' | 'not-found' | 'smalltalk';

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
  /** The replies end with the offer to run the screening, so a "yes" next starts it. */
  offersScreening?: boolean;
  /** A "no thanks" to an offer: the topic the conversation was on stays for the next message. */
  declinedOffer?: boolean;
}

export interface AnswerContext {
  contacts: AreaContacts;
  knowledge: KnowledgeBase;
  now: Date;
}

/** A topic by id, as a button or a test asks for it; null for an id the content no longer has. */
export function answerTopic(id: string, ctx: AnswerContext): Answer | null {
  const topic = ctx.knowledge.topics.get(id);
  if (!topic) return null;
  return {
    route: 'topic',
    topic: topic.id,
    confidence: 1,
    replies: [topicReply(ctx.knowledge, topic, ctx)],
    suggestions: topic.related,
  };
}

function notFound(ctx: AnswerContext, confidence = 0, opening?: string): Answer {
  return {
    route: 'not-found',
    topic: null,
    confidence,
    replies: [notFoundReply(ctx.contacts, ctx.now, opening)],
    suggestions: [],
  };
}

/**
 * How much of a message the search reads. A question is a sentence or two;
 * search time grows faster than the text, and one 250 KB message (the most
 * the endpoint accepts) held the event loop for minutes.
 */
export const MAX_SEARCH_CHARS = 2_000;

/** How sure the reading must be that a worry which asks nothing shows one topic. */
const SURE_CASE_TOPIC = 0.5;
/** Longer than this, a worry tells more than who it is about ("I'm worried about a girl in year 10"). */
const BARE_WORRY_WORDS = 10;

/** How sure the search must be that a message naming a term asks about another topic. */
const SURE_SCENE = 0.9;

/** A topic's answer to a message: a case, or ages to apply the rule to, gets the rule applied, the screening offer and who to call now. */
function topicForCase(id: string, facts: CaseFacts, ctx: AnswerContext, worried = false): Answer {
  const topic = answerTopic(id, ctx)!;
  const offer = screeningOfferReply();
  const replies = caseReplies(facts, topic.replies, ctx, offer, worried);
  // Object.assign, not a spread: V8 copies an object spread that opens a literal quickly, but a key the
  // object lacks (offersScreening) added after it took its slow path, about 0.6 us on every topic answer.
  return Object.assign({}, topic, { replies, offersScreening: replies.includes(offer) });
}

function searchKnowledge(
  input: string,
  ctx: AnswerContext,
  worried = false,
  besides: string | null = null,
): Answer {
  const kb = ctx.knowledge;
  const d = decideKnowledge(input.slice(0, MAX_SEARCH_CHARS), kb, MAX_SUGGESTIONS, undefined, besides);
  const routed = (route: Route, replies: Reply[]): Answer => ({
    route,
    topic: null,
    confidence: d.confidence,
    replies,
    suggestions: [],
  });
  switch (d.kind) {
    case 'topic':
      return { ...topicForCase(d.topic, d.facts, ctx, worried), confidence: d.confidence };
    case 'did-you-mean':
      return { ...routed('did-you-mean', [didYouMeanReply(kb, d.ids)]), suggestions: d.ids };
    case 'contacts':
      return routed('contacts', [contactsReply(ctx.contacts, ctx.now)]);
    case 'help':
      return routed('help', [helpReply()]);
    case 'screening-offer':
      return routed('screening-offer', [screeningOfferReply()]);
    case 'smalltalk':
      return routed('smalltalk', [smalltalkReply(d.reply)]);
    case 'glossary':
      return {
        ...routed('glossary', [glossaryReply(kb, d.term, ctx)]),
        suggestions: d.term.topic ? [d.term.topic] : [],
      };
    case 'decline':
      return notFound(ctx, d.confidence);
  }
}

/**
 * The answer that follows the 999 reply. The emergency topic (when to call 999) would only say again what
 * that reply has just said, so a case described as the net fired ("a man in a silver car keeps picking
 * her up… what should I be doing") gets the next topic it is about, unless it asks when to call 999.
 */
export function answerAfter999(input: string, ctx: AnswerContext): Answer {
  const first = answer(input, ctx);
  if (first.topic !== EMERGENCY_TOPIC || asksWhen999(input)) return first;
  return searchKnowledge(input, ctx, false, EMERGENCY_TOPIC);
}

/** A question a rule reads, and the topic that answers it. */
type TopicRule = readonly [asks: (text: string) => boolean, topic: string];

/**
 * Questions placed on a topic by rule, before the contacts and the search, the first that applies. Each
 * answer is the topic for the case, so a case gets the numbers that answer now with it.
 */
const RULED_TOPICS: readonly TopicRule[] = [
  // "should i do a cserq4 first or ring mash": the screening's topic says what it is for and that a yes
  // means a referral through the MASH.
  [weighsScreening, SCREENING_TOPIC],
  // How the out-of-hours service works ("who covers it at weekends and how does it work"): its topic gives
  // the number that answers now with what the service is.
  [asksOutOfHoursProcess, OUT_OF_HOURS_TOPIC],
  // "Is the MASH a place or a team?": what the MASH is.
  [asksWhatKindTheMashIs, MASH_TOPIC],
  // "will they tell the parents it was me": when the parents are told, which the referral steps say.
  [asksWhetherFamilyLearnWhoTold, REFERRAL_TOPIC],
  // "do we have to wait 24h to report": no, which the missing-children topic says first.
  [asksWhetherToWaitADay, MISSING_TOPIC],
  // "mum tell me she not come home since tuesday": missing now, which the police hear about at once.
  [saysNotHomeSince, MISSING_TOPIC],
  // "local figures on missing episodes linked to exploitation": the local figures, whatever they are about.
  [asksForLocalFigures, LOCAL_DATA_TOPIC],
  // "he's asking for more or he'll share them": blackmail with images, whatever else the message reads as.
  [threatensToShareImages, SEXTORTION_TOPIC],
  // "who do i give the car regs to": the police's information form takes a vehicle's details, not a call.
  [asksToPassOnDetails, POLICE_INFO_TOPIC],
  // "police dealt with it, but what signs should we have spotted earlier": the signs, whatever the case reads as.
  [asksWhatSigns, SIGNS_TOPIC],
  // "asked at full council what the partnership does on CSE. what should I say": what Portsmouth does.
  [asksWhatTheCityDoes, LOCAL_RESPONSE_TOPIC],
];

/** Answers that place a message nowhere: declined, or a list to choose from. */
const UNPLACED_ROUTES: ReadonlySet<Route> = new Set(['not-found', 'did-you-mean']);

/**
 * Questions placed on a topic by rule only when nothing else places them. "missing from the hotel again,
 * 3rd time this month" is about a child who goes missing again and again; among other signs ("keeps going
 * missing… new iPhone…") going missing is one of them. "Is there leaflet or small card for keep in my
 * van?" asks where the documents are; "what i should look for", the signs; "people in trusted roles", who
 * can groom; "is that how they reel them in?", what draws a child in.
 */
const WHEN_UNPLACED: readonly TopicRule[] = [
  [saysMissingAgain, MISSING_TOPIC],
  [asksForADocument, DOCUMENTS_TOPIC],
  [asksWhatToLookFor, SIGNS_TOPIC],
  [asksAboutTrustedRoles, WHO_CAN_GROOM_TOPIC],
  [saysHowTheyAreDrawnIn, PULL_TOPIC],
];

function ruledTopic(input: string, rules: readonly TopicRule[], ctx: AnswerContext): Answer | null {
  const rule = rules.find(([asks, topic]) => ctx.knowledge.topics.has(topic) && asks(input));
  return rule ? topicForCase(rule[1], readCase(input), ctx) : null;
}

export function answer(input: string, ctx: AnswerContext): Answer {
  const t = normaliseText(input);
  const rule = (route: Route, replies: Reply[], suggestions: string[] = []): Answer => ({
    route,
    topic: null,
    confidence: 1,
    replies,
    suggestions,
  });
  // When 999 is right is the emergency topic's question; the bare list of numbers does not answer it.
  const when999 = asksWhen999(input) ? answerTopic(EMERGENCY_TOPIC, ctx) : null;
  if (when999) return when999;
  // "Called the police about a stolen bike, what next" is not after a call about a child.
  const after999 =
    asksWhatAfter999(input) && !asksAboutSomethingElse(input, ctx.knowledge, readCase(input))
      ? answerTopic(REFERRAL_TOPIC, ctx)
      : null;
  if (after999) return after999;
  // "The printer keeps jamming, who do I tell": another subject, with no young person in it, is not a
  // request for the safeguarding contacts.
  if (namesOtherSubject(input, ctx.knowledge) && !readCase(input).describesYoungPerson) return notFound(ctx);
  const ruled = ruledTopic(input, RULED_TOPICS, ctx);
  if (ruled) return ruled;
  const wantsContacts = contactsIntent(input, ctx.contacts);
  if (
    wantsContacts &&
    !wantsContacts.namesService &&
    asksAboutSomethingElse(input, ctx.knowledge, readCase(input))
  )
    return notFound(ctx);
  const byName = wantsContacts?.answeredBy ? answerTopic(wantsContacts.answeredBy, ctx) : null;
  if (byName) return byName;
  // A case that asks whom to tell, naming no service, time or number ("y6 lad gets paid to drop parcels,
  // who do i tell"), is asking how to refer: the referral topic, with the numbers that answer now.
  if (wantsContacts && !wantsContacts.namesService && !wantsContacts.asksForNumber) {
    const facts = readCase(input);
    if (facts.isCase && ctx.knowledge.topics.has(REFERRAL_TOPIC))
      return topicForCase(REFERRAL_TOPIC, facts, ctx);
  }
  if (wantsContacts)
    return rule('contacts', [contactsReply(ctx.contacts, ctx.now, { extra: wantsContacts.extra })]);
  if (soundsWorried(t)) {
    // A worry that also asks something ("can coaches be groomers?") gets that answer, with the offer. So does
    // a worry that tells what is happening, when it plainly shows a topic ("…keeps getting picked up by men
    // in different cars, im worried about her": the signs), with the offer and who to call now.
    const asks = asksSomething(input);
    const tells = readCase(input).isCase || t.split(' ').length > BARE_WORRY_WORDS;
    const searched = asks || tells ? searchKnowledge(input, ctx, true) : null;
    if (searched?.route === 'topic' && (asks || searched.confidence >= SURE_CASE_TOPIC)) return searched;
    // A worry that asks for the number ("please give me the number I must ring when I worry for a child",
    // "number pls - worried about a child") gets the numbers that answer now, not what to look out for.
    if (searched?.route === 'contacts') return searched;
    // What is happening, told with the worry but showing no one topic plainly ("she come to the pharmacy
    // with different men"): what to look out for, with the offer and who to call now.
    if (tells && !asks && !wantsRiskChecked(t) && ctx.knowledge.topics.has(SIGNS_TOPIC))
      return topicForCase(SIGNS_TOPIC, readCase(input), ctx, true);
    return rule('screening-offer', [screeningOfferReply()]);
  }
  const smalltalk = ctx.knowledge.smalltalk?.match(input);
  if (smalltalk?.kind === 'help') return rule('help', [helpReply()]);
  if (smalltalk) return rule('smalltalk', [smalltalkReply(smalltalk.reply)]);
  if (isGreetingOrHelp(t)) return rule('help', [helpReply()]);
  const glossary = glossaryQuestion(t, input, ctx.knowledge.glossary, (term) =>
    namesTerm(ctx.knowledge.topics.get(term.topic ?? '')?.title, term),
  );
  if (glossary.kind === 'known') {
    const { term } = glossary;
    // "pull factors meaning in CSE context": the term only sets the scene of a question a topic answers.
    const scene = termSetsTheScene(t, term, ctx.knowledge.glossary) ? searchKnowledge(input, ctx) : null;
    if (scene?.route === 'topic' && scene.topic !== term.topic && scene.confidence >= SURE_SCENE)
      return scene;
    return rule('glossary', [glossaryReply(ctx.knowledge, term, ctx)], term.topic ? [term.topic] : []);
  }
  // "17yo NEET lad… gets nervous when one rings. what's this?" asks what is happening, not what NEET means.
  if (glossary.kind === 'unknown' && !readCase(input).isCase) {
    return notFound(ctx, 0, `I don't know what ${glossary.asked} stands for: it is not in my glossary.`);
  }
  const found = searchKnowledge(input, ctx);
  const fallback = UNPLACED_ROUTES.has(found.route) ? ruledTopic(input, WHEN_UNPLACED, ctx) : null;
  if (fallback) return fallback;

  // "should i tell the police? no one in danger right now": when to call 999 is not what a calm message asks.
  if (found.topic === EMERGENCY_TOPIC && saysCalmNow(input))
    return searchKnowledge(input, ctx, false, EMERGENCY_TOPIC);
  return found;
}
