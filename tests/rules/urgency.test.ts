import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measure } from '../../src/cli/urgency';
import { checkUrgency, isUrgent } from '../../src/rules/urgency';

const fixture = <T>(name: string): T[] =>
  readFileSync(path.join(__dirname, '../fixtures', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);

describe('the 999 safety net, rule by rule', () => {
  it.each([
    ['999', '999'],
    ['this is an emergency a child needs help', 'emergency'],
    ['a child is in danger now', 'in danger'],
    ['please help', 'help now'],
    ['he has a knife', 'weapon'],
    ['a girl just got pulled into a van', 'being taken'],
    ['theres a man outside the school gates waiting to take her', 'being taken'],
    ['child has overdosed', 'medical'],
    ['she says shes going to kill herself tonight', 'self-harm'],
    ['smoke pouring out of the flat and theres a baby inside', 'fire'],
    ['toddler wandered off near the water and we cant find her', 'alone and at risk'],
    ['she is locked in a room at his flat', 'held'],
    ['they said theyll hurt him tonight', 'violence now'],
    ['shes missing since this morning', 'missing now'],
    ['i can hear a child being beaten next door', 'being harmed'],
  ])('fires on "%s" (rule: %s)', (text, rule) => {
    expect(checkUrgency(text).rules).toContain(rule);
  });

  it.each([
    'what are the signs of grooming',
    'what time does MASH close tonight',
    'emergency duty service number',
    'is the emergency out of hours number the same at weekends',
    'how do i update my emergency contact details on the hr system',
    'training on weapons awareness',
    'he used to carry a knife when he was younger, hes doing well now',
    'she went missing twice last year, does that count on the CSERQ4',
    'what is an emergency protection order',
    'what does immediate danger mean in law',
    'we had a child overdose last year and im doing the learning review',
    'can victim blaming be unconscious',
    'why wouldnt a kid tell anyone theyre being abused',
  ])('stays quiet on "%s"', (text) => {
    expect(isUrgent(text)).toBe(false);
  });

  it('is not quietened by a topic word when the message says it is happening as they type', () => {
    expect(
      isUrgent(
        "I was going to ask about training dates, but while I'm typing a girl told me he'd finish her if she talked",
      ),
    ).toBe(true);
  });
});

describe('the 999 safety net, measured on the dev sets', () => {
  const urgent = fixture<{ q: string }>('urgent-eval.jsonl');
  const faq = fixture<{ q: string; expect: unknown }>('faq-eval.jsonl');

  it('fires on every one of the urgent dev-set messages', () => {
    const missed = urgent.filter((m) => !isUrgent(m.q)).map((m) => m.q);
    expect(urgent.length).toBeGreaterThanOrEqual(60);
    expect(missed).toEqual([]);
  });

  it('fires on every emergency question of the knowledge-base dev set', () => {
    const missed = faq.filter((m) => m.expect === 'emergency' && !isUrgent(m.q)).map((m) => m.q);
    expect(missed).toEqual([]);
  });

  it('fires on at most 2% of the other knowledge-base dev-set questions', () => {
    const others = faq.filter((m) => m.expect !== 'emergency');
    const fired = others.filter((m) => isUrgent(m.q));
    expect(fired.length / others.length).toBeLessThanOrEqual(0.02);
  });

  it.each(['urgent-holdout.jsonl', 'urgent-holdout-2.jsonl', 'urgent-holdout-3.jsonl'])(
    'catches every urgent message of %s, and raises false alarms only on an explicit "999"',
    (file) => {
      // These sets were written by people who never saw the rules; each was measured once before the
      // rules were widened against it (the first-contact figures are in the closing note of issue 4).
      const held = fixture<{ q: string; urgent: boolean }>(file);
      const missed = held.filter((m) => m.urgent && !isUrgent(m.q)).map((m) => m.q);
      const falseAlarms = held.filter((m) => !m.urgent && isUrgent(m.q));
      expect(missed).toEqual([]);
      for (const m of falseAlarms) expect(checkUrgency(m.q).rules, m.q).toContain('999');
      expect(falseAlarms.length).toBeLessThanOrEqual(2);
    },
  );
});

describe('the urgency CLI', () => {
  it('counts the knowledge-base dev set by its "emergency" labels', () => {
    const m = measure(path.join(__dirname, '../fixtures/faq-eval.jsonl'));
    expect(m.urgent).toBe(
      fixture<{ expect: unknown }>('faq-eval.jsonl').filter((l) => l.expect === 'emergency').length,
    );
    expect(m.caught).toBe(m.urgent);
    expect(m.falseAlarms / m.others).toBeLessThanOrEqual(0.02);
  });
});
