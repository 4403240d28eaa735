/**
 * Every answer that sends people to the MASH says who answers about a child right now: the out-of-hours
 * Duty Team first when the MASH is closed, the MASH when it is open. Checked for every topic and glossary
 * entry at 22:00 on a Saturday and at 10:00 on a Tuesday (Europe/London).
 */
import { describe, expect, it } from 'vitest';
import { answerTopic, type AnswerContext } from '../../src/knowledge/answer';
import { loadKnowledgeBase } from '../../src/knowledge/base';
import { glossaryReply } from '../../src/knowledge/replies';
import { escapeRegExp, shipped } from '../helpers/area';

// The shipped knowledge base and area: the numbers, names and hours are read from its contacts file.
const { contacts, mash, outOfHours } = shipped;
const { opens, closes } = contacts.officeHours;
const knowledge = loadKnowledgeBase(contacts);
const SATURDAY_22 = new Date('2026-11-28T22:00:00Z'); // GMT in November: 22:00 in London
const TUESDAY_10 = new Date('2026-11-24T10:00:00Z');
const at = (now: Date): AnswerContext => ({ contacts, knowledge, now });

const anyOf = (texts: string[]) => texts.map(escapeRegExp).join('|');
/**
 * Written here, not read from the code under test: what counts as sending someone to the MASH. The words
 * are the ones answers use; the numbers and the email are the area's own.
 */
const NAMES_MASH = new RegExp(
  `\\b(MASH|Multi-Agency Safeguarding Hub|Children['’]s Services|Children['’]s Social Care|Duty Team|Emergency Duty Service)\\b|` +
    anyOf([...mash.phones!, ...outOfHours.phones!, shipped.email('mash')]),
  'i',
);
const MASH_NUMBER = new RegExp(anyOf(mash.phones!));
const DUTY_TEAM = shipped.phone('out-of-hours');
/** The office opens again after SATURDAY_22 on the Monday (no bank holiday in England that day). */
const CLOSED_LINE =
  `**About a child, right now:** call the ${outOfHours.name} on ${shipped.phones('out-of-hours')}. ` +
  `${mash.name} is closed now (weekend: out of office hours). ` +
  `It opens again at ${opens} on Monday 30 November.`;
const OPEN_LINE =
  `**About a child, right now:** ${mash.name} is open now, until ${closes} on ` +
  `Tuesday 24 November. Call ${shipped.phones('mash')}.`;

const topics = [...knowledge.topics.values()];
const sendsToMash = topics.filter((t) => NAMES_MASH.test(t.answer));
const cardText = (card: unknown) => JSON.stringify(card);

describe('the time-aware line in knowledge answers', () => {
  it('applies to most topics (so the checks below are not vacuous)', () => {
    expect(sendsToMash.length).toBeGreaterThan(20);
    expect(sendsToMash.map((t) => t.id)).toEqual(
      expect.arrayContaining(['making-a-referral', 'out-of-hours', 'adult-safeguarding', 'care-leavers']),
    );
  });

  describe.each(topics.map((t) => [t.id, t] as const))('%s', (_id, topic) => {
    const mentions = NAMES_MASH.test(topic.answer);
    const paragraphs = topic.answer.split(/\n\s*\n/);
    const firstMash = paragraphs.find((p) => NAMES_MASH.test(p));

    it('at 22:00 on a Saturday: the Duty Team first, before any MASH number or mention', () => {
      const reply = answerTopic(topic.id, at(SATURDAY_22))!.replies[0]!;
      if (!mentions) {
        expect(reply.text).not.toMatch(/About a child, right now/);
        return;
      }
      expect(reply.text).toContain(CLOSED_LINE);
      expect(cardText(reply.card)).toContain(`call the ${outOfHours.name} on [${DUTY_TEAM}]`);
      const line = reply.text.indexOf(CLOSED_LINE);
      expect(reply.text.indexOf(DUTY_TEAM)).toBe(line + CLOSED_LINE.indexOf(DUTY_TEAM));
      const mashNumber = reply.text.search(MASH_NUMBER);
      if (mashNumber >= 0) expect(mashNumber).toBeGreaterThan(line);
      expect(reply.text.indexOf(firstMash!)).toBeGreaterThan(line);
    });

    it('at 10:00 on a Tuesday: the MASH, open now, first', () => {
      const reply = answerTopic(topic.id, at(TUESDAY_10))!.replies[0]!;
      if (!mentions) {
        expect(reply.text).not.toMatch(/About a child, right now/);
        return;
      }
      expect(reply.text).toContain(OPEN_LINE);
      const line = reply.text.indexOf(OPEN_LINE);
      expect(reply.text.search(MASH_NUMBER)).toBe(line + OPEN_LINE.search(MASH_NUMBER));
      const duty = reply.text.indexOf(DUTY_TEAM);
      if (duty >= 0) expect(duty).toBeGreaterThan(line);
      expect(reply.text.indexOf(firstMash!)).toBeGreaterThan(line);
    });
  });

  it('keeps the adult line first in the adult answer, and labels the Duty Team as for a child', () => {
    const text = answerTopic('adult-safeguarding', at(SATURDAY_22))!.replies[0]!.text;
    expect(text.search(/\d{3} ?\d{2,4} ?\d{3,6}/)).toBe(text.indexOf(shipped.phone('adult-safeguarding')));
    expect(text).toMatch(/Our sources give no out-of-hours number for adult safeguarding/);
    expect(text).toMatch(/care leaver go to the MASH/);
    // The Duty Team appears only in the line that says it is about a child.
    expect(text.split(DUTY_TEAM)).toHaveLength(2);
    expect(text).toContain(CLOSED_LINE);
  });
});

describe('the time-aware line in glossary answers', () => {
  const terms = [...new Set(knowledge.glossary.values())];

  it('no definition gives a phone number of its own', () => {
    for (const term of terms) expect(term.meaning, term.term).not.toMatch(/\b0\d{2,4} ?\d{3,}|\b(999|101)\b/);
  });

  it.each(terms.map((t) => [t.term, t] as const))('%s', (_term, term) => {
    const text = `${term.term} ${term.expansion} ${term.meaning}`;
    for (const [now, line] of [
      [SATURDAY_22, CLOSED_LINE],
      [TUESDAY_10, OPEN_LINE],
    ] as const) {
      const reply = glossaryReply(knowledge, term, { contacts, now });
      if (NAMES_MASH.test(text)) expect(reply.text).toContain(line);
      else expect(reply.text).not.toMatch(/About a child, right now/);
    }
  });

  it('gives the MASH entry the line', () => {
    const mash = knowledge.glossary.get('mash')!;
    expect(glossaryReply(knowledge, mash, { contacts, now: SATURDAY_22 }).text).toContain(CLOSED_LINE);
  });
});
