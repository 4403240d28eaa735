/**
 * routeTurn(): each decision, with the inputs that lead to it. A question
 * typed at every step of both guided flows is a row of its own.
 */
import { describe, expect, it } from 'vitest';
import { loadAreaContacts } from '../../src/contacts/load';
import type { ExpertsSetup, RunningFlow, TurnInput, DecisionKind } from '../../src/router/routeTurn';
import { ASK_EXPERT_FLOW } from '../../src/experts/entry';
import { startAsking } from '../../src/experts/flow';
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

const EXPERTS_TEAM = '19:safeguardingTeam@thread.tacv2';
const READY: ExpertsSetup = { teamId: EXPERTS_TEAM, channelSet: true, ticketDays: 14 };
const NO_CHANNEL: ExpertsSetup = { ...READY, channelSet: false };

function decide(input: TurnInput, running: RunningFlow | null = null, experts: ExpertsSetup = READY) {
  return routeTurn(input, { contacts, knowledge, now, running, experts });
}

function askingAt(step: 'question' | 'confirm'): RunningFlow {
  const state = {
    ...startAsking('a-1').state!,
    step,
    ...(step === 'confirm' ? { question: 'what now then?' } : {}),
  };
  return { id: ASK_EXPERT_FLOW, state };
}

const inChannel = (text: string, teamId: string): TurnInput => ({ text, private: false, teamId });
const TAKE = { kind: 'ticket', ticket: 'Q-7K3F9A', action: 'take' };

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
    ['"ask an expert" in a private chat', typed('ask an expert'), null, 'startFlow'],
    [
      'the "Ask the safeguarding team" button',
      pressed({ kind: 'command', command: 'ask-expert' }),
      null,
      'startFlow',
    ],
    [
      '"ask the safeguarding team" in a channel',
      typed('ask the safeguarding team', 'shared'),
      null,
      'privateOnly',
    ],
    ['"ask an expert" during a screening', typed('ask an expert'), screeningAt('q1'), 'interruption'],
    [
      'a question typed at the question step',
      typed('is this enough for a referral?'),
      askingAt('question'),
      'flowAnswer',
    ],
    [
      '"who do I call" at the question step is the question',
      typed('who do I call'),
      askingAt('question'),
      'flowAnswer',
    ],
    ['999 at the question step', typed('she is in danger right now'), askingAt('question'), 'urgent'],
    ['999 at the confirmation', typed('call 999 she is in danger right now'), askingAt('confirm'), 'urgent'],
    [
      '"set expert channel" in a channel of the safeguarding team',
      inChannel('set expert channel', EXPERTS_TEAM),
      null,
      'setExpertChannel',
    ],
    [
      '"set expert channel" in another team',
      inChannel('set expert channel', '19:other@thread.tacv2'),
      null,
      'setExpertChannel',
    ],
    ['"set expert channel" in a private chat', typed('set expert channel'), null, 'setExpertChannel'],
    [
      '"I\'ll take this" on a ticket card',
      { ...inChannel('', EXPERTS_TEAM), value: TAKE },
      null,
      'ticketAction',
    ],
    ['a ticket button pressed in a private chat', pressed(TAKE), null, 'ticketAction'],
  ])('%s → %s', (_what, input, running, kind) => {
    expect(decide(input, running).kind).toBe(kind);
  });
});

describe('the hand-off to the safeguarding team', () => {
  it('is allowed to be set up only from a channel of the configured team', () => {
    expect(decide(inChannel('set expert channel', EXPERTS_TEAM))).toMatchObject({ allowed: true });
    expect(decide(inChannel('set expert channel', '19:other@thread.tacv2'))).toMatchObject({
      allowed: false,
    });
    expect(decide(typed('set expert channel'))).toMatchObject({ allowed: false });
    // With no team configured, no channel anywhere can be set.
    const unconfigured = { teamId: null, channelSet: false, ticketDays: 14 };
    expect(decide(inChannel('set expert channel', EXPERTS_TEAM), null, unconfigured)).toMatchObject({
      allowed: false,
    });
  });

  it('says it is not set up, with who to call, when no channel is set', () => {
    for (const input of [typed('ask an expert'), pressed({ kind: 'command', command: 'ask-expert' })]) {
      const d = decide(input, null, NO_CHANNEL);
      expect(d.kind).toBe('unavailable');
      const text = d.kind === 'unavailable' ? d.replies.map((r) => r.text).join('\n') : '';
      expect(text).toMatch(/not set up here yet/);
      expect(text).toMatch(/MASH/);
      expect(text).toMatch(/999/);
    }
  });

  it('treats a missing setup (the command-line tools) as not set up', () => {
    expect(routeTurn(typed('ask an expert'), { contacts, knowledge, now, running: null }).kind).toBe(
      'unavailable',
    );
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

describe('a question about the running flow itself is read against what the flow is about', () => {
  it.each(STEPS)(
    'screening step %s: "actually what are the questions on it first" gets the CSERQ4',
    (step) => {
      const decision = decide(typed('actually what are the questions on it first'), screeningAt(step));
      expect(decision.kind).toBe('interruption');
      expect(decision.kind === 'interruption' && decision.answer?.topic).toBe('cserq4');
    },
  );

  it("a mistyped age is still the step's answer, not a question about the flow", () => {
    expect(decide(typed('about sixteen i think'), screeningAt('childAge')).kind).toBe('flowAnswer');
  });
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

  it('is not followed by the when-to-call-999 topic, which would only say the 999 line again', () => {
    const decision = decide(typed('girl 15 in a hotel room with two men right now, what do I do'));
    expect(decision.kind).toBe('urgent');
    expect(decision.kind === 'urgent' && decision.answer?.topic).not.toBe('emergency');
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
