/**
 * Asking the safeguarding team, as a pure state machine: each row is a state,
 * what the practitioner does, and where that leads.
 */
import { describe, expect, it } from 'vitest';
import { askExpertEntry, wantsExpert, wantsToSetExpertChannel } from '../../src/experts/entry';
import {
  ASK_INTRO,
  askPrompt,
  continueAsking,
  MAX_QUESTION_CHARS,
  startAsking,
  type AskInput,
  type AskState,
} from '../../src/experts/flow';
import { referenceFor } from '../../src/experts/reference';
import { loadAreaContacts } from '../../src/contacts/load';
import { card, submit, text } from '../../src/cards/adaptive';
import { withAskButton } from '../../src/experts/words';
import { TICKET_REFERENCE } from '../../src/cards/actions';
import { expectTeamsCard } from '../helpers/cards';

const QUESTION = 'The parents refuse consent for a referral, what should I do now?';
const asking: AskState = { id: 'run-1', ref: referenceFor('run-1'), step: 'question' };
const confirming: AskState = { ...asking, step: 'confirm', question: QUESTION };

const typed = (text: string): AskInput => ({ text });
const pressed = (value: 'send' | 'change' | 'cancel', ask = 'run-1'): AskInput => ({
  action: { kind: 'ask', ask, value },
});

type Expect = { step: AskState['step']; question?: string; lead?: RegExp } | { ended: 'send' | 'cancelled' };

const ROWS: Array<[string, AskState, AskInput, Expect]> = [
  ['a question goes to confirmation', asking, typed(QUESTION), { step: 'confirm', question: QUESTION }],
  [
    'a question with a question mark is still the question',
    asking,
    typed('Is this enough for a referral?'),
    { step: 'confirm' },
  ],
  [
    'a date of birth is held back, and not kept',
    asking,
    typed('DOB 12/03/2012: is that under 13?'),
    { step: 'question', lead: /not sent or kept that: it looks like it contains a date of birth/ },
  ],
  [
    'a name and a phone number are held back together',
    asking,
    typed('a girl called Amy Smith gave me 07700 900123'),
    { step: 'question', lead: /a full name and a phone number/ },
  ],
  [
    'a postcode is held back',
    asking,
    typed('they meet in PO1 2AB, what now?'),
    { step: 'question', lead: /a postcode/ },
  ],
  [
    'an email address is held back',
    asking,
    typed('she emails me from amy@example.org, ok?'),
    { step: 'question', lead: /an email address/ },
  ],
  ['too short to be a question', asking, typed('consent?'), { step: 'question', lead: /in a sentence/ }],
  [
    'too long',
    asking,
    typed('word '.repeat(MAX_QUESTION_CHARS / 4)),
    { step: 'question', lead: /please keep your question under 2,000/ },
  ],
  ['help at the question', asking, typed('help'), { step: 'question', lead: /as you would ask a colleague/ }],
  ['cancel at the question', asking, typed('cancel'), { ended: 'cancelled' }],
  ['the Cancel button at the question', asking, pressed('cancel'), { ended: 'cancelled' }],
  [
    'a Send button from another run',
    asking,
    pressed('send', 'run-0'),
    { step: 'question', lead: /earlier conversation/ },
  ],
  ['"send" at the confirmation', confirming, typed('send'), { ended: 'send' }],
  ['"yes please" at the confirmation', confirming, typed('yes please'), { ended: 'send' }],
  ['the Send button', confirming, pressed('send'), { ended: 'send' }],
  ['the Change button', confirming, pressed('change'), { step: 'question', lead: /again/ }],
  ['"change" typed', confirming, typed('change'), { step: 'question', lead: /again/ }],
  ['"back" typed', confirming, typed('back'), { step: 'question' }],
  ['"no" does not send', confirming, typed('no'), { step: 'question' }],
  ['cancel at the confirmation', confirming, typed('cancel'), { ended: 'cancelled' }],
  ['the Cancel button at the confirmation', confirming, pressed('cancel'), { ended: 'cancelled' }],
  [
    'help at the confirmation',
    confirming,
    typed('help'),
    { step: 'confirm', lead: /nothing is sent until you choose Send/ },
  ],
  [
    'a new question typed at the confirmation replaces the old one',
    confirming,
    typed('Actually: who decides if the DSL and the MASH disagree?'),
    { step: 'confirm', question: 'Actually: who decides if the DSL and the MASH disagree?' },
  ],
  [
    'a new question with an identifier, at the confirmation, drops both',
    confirming,
    typed('her number is 07700 900123, can I call?'),
    { step: 'question', lead: /a phone number/ },
  ],
  [
    'a Send button from another run, at the confirmation',
    confirming,
    pressed('send', 'run-0'),
    { step: 'confirm', lead: /earlier/ },
  ],
];

describe('asking the safeguarding team: the pure flow', () => {
  it('starts by saying who will see the question, that it is not for emergencies, and what not to type', () => {
    const turn = startAsking('run-1');
    expect(turn.state).toEqual(asking);
    expect(turn.replies[0]!.text).toBe(ASK_INTRO);
    expect(ASK_INTRO).toMatch(/seen|sees it/);
    expect(ASK_INTRO).toMatch(/safeguarding team/);
    expect(ASK_INTRO).toMatch(/call 999/);
    expect(ASK_INTRO).toMatch(/do not identify the child: no name, date of birth, address, postcode/);
  });

  it.each(ROWS)('%s', (_name, state, input, expected) => {
    const turn = continueAsking(state, input);
    if ('ended' in expected) {
      expect(turn.state).toBeNull();
      expect(turn.end?.kind).toBe(expected.ended);
      if (expected.ended === 'send')
        expect(turn.end).toEqual({ kind: 'send', ref: asking.ref, owner: 'run-1', question: QUESTION });
      return;
    }
    expect(turn.state?.step).toBe(expected.step);
    expect(turn.state?.ref).toBe(asking.ref);
    if (expected.step === 'question') expect(turn.state?.question).toBeUndefined();
    if (expected.question) expect(turn.state?.question).toBe(expected.question);
    if (expected.lead) expect(turn.replies.map((r) => r.text).join('\n')).toMatch(expected.lead);
    for (const reply of turn.replies) if (reply.card) expectTeamsCard(reply.card);
  });

  it('shows the question back exactly as typed, never as Markdown, with buttons of at most 40 characters', () => {
    const question = 'Is **this** [a referral](https://example.org)? _really_ <b>now</b>';
    const reply = askPrompt({ ...confirming, question });
    expectTeamsCard(reply.card);
    const json = JSON.stringify(reply.card);
    // In the card: a TextRun, which Adaptive Cards never read as Markdown.
    expect(json).toContain(JSON.stringify({ type: 'TextRun', text: question }));
    expect(json.match(/example\.org/g)).toHaveLength(1);
    // In the text (clients without cards): every Markdown character escaped.
    expect(reply.text).toContain('Is \\*\\*this\\*\\* \\[a referral\\]\\(https://example\\.org\\)?');
    const titles = (reply.card!.actions ?? []).map((a) => a.title);
    expect(titles).toEqual(['Send to the safeguarding team', 'Change my question', 'Cancel']);
    for (const title of titles) expect(title.length).toBeLessThanOrEqual(40);
  });

  it('gives every run its own short reference, the same on every turn of the run', () => {
    const refs = new Set(Array.from({ length: 200 }, (_, i) => referenceFor(`run-${i}`)));
    expect(refs.size).toBe(200);
    for (const ref of refs) expect(ref).toMatch(TICKET_REFERENCE);
    expect(startAsking('run-7').state!.ref).toBe(referenceFor('run-7'));
  });

  it('asks the shell to post the ticket only when the practitioner sends it', () => {
    const contacts = loadAreaContacts();
    const now = new Date('2026-11-25T10:30:00Z');
    const sent = continueAsking(confirming, typed('send'));
    expect(askExpertEntry.flow.endEffect!(sent.end, { contacts, now, userName: 'Sam Practitioner' })).toEqual(
      {
        kind: 'send-to-experts',
        ref: asking.ref,
        owner: 'run-1',
        question: QUESTION,
        askerName: 'Sam Practitioner',
        askedAt: now,
      },
    );
    const cancelled = continueAsking(confirming, typed('cancel'));
    expect(askExpertEntry.flow.endEffect!(cancelled.end, { contacts, now })).toBeNull();
    expect(askExpertEntry.flow.endReplies(sent.end, { contacts, now })[0]!.text).toMatch(
      new RegExp(`^\\*\\*Sent to the safeguarding team\\*\\*[^]*${asking.ref}`),
    );
  });

  it.each([
    ['ask an expert', true],
    ['Ask the safeguarding team', true],
    ['can I ask an expert?', true],
    ['I want to ask the safeguarding team a question', true],
    ['send my question to the safeguarding team', true],
    ['what does the safeguarding team do', false],
    ['expert witness', false],
    ['ask the MASH', false],
  ])('"%s" asks to start it: %s', (text, expected) => {
    expect(wantsExpert(text)).toBe(expected);
  });

  it.each([
    ['set expert channel', true],
    ['Set the expert channel', true],
    ['set this as the expert channel please', true],
    ['set expert channel for the team', false],
    ['what is the expert channel', false],
  ])('"%s" sets the channel: %s', (text, expected) => {
    expect(wantsToSetExpertChannel(text)).toBe(expected);
  });
});

describe('the hand-off offered on answers', () => {
  it('adds the button to the action row, or on a row of its own when the row is full', () => {
    const button = (i: number) => submit(`Topic ${i}`, { kind: 'topic', id: `topic-${i}` });
    const few = withAskButton({ text: 'An answer.', card: card([text('An answer.')], [button(1)]) });
    expect(few.card!.actions!.map((a) => a.title)).toEqual(['Topic 1', 'Ask the safeguarding team']);
    expect(few.text).toMatch(/type "ask an expert"\.$/);
    const full = withAskButton({
      text: 'An answer.',
      card: card([text('An answer.')], [1, 2, 3, 4, 5].map(button)),
    });
    expect(full.card!.actions).toHaveLength(5);
    expect(full.card!.body.at(-1)).toMatchObject({
      type: 'ActionSet',
      actions: [{ title: 'Ask the safeguarding team' }],
    });
    expectTeamsCard(full.card);
  });
});
