/**
 * The turn when storage is down, decided in the core: what needs no stored
 * state (999, who to call, knowledge, small talk) still runs; what needs it
 * (a flow's step, starting a flow) says it cannot go on, with the contacts
 * and the 999 line; and nothing is ever to be saved.
 */
import { describe, expect, it } from 'vitest';
import { service } from '../../src/contacts/load';
import { loadAreaContacts } from '../../src/contacts/load';
import { loadKnowledgeBase } from '../../src/knowledge/base';
import { INFO_SHARING_FLOW } from '../../src/infoSharing/entry';
import type { InfoState } from '../../src/infoSharing/flow';
import { planTurn, type TurnPlan } from '../../src/router/planTurn';
import type { RunningFlow, StateAccess, TurnInput } from '../../src/router/routeTurn';
import { SCREENING_FLOW } from '../../src/screening/entry';
import type { ScreeningState } from '../../src/screening/flow';
import type { Step } from '../../src/screening/questions';

const contacts = loadAreaContacts();
const knowledge = loadKnowledgeBase(contacts);
const weekdayMorning = new Date('2026-11-25T10:30:00Z');
const saturdayNight = new Date('2026-11-28T22:00:00Z');

const MASH = service(contacts, 'mash').phones![0]!;
const DUTY_TEAM = service(contacts, 'out-of-hours').phones![0]!;

function screeningAt(step: Step): RunningFlow {
  const state: ScreeningState = {
    id: 's-1',
    step,
    history: [],
    answers: { missing: 'no', childAge: 15, hasPartner: 'yes' },
    failedTries: 0,
  };
  return { id: SCREENING_FLOW, state };
}

const formAt = (step: InfoState['step']): RunningFlow => ({
  id: INFO_SHARING_FLOW,
  state: { id: 'f-1', step, history: [], answers: {} } satisfies InfoState,
});

const typed = (text: string, where: 'private' | 'shared' = 'private'): TurnInput => ({
  text,
  private: where === 'private',
});
const pressed = (value: unknown): TurnInput => ({ text: '', value, private: true });
const Q1_YES = { kind: 'answer', screening: 's-1', step: 'q1', value: 'yes' };

function plan(
  input: TurnInput,
  access: StateAccess,
  running: RunningFlow | null = null,
  now = weekdayMorning,
  lastTurnAt: Date | null = null,
): TurnPlan {
  return planTurn(input, {
    contacts,
    knowledge,
    now,
    running,
    stateAccess: access,
    lastTurnAt,
    idleTimeoutMinutes: 30,
    newId: () => 'new-id',
    privateChatLink: null,
  });
}

const allText = (p: TurnPlan) => p.replies.map((r) => r.text).join('\n\n');
const CANNOT_KEEP = /I can't keep (the screening|the information-sharing form|a screening or form) just now/;
const TRY_AGAIN = /try again in a minute/i;
const CALL_999 = /call 999/;
const ASKS_A_QUESTION = /Question \d of 4/;

describe('storage down: turns that need no stored state still run', () => {
  it.each<[string, TurnInput, StateAccess, RunningFlow | null, RegExp, string]>([
    [
      '999, nothing known',
      typed('a girl is being taken away in a car right now'),
      'none',
      null,
      CALL_999,
      'urgent',
    ],
    [
      '999 mid-screening',
      typed('call 999 she is in danger right now'),
      'readOnly',
      screeningAt('q3'),
      CALL_999,
      'urgent',
    ],
    ['who do I call', typed('who do I call'), 'none', null, /Who to call/, 'contacts'],
    [
      'who do I call, mid-screening',
      typed('who do I call'),
      'readOnly',
      screeningAt('q1'),
      /Who to call/,
      'interruption',
    ],
    [
      'the "who do I call" button',
      pressed({ kind: 'command', command: 'contacts' }),
      'none',
      null,
      /Who to call/,
      'command:contacts',
    ],
    ['a knowledge question', typed('what are the signs of grooming'), 'none', null, /groom/i, 'topic'],
    [
      'a glossary question',
      typed('what does MASH stand for'),
      'none',
      null,
      /Multi-Agency Safeguarding Hub/,
      'glossary',
    ],
    ['small talk', typed('hello'), 'none', null, /I can run the CSERQ4 screening/, 'smalltalk'],
    ['"help", state unreadable', typed('help'), 'none', null, /I help practitioners/, 'help'],
    ['a topic button', pressed({ kind: 'topic', id: 'grooming' }), 'none', null, /groom/i, 'topic'],
    ['"screen" in a channel', typed('screen', 'shared'), 'none', null, /private chat/, 'private-only:cserq4'],
  ])('%s', (_what, input, access, running, expected, route) => {
    const p = plan(input, access, running);
    expect(allText(p)).toMatch(expected);
    expect(p.meta.route).toBe(route);
    expect(allText(p)).not.toMatch(CANNOT_KEEP);
    expect(p.save).toBe(false);
  });

  it('gives the numbers for the time of day: the MASH leads on a weekday morning, the Duty Team on a Saturday night', () => {
    const morning = allText(plan(typed('who do I call'), 'none', null, weekdayMorning));
    const night = allText(plan(typed('who do I call'), 'none', null, saturdayNight));
    expect(morning.indexOf(MASH)).toBeLessThan(morning.indexOf(DUTY_TEAM));
    expect(night.indexOf(DUTY_TEAM)).toBeLessThan(night.indexOf(MASH));
  });
});

describe('storage down: turns that need stored state say they cannot go on, with the contacts and 999', () => {
  it.each<[string, TurnInput, StateAccess, RunningFlow | null, string]>([
    ['"screen"', typed('screen'), 'none', null, 'state-unavailable:cserq4'],
    [
      'the start-screening button',
      pressed({ kind: 'command', command: 'start-screening' }),
      'none',
      null,
      'state-unavailable:cserq4',
    ],
    ['"share information"', typed('share information'), 'none', null, 'state-unavailable:info-sharing'],
    [
      'a typed answer, screening known',
      typed('no'),
      'readOnly',
      screeningAt('q1'),
      'state-unavailable:cserq4',
    ],
    [
      'an answer button, screening known',
      pressed(Q1_YES),
      'readOnly',
      screeningAt('q1'),
      'state-unavailable:cserq4',
    ],
    ['an answer button, state unreadable', pressed(Q1_YES), 'none', null, 'state-unavailable:cserq4'],
    [
      'a police-form button, state unreadable',
      pressed({ kind: 'form', form: 'f-1', step: 'danger', value: 'no' }),
      'none',
      null,
      'state-unavailable:info-sharing',
    ],
    ['"no", state unreadable', typed('no'), 'none', null, 'state-unavailable:unknown'],
    ['an age, state unreadable', typed('15'), 'none', null, 'state-unavailable:unknown'],
    [
      'ages the search would match, state unreadable',
      typed('19 and 22'),
      'none',
      null,
      'state-unavailable:unknown',
    ],
    ['"not sure", state unreadable', typed('not sure'), 'none', null, 'state-unavailable:unknown'],
    ['"start again", state unreadable', typed('start again'), 'none', null, 'state-unavailable:unknown'],
    ['"back", screening known', typed('back'), 'readOnly', screeningAt('q3'), 'state-unavailable:cserq4'],
    [
      '"screen" during a screening',
      typed('screen'),
      'readOnly',
      screeningAt('q4'),
      'state-unavailable:cserq4',
    ],
    [
      'a police-form statement, form known',
      typed('The information came from a neighbour last month'),
      'readOnly',
      formAt('information'),
      'state-unavailable:info-sharing',
    ],
  ])('%s', (_what, input, access, running, route) => {
    const p = plan(input, access, running);
    const text = allText(p);
    expect(text).toMatch(CANNOT_KEEP);
    expect(text).toMatch(TRY_AGAIN);
    expect(text).toContain(MASH);
    expect(text).toContain(DUTY_TEAM);
    expect(text).toMatch(CALL_999);
    expect(text).not.toMatch(ASKS_A_QUESTION);
    expect(p.decision.kind).toBe('needsState');
    expect(p.meta.route).toBe(route);
    expect(p.save).toBe(false);
  });

  it('999 typed into a free-text field comes first, and the field is not asked again', () => {
    const p = plan(
      typed('a man took a girl into his car, she was screaming'),
      'readOnly',
      formAt('information'),
    );
    expect(p.replies[0]!.text).toMatch(/call 999 now/);
    expect(allText(p)).toMatch(/can't carry on the information-sharing form just now/);
    expect(p.save).toBe(false);
  });

  it('a question mid-screening is answered, and the screening question is not asked again', () => {
    const p = plan(typed('what does MASH stand for'), 'readOnly', screeningAt('q3'));
    const text = allText(p);
    expect(text).toMatch(/Multi-Agency Safeguarding Hub/);
    expect(text).toMatch(/can't carry on the screening just now/);
    expect(text).toMatch(CALL_999);
    expect(text).not.toMatch(ASKS_A_QUESTION);
  });

  it('does not say an idle screening was cleared, because nothing can be cleared', () => {
    const longAgo = new Date(weekdayMorning.getTime() - 3 * 60 * 60_000);
    const p = plan(typed('no'), 'readOnly', screeningAt('q1'), weekdayMorning, longAgo);
    expect(allText(p)).not.toMatch(/cleared/);
    expect(p.meta.outcome).toBeUndefined();
  });
});

describe('with storage working, the same messages run as before', () => {
  it.each<[string, TurnInput, RunningFlow | null, string]>([
    ['"screen" starts a screening', typed('screen'), null, 'startFlow'],
    ['"no" answers question 1', typed('no'), screeningAt('q1'), 'flowAnswer'],
    ['"no" with nothing running is not found', typed('no'), null, 'answer'],
  ])('%s', (_what, input, running, kind) => {
    const p = plan(input, 'full', running);
    expect(p.decision.kind).toBe(kind);
    expect(p.save).toBe(true);
    expect(allText(p)).not.toMatch(CANNOT_KEEP);
  });
});
