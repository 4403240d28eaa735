/**
 * The off-topic gate: a question that is mostly words the domain never uses
 * ("mash potatoes", "the Met Gala", "grooming my dog", "printer toner") is
 * declined with what the bot can do, not offered a "did you mean" built from
 * the one word it shares with a topic. A question the classifier reads with
 * confidence is not gated for one stray word ("what is contextual
 * safeguarding? bit of a mouthful"), and a message that describes a young
 * person never is: case notes are full of everyday words.
 */
import type { KnowledgeBase } from './base';
import type { CaseFacts } from './cases';

/** Below this share of the question in the domain's own words, a question may be declined. */
export const MIN_DOMAIN_SHARE = 0.5;
/** A topic read with at least this probability survives one word the domain never uses. */
export const SURE_TOPIC = 0.5;

/** An acronym typed in capitals ("OFNR", "CSERQ4") is the domain's own term, not an everyday word. */
function namesAcronym(question: string, kb: KnowledgeBase): boolean {
  return (question.match(/\b[A-Z][A-Z0-9&]{1,9}\b/g) ?? []).some((a) => kb.glossary.has(a.toLowerCase()));
}

export function offTopic(question: string, kb: KnowledgeBase, facts: CaseFacts, topTopic: number): boolean {
  if (facts.describesYoungPerson || facts.ages.length > 0) return false;
  const { share, known, unknown } = kb.index.domainShare(
    question,
    (unit) => kb.classifier?.knowsWord(unit[0]!) ?? false,
  );
  if (share >= MIN_DOMAIN_SHARE) return false;
  // One word of the domain's among words it never uses: "mash potatoes", "grooming my dog", "tell me a joke".
  if (known <= 1 && unknown >= 1 && !namesAcronym(question, kb)) return true;
  // As many words outside the domain as in it: about something else, however sure the classifier is.
  if (unknown >= known && unknown >= 2) return true;
  return !(kb.classifier && topTopic >= SURE_TOPIC);
}
