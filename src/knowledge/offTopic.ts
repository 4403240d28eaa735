/**
 * The off-topic gate: a question that is mostly words the domain never uses
 * ("mash potatoes", "the Met Gala", "grooming my dog", "printer toner") is
 * declined with what the bot can do, not offered a "did you mean" built from
 * the one word it shares with a topic. A question the classifier reads with
 * confidence is not gated for one stray word ("what is contextual
 * safeguarding? bit of a mouthful"), and a message that describes a young
 * person never is: case notes are full of everyday words.
 */
import { memoised } from '../memoised';
import { LastReading } from '../rules/turnMemo';
import type { KnowledgeBase } from './base';
import type { CaseFacts } from './cases';
import type { DomainShare } from './search';
import { askingSentenceOf, words } from './text';
import { normaliseText } from '../rules/intent';

/** Below this share of the question in the domain's own words, a question may be declined. */
export const MIN_DOMAIN_SHARE = 0.5;
/**
 * The classifier's topics together read with at least this probability survive one word the domain never
 * uses. Together, not the likeliest alone: "what kind of things in filtering logs might point to cse" is
 * 0.39 what CSE is and 0.33 the signs, and the domain's either way.
 */
export const SURE_TOPIC = 0.5;
/** Topics read with at least this probability survive everyday words around an acronym of the domain's. */
const ACRONYM_TOPIC = 0.3;
/** Topics read with at least this probability are not declined for how many everyday words the question has. */
export const CERTAIN_TOPIC = 0.6;
/** Topics read with at least this probability survive a question mostly in everyday words. */
const NEAR_CERTAIN_TOPIC = 0.7;

/** An acronym typed in capitals ("OFNR", "CSERQ4") is the domain's own term, not an everyday word. */
function namesAcronym(question: string, kb: KnowledgeBase): boolean {
  return (question.match(/\b[A-Z][A-Z0-9&]{1,9}\b/g) ?? []).some((a) => kb.glossary.has(a.toLowerCase()));
}

const subjectPatterns = new WeakMap<readonly string[], RegExp | null>();

/** Names another subject (geography, a pet, a recipe): the content's otherSubjects, matched as whole words. */
export function namesOtherSubject(question: string, kb: KnowledgeBase): boolean {
  const list = kb.settings.otherSubjects;
  const re = memoised(subjectPatterns, list, () =>
    list.length > 0 ? new RegExp(`\\b(${list.join('|')})\\b`) : null,
  );
  return re !== null && re.test(words(question).join(' '));
}

/** Each knowledge base's last reading of a question's domain share, kept for the rest of the turn. */
const lastShares = new WeakMap<KnowledgeBase, LastReading<string, DomainShare>>();

/**
 * How much of a question is in the domain's words: the content's, or words the classifier learnt for a
 * topic. The gate below and the decision after it read the same question; the last reading is kept.
 */
export function domainShareOf(question: string, kb: KnowledgeBase): DomainShare {
  const last = memoised(
    lastShares,
    kb,
    () =>
      new LastReading((q: string) =>
        kb.index.domainShare(q, (unit) => kb.classifier?.knowsWord(unit[0]!) ?? false),
      ),
  );
  return last.of(question);
}

/** At least this share of the sentence that asks in the domain's words keeps a message from the gate. */
const ASKING_SHARE = 0.75;

/** The message's sentence that asks (when it has more than one) is all but wholly the domain's. */
function asksInTheDomain(question: string, kb: KnowledgeBase): boolean {
  const asking = askingSentenceOf(question);
  if (asking === null) return false;
  const { share, known } = kb.index.domainShare(
    asking,
    (unit) => kb.classifier?.knowsWord(unit[0]!) ?? false,
  );
  return known >= 1 && share >= ASKING_SHARE;
}

/** Case notes are full of everyday words: a message about a young person, or giving ages, is never gated. */
function aboutAYoungPerson(facts: CaseFacts): boolean {
  return facts.describesYoungPerson || facts.ages.length > 0;
}

/** Someone the message is about: the photocopier has no pronoun. */
export const SOMEONE = /\b(she|he|her|him|hers|his|they|them|shes|hes|theyre|she s|he s|they re)\b/;

/**
 * A concern arising, or the safeguarding route around it, in everyday words: "if something comes up after
 * 9pm", "if we have a disclosure", "if the dsl is off and it's not life or death", "if we're worried about
 * one of ours while we're here".
 */
const A_CONCERN =
  /\b(something|anything) (comes up|came up|crops up|happens|happened|kicks off|is not right|isnt right|not right)\b|\b(a|any) (concern|worry|disclosure|incident)s?\b|\b(dsl|ddsl|safeguarding lead|designated lead)\b|\blife or death\b|\b(worried|worrying|concerned|worries|concerns) (about|for) (one of (ours|our own|them|us)|someone|somebody|anyone|anybody)\b/;

/** Below this share, "who do I call" about something with no young person and no service in it is not ours. */
export const OTHER_REQUEST_SHARE = 0.25;

/**
 * "The photocopier in the staffroom is jammed again, who do I ring": asking whom to call about
 * something the domain has no words for. The decline still carries the contacts block.
 */
export function asksAboutSomethingElse(question: string, kb: KnowledgeBase, facts: CaseFacts): boolean {
  if (aboutAYoungPerson(facts)) return false;
  if (namesOtherSubject(question, kb)) return true;
  // "I feel sick about what she told me, who do I call": about someone, in words the domain does not use.
  const t = normaliseText(question);
  if (SOMEONE.test(t) || A_CONCERN.test(t)) return false;
  const { share, unknown } = domainShareOf(question, kb);
  return share < OTHER_REQUEST_SHARE && unknown >= 2;
}

/** `topics`: the probability the classifier gives the content's topics together (0 without a classifier). */
export function offTopic(question: string, kb: KnowledgeBase, facts: CaseFacts, topics: number): boolean {
  if (aboutAYoungPerson(facts)) return false;
  if (namesOtherSubject(question, kb)) return true;
  const { share, known, unknown } = domainShareOf(question, kb);
  if (share >= MIN_DOMAIN_SHARE) return false;
  // "what is mash? heard it on course many time": the sentence that asks is in the domain's words, and the
  // rest says where the practitioner met them.
  if (asksInTheDomain(question, kb)) return false;
  // One word of the domain's among words it never uses: "mash potatoes", "grooming my dog", "tell me a joke".
  // With twice as many words the domain never uses ("signs an avocado is ripe"), near-certain only.
  const certain = unknown >= 2 * known && unknown >= 2 ? NEAR_CERTAIN_TOPIC : CERTAIN_TOPIC;
  if (known <= 1 && unknown >= 1 && !namesAcronym(question, kb) && topics < certain) return true;
  // As many words outside the domain as in it: about something else, unless the classifier is all but
  // certain ("is vicarious trauma common among school nurses?" is the domain in words its topics do not use).
  if (unknown >= known && unknown >= 2 && topics < certain) return true;
  // "please explain CSE in simple way, i need tell a mother in my language": the domain's own acronym, typed
  // as one, and a topic the classifier reads for it, in a question whose other words are everyday ones.
  if (kb.classifier && namesAcronym(question, kb) && topics >= ACRONYM_TOPIC) return false;
  return !(kb.classifier && topics >= SURE_TOPIC);
}
