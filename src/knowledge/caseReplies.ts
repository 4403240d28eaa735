/**
 * What a practitioner describing a case gets besides the topic: the
 * older-partner rule applied to the ages they gave, worked out by the same
 * assessCserq4 the screening uses (so the two never disagree), then the
 * offer to run the full screening, and who to call now.
 */
import { card, text } from '../cards/adaptive';
import type { Reply } from '../cards/reply';
import { contactsReply } from '../contacts/block';
import { AGE_GAP_THRESHOLD, assessCserq4, UNDER_13, type Cserq4Result } from '../rules/cserq4';
import type { AnswerContext } from './answer';
import type { CaseFacts } from './cases';

const years = (n: number) => `${n} year${n === 1 ? '' : 's'}`;

/** The rule applied to the ages given, or null when the message gives no ages to apply it to. */
export function appliedRule(facts: CaseFacts): { text: string; result: Cserq4Result } | null {
  const child = facts.childAge;
  if (child === null) return null;
  const withPartnerAge = facts.partnerAges.length > 0;
  const under13WithPartner = child < UNDER_13 && facts.partnerMentioned;
  if (!withPartnerAge && !under13WithPartner) return null;
  const result = assessCserq4({
    childAge: child,
    partnerAges: withPartnerAge ? facts.partnerAges : null,
    missing: 'unknown',
    controlling: 'unknown',
    unsafePlaces: 'unknown',
  });
  const lines: string[] = [];
  if (withPartnerAge && result.ageGap !== null) {
    const oldest = Math.max(...facts.partnerAges);
    const given = `**Applied to the ages you gave (${child} and ${oldest}):** the age difference is ${years(result.ageGap)}`;
    if (result.q2 === 'yes') {
      lines.push(
        `${given}, so question 2 of the CSERQ4 (older partner) would be **"yes"**. ` +
          'A "yes" to any of the four questions means a referral to Children\'s Services (the MASH).',
      );
    } else if (result.ageGap < AGE_GAP_THRESHOLD) {
      lines.push(
        `${given}, under the form's ${AGE_GAP_THRESHOLD} years, so question 2 would be "no" on age alone. ` +
          'That does not rule exploitation out: the other three questions (going missing, a controlling ' +
          'relationship, places known for sexual exploitation) still count.',
      );
    } else {
      lines.push(`${given}.`);
    }
  } else {
    lines.push(`**The young person is ${child}.**`);
  }
  const law = result.reasons.filter((r) => r.includes('cannot consent'));
  lines.push(...law, ...result.notes);
  lines.push('To check all four questions, run the screening.');
  return { text: lines.join('\n\n'), result };
}

/**
 * The replies for a topic answered from a question that describes a case or
 * gives ages: the rule applied (when there are ages), the topic, the
 * screening offer, and for a case who to call now (office hours or the Duty
 * Team, by the clock). A worry about a young person gets the screening offer
 * too. A plain question gets the topic alone.
 */
export function caseReplies(
  facts: CaseFacts,
  topic: Reply[],
  ctx: AnswerContext,
  offer: Reply,
  worried = false,
): Reply[] {
  const rule = appliedRule(facts);
  if (!rule && !facts.isCase && !worried) return topic;
  const ruleReply: Reply[] = rule ? [{ text: rule.text, card: card([text(rule.text)]) }] : [];
  const contacts = facts.isCase ? [contactsReply(ctx.contacts, ctx.now)] : [];
  return [...ruleReply, ...topic, offer, ...contacts];
}
