/**
 * routeTurn(): each decision, with the inputs that lead to it. A question
 * typed at every step of both guided flows is a row of its own.
 */
import { describe, expect, it } from 'vitest';
import { loadAreaContacts } from '../../src/contacts/load';
import type { RunningFlow, TurnInput, DecisionKind } from '../../src/router/routeTurn';
import { routeTurn } from '../../src/router/routeTurn';
import { loadKnowledgeBase } from '../../src/knowledge/base';
import { INFO_SHARING_FLOW } from '../../src/infoSharing/entry';
import type { InfoState } from '../../src/infoSharing/flow';
import { INFO_STEPS, type InfoStep } from '../../src/infoSharing/questions';
import { SCREENING_FLOW } from '../../src/screening/entry';
import type { ScreeningState } from '../../src/screening/flow';
import { STEPS, type Step } from '../../src/screening/questions';

const contacts = loadAreaContacts();
const knowledge = loadKnowledgeBase(contacts);
const now = new Date('2026-11-25T10:30:00Z');

function screeningAt(step: Step, id = 's-1'): RunningFlow {
  const state: ScreeningState = {
    id,
    step,
    history: [],
    answers: { missing: 'no', childAge: 15, hasPartner: 'yes' },
    failedTries: 0,
  };
  return { id: SCREENING_FLOW, state };
}

function formAt(step: InfoStep, id = 'f-1'): RunningFlow {
  const state: InfoState = { id, step, history: [], answers: {} };
  return { id: INFO_SHARING_FLOW, state };
}

const typed = (text: string, where: 'private' | 'shared' = 'private'): TurnInput => ({
  text,
  private: where === 'private',
});
const pressed = (value: unknown, where: 'private' | 'shared' = 'private'): TurnInput => ({
  text: '',
  value,
  private: where === 'private',
});

function decide(input: TurnInput, running: RunningFlow | null = null) {
  return routeTurn(input, { contacts, knowledge, now, running });
}

const Q1_YES = { kind: 'answer', screening: 's-1', step: 'q1', value: 'yes' };

describe('routeTurn: one decision for each message', () => {
  it.each<[string, TurnInput, RunningFlow | null, DecisionKind]>([
    ['999 with nothing running', typed('a girl is being taken away in a car right now'), null, 'urgent'],
    [
      '999 in the middle of a screening',
      typed('call 999 she is in danger right now'),
      screeningAt('q3'),
      'urgent',
    ],
    ['a button command: who to call', pressed({ kind: 'command', command: 'contacts' }), null, 'command'],
    [
      'a button command: help, mid-screening',
      pressed({ kind: 'command', command: 'help' }),
      screeningAt('q1'),
      'command',
    ],
    ["the current question's button", pressed(Q1_YES), screeningAt('q1'), 'flowAnswer'],
    ['a readable typed answer', typed('no'), screeningAt('q1'), 'flowAnswer'],
    ['a steering word', typed('back'), screeningAt('q3'), 'flowAnswer'],
    ['an unreadable answer (the step explains it)', typed('-3'), screeningAt('childAge'), 'flowAnswer'],
    ['an answer button with nothing running', pressed(Q1_YES), null, 'staleButton'],
    ['a tampered payload with nothing running', pressed({ kind: 'answer', oops: true }), null, 'staleButton'],
    ['a tampered payload mid-screening', pressed({ kind: 'nonsense' }), screeningAt('q1'), 'staleButton'],
    [
      'a police-form button during a screening',
      pressed({ kind: 'form', form: 'f-1', step: 'danger', value: 'no' }),
      screeningAt('q1'),
      'staleButton',
    ],
    ['who to call, mid-screening', typed('who do I call'), screeningAt('q1'), 'interruption'],
    [
      'a glossary question, mid-screening',
      typed('what does MASH stand for'),
      screeningAt('q3'),
      'interruption',
    ],
    [
      'a follow-up topic button, mid-screening',
      pressed({ kind: 'topic', id: 'grooming' }),
      screeningAt('q4'),
      'interruption',
    ],
    ['asking for a screening during a screening', typed('screen'), screeningAt('q4'), 'interruption'],
    [
      'the start button during the police form',
      pressed({ kind: 'command', command: 'start-screening' }),
      formAt('information'),
      'interruption',
    ],
    ['"screen" in a private chat', typed('screen'), null, 'startFlow'],
    [
      'the start button in a private chat',
      pressed({ kind: 'command', command: 'start-screening' }),
      null,
      'startFlow',
    ],
    ['"share information" in a private chat', typed('share information'), null, 'startFlow'],
    ['"screen" in a channel', typed('screen', 'shared'), null, 'privateOnly'],
    [
      'worry about a child in a group chat',
      typed("I'm worried about a 14 year old girl", 'shared'),
      null,
      'privateOnly',
    ],
    ['a knowledge question', typed('what are the signs of grooming'), null, 'answer'],
    ['who to call, nothing running', typed('who do I call'), null, 'answer'],
    ['a topic button, nothing running', pressed({ kind: 'topic', id: 'grooming' }), null, 'answer'],
    ['something off-topic', typed('how do I fix the printer'), null, 'answer'],
  ])('%s → %s', (_what, input, running, kind) => {
    expect(decide(input, running).kind).toBe(kind);
  });
});

describe('a question typed at any step is answered, then the same step is asked again', () => {
  const questions = ['who do I call', 'what does MASH stand for'];
  it.each(STEPS.flatMap((step) => questions.map((q): [Step, string] => [step, q])))(
    'screening step %s: "%s" interrupts',
    (step, q) => {
      expect(decide(typed(q), screeningAt(step)).kind).toBe('interruption');
    },
  );
  it.each(INFO_STEPS.flatMap((step) => questions.map((q): [InfoStep, string] => [step, q])))(
    'police form step %s: "%s" interrupts',
    (step, q) => {
      expect(decide(typed(q), formAt(step)).kind).toBe('interruption');
    },
  );
});

describe('free-text fields of the police form', () => {
  it('take a statement as the answer, even one that names a topic', () => {
    const d = decide(
      typed('Posters about a party for teenagers at a flat, seen last week.'),
      formAt('information'),
    );
    expect(d.kind).toBe('flowAnswer');
  });

  it('keep what was typed as the answer when the 999 net fires on it', () => {
    const d = decide(typed('a man took a girl into his car, she was screaming'), formAt('information'));
    expect(d).toMatchObject({ kind: 'urgent', then: 'keep-as-answer' });
  });

  it('ask the same question again after 999 on a yes/no step', () => {
    const d = decide(typed('a man took a girl into his car, she was screaming'), formAt('crime'));
    expect(d).toMatchObject({ kind: 'urgent', then: 'reprompt' });
  });
});

describe('the 999 check', () => {
  it('comes before a button, a flow and a knowledge answer', () => {
    const input = { ...typed('she is being taken right now, what does MASH stand for'), value: Q1_YES };
    expect(decide(input, screeningAt('q1')).kind).toBe('urgent');
  });

  it('is written once, in the router', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const files = (readdirSync('src', { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const callers = files.filter((f) => /\bisUrgent\(/.test(readFileSync(`src/${f}`, 'utf8')));
    expect(callers.filter((f) => !f.startsWith('rules') && !f.startsWith('cli'))).toEqual([
      'router/routeTurn.ts',
    ]);
  });
});
