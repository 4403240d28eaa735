import { describe, expect, it } from 'vitest';
import { loadAreaContacts } from '../../src/contacts/load';
import type { AnswerContext } from '../../src/knowledge/answer';
import { loadKnowledgeBase } from '../../src/knowledge/base';
import {
  evaluate,
  isRight,
  parseEvalFile,
  setAsideUnknown,
  unknownExpectations,
} from '../../src/router/evaluate';

const contacts = loadAreaContacts();
const knowledge = loadKnowledgeBase(contacts);
const ctx: AnswerContext = { contacts, knowledge, now: new Date('2026-11-25T10:30:00Z') };

const lines = (...rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n');

describe('what counts as right in an eval line', () => {
  it.each([
    [null, { route: 'not-found', topic: null }, true],
    [null, { route: 'did-you-mean', topic: null }, true],
    [null, { route: 'topic', topic: 'grooming' }, false],
    ['grooming', { route: 'topic', topic: 'grooming' }, true],
    ['grooming', { route: 'did-you-mean', topic: null }, false],
    [['grooming', 'who-can-groom'], { route: 'topic', topic: 'who-can-groom' }, true],
    ['screening', { route: 'screening-offer', topic: null }, true],
    ['contacts', { route: 'topic', topic: 'mash-contacts' }, false],
    ['emergency', { route: 'emergency', topic: null }, true],
    ['sharing-information-with-police', { route: 'info-sharing', topic: null }, true],
    ['smalltalk', { route: 'smalltalk', topic: null }, true],
    ['smalltalk', { route: 'not-found', topic: null }, false],
  ] as const)('expect %j, got %j: %s', (expect_, got, right) => {
    expect(isRight(expect_ as never, { ...got, confidence: 1 })).toBe(right);
  });
});

describe('the eval report', () => {
  it('counts accuracy, misses, abstention precision and recall, and the safety routes', () => {
    const { cases, errors } = parseEvalFile(
      lines(
        { q: 'what is grooming', expect: 'grooming' },
        { q: 'what is the capital of France', expect: null },
        { q: 'who do I call out of hours', expect: 'contacts' },
        { q: 'how do I fix the printer', expect: 'warning-signs' },
      ),
    );
    expect(errors).toEqual([]);
    const report = evaluate(cases, ctx);
    expect(report).toMatchObject({ total: 4, right: 3, accuracy: 0.75 });
    expect(report.misses.map((m) => [m.line, m.q, m.got.route])).toEqual([
      [4, 'how do I fix the printer', 'not-found'],
    ]);
    expect(report.abstention).toMatchObject({ abstained: 2, shouldAbstain: 1, precision: 0.5, recall: 1 });
    expect(report.safety).toMatchObject({ total: 1, right: 1, accuracy: 1 });
  });

  it('sets aside lines for a route named as pending, and says how many', () => {
    const { cases } = parseEvalFile(
      lines({ q: 'who do I call', expect: 'contacts' }, { q: 'groomin', expect: 'grooming' }),
    );
    const report = evaluate(cases, ctx, ['contacts']);
    expect(report).toMatchObject({ total: 1, pending: 1, safety: { total: 0 } });
  });

  it('reports bad lines and expectations that name nothing', () => {
    const { cases, errors } = parseEvalFile(
      ['not json', JSON.stringify({ q: 'x' }), lines({ q: 'y', expect: 'grooming-typo' })].join('\n'),
    );
    expect(errors).toEqual([
      expect.stringMatching(/^line 1: not valid JSON/),
      expect.stringMatching(/^line 2: expect/),
    ]);
    expect(unknownExpectations(cases, new Set(knowledge.topics.keys()))).toEqual([
      'line 3: "grooming-typo" is neither a topic id nor a route',
    ]);
  });
});

describe('declines and lines for topics not written yet', () => {
  it('counts the lines to decline that got "I can\'t help with that" rather than "did you mean"', () => {
    const { cases } = parseEvalFile(
      lines(
        { q: 'how do I change the printer toner', expect: null },
        { q: 'mash potatoes', expect: null },
        { q: 'what are the warning signs', expect: 'warning-signs' },
      ),
    );
    const report = evaluate(cases, ctx);
    expect(report.abstention.shouldAbstain).toBe(2);
    expect(report.abstention.declinedOutright).toBe(2);
  });

  it('sets aside lines naming a topic the content does not have, and keeps the rest', () => {
    const { cases } = parseEvalFile(
      lines(
        { q: 'how do I report to CEOP', expect: 'not-written-yet' },
        { q: 'either', expect: ['grooming', 'another-topic-to-come'] },
        { q: 'what is grooming', expect: 'grooming' },
        { q: 'thanks', expect: 'smalltalk' },
      ),
    );
    const { kept, setAside } = setAsideUnknown(cases, new Set(knowledge.topics.keys()));
    expect(setAside).toBe(2);
    expect(kept.map((c) => c.q)).toEqual(['what is grooming', 'thanks']);
  });
});
