/**
 * Which knowledge answer a free-text question gets, once the rules (999, who
 * to call, screening, glossary) have passed it by: the learned classifier and
 * the search each give their reading, and this decides between a topic, a
 * route the rules missed (who to call, help, small talk, the screening
 * offer), "did you mean", and declining. Pure: it returns a decision, and
 * answer() turns it into replies.
 */
import type { KnowledgeBase } from './base';
import { readCase, type CaseFacts } from './cases';
import type { Prediction } from './classifier';
import { domainShareOf, namesOtherSubject, offTopic } from './offTopic';
import {
  asksAboutOwnWellbeing,
  asksHowToTalk,
  asksReferralPreparation,
  BLAMING_TOPIC,
  blameTopic,
  LANGUAGE_TOPIC,
  REFERRAL_TOPIC,
  TALKING_TOPIC,
  WELLBEING_TOPIC,
} from './requests';
import type { ClassifierSettings, GlossaryTerm } from './schema';
import { HELP } from './smalltalk';
import { onlyTermNamed, termSetsTheScene } from './glossary';
import { namesOnlyTheOther, saidStems } from './titleWords';
import { normaliseText } from '../rules/intent';
import { aboutAnAdult, asksWhomAboutAnAdult } from './contactsIntent';

export type KnowledgeDecision =
  | { kind: 'topic'; topic: string; confidence: number; facts: CaseFacts }
  | { kind: 'did-you-mean'; ids: string[]; confidence: number }
  | { kind: 'decline'; confidence: number }
  | { kind: 'contacts'; confidence: number }
  | { kind: 'help'; confidence: number }
  | { kind: 'screening-offer'; confidence: number }
  | { kind: 'smalltalk'; smalltalk: string; reply: string; confidence: number }
  | { kind: 'glossary'; term: GlossaryTerm; confidence: number };

/** Used when the content's search.yaml sets none. */
export const DEFAULT_CLASSIFIER_SETTINGS: ClassifierSettings = {
  answerAt: 0.3,
  routeAt: 0.5,
  declineAt: 0.5,
  suggestAt: 0.08,
};

/**
 * What the answer is for, when a practitioner prepares to teach it or asks on behalf of others: "for a 10
 * min INSET slot", "so I can do a tutor time session on it", "in simple terms", "for my church youth team".
 * The words of a training session or of an audience are not another subject, and they are left out before
 * the question is read.
 */
const PURPOSE =
  /\b(for|in|at|during|so (that )?(i|we) can (do|run|deliver|use (it|this|that) (in|for|at))) (a|an|my|our|the|this|next|tomorrow s|tomorrows) (\S+ ){0,4}?(training|session|slot|pack|lesson|assembly|inset|presentation|workshop|briefing|induction|staff meeting|twilight|cpd|handout|tutor time)s?( on (it|this|that|them))?\b|\bin (simple|plain|easy) (terms|english|words|language)\b|\b(like|as if|as though) (i m|im|i am|i was|i were) (a |an )?(\S+ ){0,3}?(foster carer|carer|parent|new starter|beginner|child|kid|five|5|volunteer|student|trainee)\b|\b(for|to|with) (my|our) (\S+ ){0,2}?(church|mosque|temple|gurdwara|club|youth team|youth group|team|group|staff|volunteers|coaches|congregation)( in the club)?\b/g;

/** The question with what it is for left out, or as typed when nothing is. */
function withoutPurpose(question: string): string {
  const normal = normaliseText(question);
  const asked = normal.replace(PURPOSE, ' ').replace(/ +/g, ' ').trim();
  return asked === normal || asked === '' ? question : asked;
}

export function decideKnowledge(
  typed: string,
  kb: KnowledgeBase,
  limit: number,
  settings: ClassifierSettings = kb.settings.classifier ?? DEFAULT_CLASSIFIER_SETTINGS,
  /** A topic not to give, because the reply already says what it says (the 999 line). */
  besides: string | null = null,
): KnowledgeDecision {
  // "push and pull forces for a Y7 physics lesson": a lesson in another subject keeps its words. Most
  // questions have no purpose to leave out, and are not read for another subject here (offTopic reads them).
  const asked = withoutPurpose(typed);
  const question = asked !== typed && !namesOtherSubject(typed, kb) ? asked : typed;
  // The search is read only when the classifier leaves the question open: most questions never need it.
  let searched: ReturnType<KnowledgeBase['index']['search']>['matches'] | null = null;
  const search = () =>
    (searched ??= kb.index.search(question, limit).matches.filter((m) => m.topic.id !== besides));
  const facts = readCase(question);
  const searchOnly = (): KnowledgeDecision => {
    const matches = search();
    const best = matches[0];
    if (!best || best.confidence < kb.settings.suggestAt)
      return { kind: 'decline', confidence: best?.confidence ?? 0 };
    if (best.confidence >= kb.settings.answerAt) {
      return { kind: 'topic', topic: best.topic.id, confidence: best.confidence, facts };
    }
    return { kind: 'did-you-mean', ids: matches.map((m) => m.topic.id), confidence: best.confidence };
  };
  // Preparing a referral ("what details do MASH need from me") is the referral topic, by rule.
  if (asksReferralPreparation(question) && kb.topics.has(REFERRAL_TOPIC)) {
    return { kind: 'topic', topic: REFERRAL_TOPIC, confidence: 1, facts };
  }
  if (asksAboutOwnWellbeing(question) && kb.topics.has(WELLBEING_TOPIC) && besides !== WELLBEING_TOPIC) {
    return { kind: 'topic', topic: WELLBEING_TOPIC, confidence: 1, facts };
  }
  if (!kb.classifier) {
    return offTopic(question, kb, facts, 0) ? { kind: 'decline', confidence: 0 } : searchOnly();
  }

  const predictions = kb.classifier.classify(question);
  const top = predictions[0]!;
  const topics = givenNot(besides, predictions).filter((p) => kb.topics.has(p.label));
  const topTopic = topics[0];
  // Who to call, help and small talk first: "what topics do you cover" is not off-topic.
  const route = routeDecision(top, question, kb, settings);
  // A case the classifier reads as "who do I call", though it asks for no one, gets its likeliest topic:
  // that answer carries the numbers that answer now as well, with the screening offer.
  if (route?.kind === 'contacts' && facts.isCase && topTopic && topTopic.probability >= settings.suggestAt) {
    const topic = byTheAges(topTopic.label, facts, kb);
    return { kind: 'topic', topic, confidence: topTopic.probability, facts };
  }
  if (route) return route;
  // Blame quoted or asked about: the classifier reads the story around it ("she chose to go back to him").
  const blame = blameTopic(question);
  const sureOfBlame =
    topTopic && BLAME_TOPICS.has(topTopic.label) && topTopic.probability >= settings.answerAt;
  if (blame && kb.topics.has(blame)) {
    const topic = sureOfBlame ? topTopic.label : blame;
    return { kind: 'topic', topic, confidence: topTopic?.probability ?? 0, facts };
  }
  // How to talk with the young person about it, when no other topic is plain: how to talk about a concern.
  // A plain topic wins ("how do I talk to her about the nudes without sounding ancient" is sharing nudes).
  if (
    asksHowToTalk(question) &&
    kb.topics.has(TALKING_TOPIC) &&
    !(topTopic && topTopic.label !== TALKING_TOPIC && topTopic.probability >= settings.answerAt)
  ) {
    return { kind: 'topic', topic: TALKING_TOPIC, confidence: topTopic?.probability ?? 0, facts };
  }
  // The topics together: a question the classifier splits between two of them is the domain's all the same.
  const inTopics = topics.reduce((sum, p) => sum + p.probability, 0);
  if (offTopic(question, kb, facts, inTopics)) return { kind: 'decline', confidence: 0 };
  if (top.label === '~none' && top.probability >= settings.declineAt && !inDomainWords(question, kb, top)) {
    return { kind: 'decline', confidence: top.probability };
  }
  if (topTopic && topTopic.probability >= settings.answerAt) {
    const topic = forAnAdult(
      byTheAges(namedCounterpart(topTopic.label, question, kb), facts, kb),
      question,
      facts,
      kb,
    );
    return { kind: 'topic', topic, confidence: topTopic.probability, facts };
  }
  // The search is sure and the classifier does not rule its topic out.
  const best = search()[0];
  if (best && best.confidence >= kb.settings.answerAt) {
    const agreed = topics.slice(0, limit).some((p) => p.label === best.topic.id);
    if (agreed) return { kind: 'topic', topic: best.topic.id, confidence: best.confidence, facts };
  }
  // A case description gets the most likely topic, not a list to choose from.
  if (facts.isCase && topTopic && top.label !== '~none') {
    return { kind: 'topic', topic: topTopic.label, confidence: topTopic.probability, facts };
  }
  const ids = suggestions(
    topics,
    search().map((m) => m.topic.id),
    settings.suggestAt,
    limit,
  );
  if (ids.length === 0) return { kind: 'decline', confidence: top.probability };
  return { kind: 'did-you-mean', ids, confidence: topTopic?.probability ?? 0 };
}

/**
 * The predictions once a topic is ruled out (the 999 line already said it, or the message says no one is in
 * danger): the others' probabilities given that it is not that one. "a girl told me last week that an older
 * lad raped her… shes safe now, what do i do with that" reads as when to call 999 (0.74) and how to refer
 * (0.25); with 999 ruled out it is how to refer, not a "did you mean".
 */
function givenNot(besides: string | null, predictions: Prediction[]): Prediction[] {
  const ruledOut = besides === null ? undefined : predictions.find((p) => p.label === besides);
  if (ruledOut === undefined) return predictions;
  const rest = predictions.filter((p) => p !== ruledOut);
  if (ruledOut.probability <= 0 || ruledOut.probability >= 1) return rest;
  const scale = 1 / (1 - ruledOut.probability);
  return rest.map((p) => ({ ...p, probability: p.probability * scale }));
}

/**
 * Push and pull factors are read alike: a question naming only the other of a pair by its title word
 * ("what pushes young people towards exploiters") gets that one.
 */
function namedCounterpart(id: string, question: string, kb: KnowledgeBase): string {
  const other = kb.topics.get(id)?.counterpart;
  if (!other || !kb.topics.has(other)) return id;
  const said = saidStems(question);
  return namesOnlyTheOther(said, other, id, kb) && !namesOnlyTheOther(said, id, other, kb) ? other : id;
}

const BLAME_TOPICS: ReadonlySet<string> = new Set([BLAMING_TOPIC, LANGUAGE_TOPIC]);

/** A question this much in the domain's own words is not declined on the classifier's "none" alone… */
export const DOMAIN_QUESTION_SHARE = 0.75;
/** …unless the classifier is this sure. */
export const SURE_NONE = 0.8;

/**
 * "can u explain county lines to me, new to the role": every word is the domain's, but the way it is
 * asked ("can you", "the role") reads like the everyday requests the classifier learnt to decline. The
 * topic and the search then decide, and "did you mean" is the worst it gets.
 */
function inDomainWords(question: string, kb: KnowledgeBase, top: Prediction): boolean {
  if (top.probability >= SURE_NONE) return false;
  return domainShareOf(question, kb).share >= DOMAIN_QUESTION_SHARE;
}

/** The classifier's "what do these letters stand for" is taken up only this sure. */
export const SURE_GLOSSARY = 0.85;

function routeDecision(
  top: Prediction,
  question: string,
  kb: KnowledgeBase,
  settings: ClassifierSettings,
): KnowledgeDecision | null {
  if (top.probability < settings.routeAt) return null;
  const confidence = top.probability;
  switch (top.label) {
    case '~contacts':
      return { kind: 'contacts', confidence };
    case '~help':
      return { kind: 'help', confidence };
    case '~screening':
      return { kind: 'screening-offer', confidence };
    case '~smalltalk': {
      // Only a message with some small talk in it: "capital of France" is not chat.
      const said = kb.smalltalk?.within(question);
      if (said?.kind === HELP) return { kind: 'help', confidence };
      return said ? { kind: 'smalltalk', smalltalk: said.kind, reply: said.reply, confidence } : null;
    }
    case '~glossary': {
      // The glossary rule missed the way it was asked ("PSCP full name pls"); the term must be named, and
      // the reading sure: "what do the NPT do" (0.52) and "ofnr example please" (0.80) ask for what a topic gives.
      if (confidence < SURE_GLOSSARY) return null;
      const normalised = normaliseText(question);
      const term = onlyTermNamed(normalised, kb.glossary);
      // "pull factors meaning in CSE context" asks about pull factors; the term only sets the scene.
      return term && !termSetsTheScene(normalised, term, kb.glossary)
        ? { kind: 'glossary', term, confidence }
        : null;
    }
    case '~emergency':
      // Never an emergency from a score: the 999 net decides that. The topic says when to call 999.
      return kb.topics.has('emergency')
        ? { kind: 'topic', topic: 'emergency', confidence, facts: readCase(question) }
        : null;
    default:
      return null;
  }
}

/** The topics to offer: the classifier's likely ones first, then the search's, without repeats. */
function suggestions(topics: Prediction[], searched: string[], suggestAt: number, limit: number): string[] {
  const likely = topics.filter((p) => p.probability >= suggestAt).map((p) => p.label);
  const fromSearch = likely.length > 0 ? searched.filter((id) => topics.some((p) => p.label === id)) : [];
  return [...new Set([...likely, ...fromSearch])].slice(0, limit);
}

export const ADULT_TOPIC = 'adult-safeguarding';

/**
 * A referral to children's services is never the answer about an adult, nor is whatever the classifier reads
 * into a question that asks whom to tell about one: adult safeguarding is.
 */
function forAnAdult(topic: string, question: string, facts: CaseFacts, kb: KnowledgeBase): string {
  if (topic === ADULT_TOPIC || !kb.topics.has(ADULT_TOPIC)) return topic;
  if (facts.childAge !== null || facts.describesYoungPerson) return topic;
  const adult = topic === REFERRAL_TOPIC ? aboutAnAdult(question) : asksWhomAboutAnAdult(question);
  return adult ? ADULT_TOPIC : topic;
}

/** The two topics about the law on ages, which the classifier reads alike. */
export const OLDER_PARTNER_TOPIC = 'older-partner';
export const UNDER_13_TOPIC = 'under-13';

/**
 * Between the age-gap rule and the law on age, the ages given decide: a child under 13 is the under-13
 * law whoever the partner is; a partner older than a child of 13 to 17 is the age-gap rule.
 */
function byTheAges(topic: string, facts: CaseFacts, kb: KnowledgeBase): string {
  if (topic !== OLDER_PARTNER_TOPIC && topic !== UNDER_13_TOPIC) return topic;
  const child = facts.childAge;
  if (child === null || !facts.partnerMentioned) return topic;
  const pick = (id: string) => (kb.topics.has(id) ? id : topic);
  if (child < 13) return pick(UNDER_13_TOPIC);
  if (facts.partnerAges.some((a) => a > child)) return pick(OLDER_PARTNER_TOPIC);
  return topic;
}
