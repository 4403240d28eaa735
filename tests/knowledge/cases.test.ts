import { describe, expect, it } from 'vitest';
import { loadAreaContacts } from '../../src/contacts/load';
import { answer, type AnswerContext } from '../../src/knowledge/answer';
import { buildKnowledgeBase } from '../../src/knowledge/base';
import { appliedRule } from '../../src/knowledge/caseReplies';
import { readCase } from '../../src/knowledge/cases';
import { loadKnowledgeContent } from '../../src/knowledge/load';
import { assessCserq4 } from '../../src/rules/cserq4';
import { shipped } from '../helpers/area';

const contacts = loadAreaContacts();
const knowledge = buildKnowledgeBase(loadKnowledgeContent('content/knowledge', contacts));
/** A Saturday night, when the Duty Team leads. */
const saturdayNight: AnswerContext = { contacts, knowledge, now: new Date('2026-11-28T22:00:00Z') };
const textOf = (q: string, ctx = saturdayNight) =>
  answer(q, ctx)
    .replies.map((r) => r.text)
    .join('\n\n');

describe('reading a case from a question', () => {
  it.each([
    ['is it ok for a 15 year old to have a 19 year old boyfriend', 15, [19]],
    ['Y10, 15, boyfriend is 19, mum is fine with it', 15, [19]],
    ['y11 lad, 16, with a 21 yr old woman', 16, [21]],
    ['is it illegal if shes 16 and hes 20', 16, [20]],
    ['14yo girl gets lifts off some 20-somethings', 14, []],
    ['girl (13) with a man in his twenties', 13, []],
    ['school nurse here. 14 y/o back for her 3rd STI test', 14, []],
    ['the big brother (16) of one of our toddlers came with a black eye', 16, []],
    ['a girl maybe 14 keeps getting into a van with a man around 30', 14, [30]],
    ['lad from our rugby club, 15, has a new phone nobody bought him', 15, []],
    ['Female 16 says her partner is 23', 16, [23]],
    ['pt 15 attended with a man who says he is 27', 15, [27]],
    ['schoolgirl 13 meets a man aged 35 at the station', 13, [35]],
    ['regular in his 40s brings a girl who looks about 16 to the hotel bar every week', 16, []],
  ])('"%s": the young person is %i, the partner %j', (q, child, partners) => {
    const facts = readCase(q);
    expect(facts.childAge).toBe(child);
    expect(facts.partnerAges).toEqual(partners);
  });

  it.each([
    'Is the MASH still open at 4.45 on a Friday?',
    'I have 3 girls in Y10 flagged',
    'a 4 year age gap',
    'I spoke to the girl about 15 minutes ago',
    'pages 12, 13, and 14 of the form',
    'the girl who 2 weeks ago told me about him',
  ])('reads no age in "%s"', (q) => {
    expect(readCase(q).ages).toEqual([]);
  });
});

describe('ages in a question get the rule applied', () => {
  it('applies the older-partner rule to a 15 and a 19 year old, as the screening would', () => {
    const result = answer('is it ok for a 15 year old to have a 19 year old boyfriend', saturdayNight);
    expect(result).toMatchObject({ route: 'topic', topic: 'older-partner' });
    const text = result.replies.map((r) => r.text).join('\n\n');
    expect(text).toMatch(/Applied to the ages you gave \(15 and 19\).*age difference is 4 years/);
    expect(text).toMatch(/question 2 of the CSERQ4 \(older partner\) would be \*\*"yes"\*\*/);
    expect(text).toMatch(/below the age of consent \(16\)/);
    const screeningButton = result.replies
      .flatMap((r) => r.card?.actions ?? [])
      .some((a) => 'data' in a && (a.data as { command?: string }).command === 'start-screening');
    expect(screeningButton).toBe(true);
  });

  it.each([
    [15, 19],
    [16, 18],
    [17, 21],
    [17, 24],
    [12, 14],
    [14, 15],
  ])('never contradicts the screening for a %i-year-old and a %i-year-old', (child, partner) => {
    const rule = appliedRule(readCase(`she is ${child} and her boyfriend is ${partner}`))!;
    const screening = assessCserq4({
      childAge: child,
      partnerAges: [partner],
      missing: 'unknown',
      controlling: 'unknown',
      unsafePlaces: 'unknown',
    });
    expect(rule.result.q2).toBe(screening.q2);
    if (screening.q2 === 'yes') expect(rule.text).toMatch(/would be \*\*"yes"\*\*/);
    else expect(rule.text).not.toMatch(/would be \*\*"yes"\*\*/);
    for (const note of screening.notes) expect(rule.text).toContain(note);
  });

  it('says a small gap does not rule exploitation out', () => {
    expect(textOf('she is 15 and her boyfriend is 16, is that ok')).toMatch(/does not rule exploitation out/);
  });

  it('states the law for a child under 13 with a partner, even with no partner age', () => {
    expect(textOf('boy, 11, says he did stuff with an older girl from the estate, is that cse')).toMatch(
      /under 13 cannot consent/,
    );
  });
});

describe('case descriptions', () => {
  const cases = [
    'Y9 girl, 14, new older bf, going missing overnight, new iphone and nails done, v secretive with her phone. is this CSE?',
    'school nurse here. 14 y/o back for her 3rd STI test this term and mentions a boyfriend who drives. signs of CSE?',
    'lad in Y10, 15, suddenly has loads of cash, stopped coming to football and hangs round with 20 somethings. what do i do?',
  ];

  it.each(cases)('"%s" gets a topic, the screening offer and who to call now, never "did you mean"', (q) => {
    const result = answer(q, saturdayNight);
    expect(result.route).toBe('topic');
    const text = result.replies.map((r) => r.text).join('\n\n');
    expect(text).toMatch(/CSERQ4 screening takes about a minute/);
    // Saturday night: the Duty Team first.
    expect(text).toContain(shipped.phone('out-of-hours'));
    expect(text).toMatch(/closed now/);
  });
});

describe('preparing a referral', () => {
  it.each([
    'what details do MASH need from me',
    'what will the MASH ask me when I ring',
    'what information does the mash need from me',
    'what should I have ready before I call the MASH',
    'what do social care need from me for a referral',
    'whats the process for getting social services involved with a kid',
  ])('"%s" reaches the referral topic', (q) => {
    expect(answer(q, saturdayNight)).toMatchObject({ route: 'topic', topic: 'making-a-referral' });
  });
});
