/**
 * The screening state machine on its own, without botbuilder: the extra question for 17-year-olds is
 * one more step, asked only when the form's allowance could apply, and back and start again cross it.
 */
import { describe, expect, it } from 'vitest';
import type { ScreeningAnswerAction } from '../../src/cards/actions';
import {
  continueScreening,
  startScreening,
  type ScreeningState,
  type ScreeningTurn,
} from '../../src/screening/flow';

const ids = () => {
  let n = 0;
  return () => `screening-${++n}`;
};

/** Types each answer in turn from a new screening; returns the last turn. */
function typed(answers: string[]): ScreeningTurn {
  const newId = ids();
  let turn = startScreening(newId());
  for (const text of answers) turn = continueScreening(turn.state!, { text }, newId);
  return turn;
}

const button = (state: ScreeningState, value: ScreeningAnswerAction['value']) =>
  continueScreening(
    state,
    { action: { kind: 'answer', screening: state.id, step: state.step, value } },
    ids(),
  );

const TO_Q4_17 = (partner: string) => ['no', '17', 'yes', partner, 'no'];

describe('the extra question for 17-year-olds', () => {
  it.each([
    ['17, gap 6, all "no"', [...TO_Q4_17('23'), 'no'], true],
    ['17, gap 4, question 1 not sure', ['not sure', '17', 'yes', '21', 'no', 'no'], true],
    ['17, gap 7', [...TO_Q4_17('24'), 'no'], false],
    ['17, gap 3', [...TO_Q4_17('20'), 'no'], false],
    ['17, gap 5, question 3 "yes"', ['no', '17', 'yes', '22', 'yes', 'no'], false],
    ['17, gap 5, question 4 "yes"', [...TO_Q4_17('22'), 'yes'], false],
    ['17, partner age not known', [...TO_Q4_17("don't know"), 'no'], false],
    ['17, no partner', ['no', '17', 'no', 'no', 'no'], false],
    ['16, gap 5', ['no', '16', 'yes', '21', 'no', 'no'], false],
  ])('%s: asked %s', (_name, answers, asked) => {
    const turn = typed(answers);
    if (asked) {
      expect(turn.state?.step).toBe('otherSigns');
      expect(turn.end).toBeUndefined();
    } else {
      expect(turn.state).toBeNull();
      expect(turn.end?.kind).toBe('completed');
    }
  });

  it.each([
    ['yes', 'yes', 'referral'],
    ['y', 'yes', 'referral'],
    ['no', 'no', 'no-referral'],
    ['nope', 'no', 'no-referral'],
    ['not sure', 'unknown', 'incomplete'],
    ["don't know", 'unknown', 'incomplete'],
  ])('typed "%s" is recorded as %s and gives %s', (answer, recorded, outcome) => {
    const turn = typed([...TO_Q4_17('23'), 'no', answer]);
    expect(turn.end).toMatchObject({
      kind: 'completed',
      answers: { otherIndicators: recorded },
      result: { outcome },
    });
  });

  it.each([
    ['yes', 'referral'],
    ['no', 'no-referral'],
    ['unknown', 'incomplete'],
  ] as const)('the %s button gives %s', (value, outcome) => {
    const asked = typed([...TO_Q4_17('23'), 'no']);
    expect(button(asked.state!, value).end).toMatchObject({ result: { outcome } });
  });

  it('ignores a button from question 4 while the extra question is showing', () => {
    const asked = typed([...TO_Q4_17('23'), 'no']);
    const stale = continueScreening(
      asked.state!,
      { action: { kind: 'answer', screening: asked.state!.id, step: 'q4', value: 'yes' } },
      ids(),
    );
    expect(stale.state?.step).toBe('otherSigns');
    expect(stale.replies[0]!.text).toMatch(/That button is from an earlier question/);
  });

  it('goes back to question 4 and forgets the answers from there on', () => {
    const asked = typed([...TO_Q4_17('23'), 'no']);
    const back = continueScreening(asked.state!, { text: 'back' }, ids());
    expect(back.state).toMatchObject({ step: 'q4', answers: { childAge: 17, partnerAges: [23] } });
    expect(back.state!.answers).not.toHaveProperty('unsafePlaces');
    expect(back.state!.answers).not.toHaveProperty('otherIndicators');
  });

  it('starts again from the extra question with nothing kept', () => {
    const asked = typed([...TO_Q4_17('23'), 'no']);
    const again = continueScreening(asked.state!, { text: 'start again' }, () => 'fresh');
    expect(again.state).toMatchObject({ id: 'fresh', step: 'q1', answers: {}, history: [] });
  });

  it('says why it is asking, and that the question is for the practitioner', () => {
    const text = typed([...TO_Q4_17('22'), 'no'])
      .replies.map((r) => r.text)
      .join('\n');
    expect(text).toMatch(
      /One more question, because the young person is 17 and the age difference is 5 years/,
    );
    expect(text).toMatch(/This one is for you, not the young person/);
    expect(text).toMatch(
      /in the absence of any other risk indicators, an age difference of up to 6 years may be acceptable/,
    );
  });
});

describe("question 2's parts speak to the young person, as the form's question does", () => {
  it.each([
    [['no'], /How old are you\?/],
    [['no', '15'], /Do you have a partner, or person\(s\) you have sex with\?/],
    [['no', '15', 'yes'], /How old is your partner or the person\(s\) you have sex with\?/],
  ])('after %j', (answers, question) => {
    const text = typed(answers)
      .replies.map((r) => r.text)
      .join('\n');
    expect(text).toMatch(question);
    expect(text).not.toMatch(/\b(they|their|them)\b.*\?/);
  });
});
