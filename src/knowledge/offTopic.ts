/**
 * The off-topic gate: a question that is mostly words the domain never uses
 * ("mash potatoes", "the Met Gala", "grooming my dog", "printer toner") is
 * declined with what the bot can do, not offered a "did you mean" built from
 * the one word it shares with a topic. A message that describes a young
 * person is never gated: case notes are full of everyday words.
 */
import type { KnowledgeBase } from './base';
import { readCase } from './cases';

/** Below this share of the question in the domain's own words, the question is declined. Tuned on the training writers. */
export const MIN_DOMAIN_SHARE = 0.5;

export function offTopic(question: string, kb: KnowledgeBase): boolean {
  const share = kb.index.domainShare(question, (unit) => kb.classifier?.knowsWord(unit[0]!) ?? false);
  if (share >= MIN_DOMAIN_SHARE) return false;
  const facts = readCase(question);
  return !facts.describesYoungPerson && facts.ages.length === 0;
}
