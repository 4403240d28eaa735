import { describe, expect, it } from 'vitest';
import { MAX_BUTTON_TITLE, parseCardAction, pressedLabel } from '../../src/cards/actions';
import { submit } from '../../src/cards/adaptive';

const ANSWER = { kind: 'answer', screening: 'screening-1', step: 'q1', value: 'no' } as const;

describe('reading a card submission', () => {
  it.each([
    ['msteams', { ...ANSWER, msteams: { type: 'messageBack', displayText: 'No' } }],
    ['msTeams', { ...ANSWER, msTeams: { type: 'messageBack' } }],
    ['MSTEAMS', { ...ANSWER, MSTEAMS: {} }],
    // What the Agents Playground sends when its page freeze is lifted: both spellings at once.
    ['msteams and msTeams together', { ...ANSWER, msteams: { type: 'messageBack' }, msTeams: {} }],
  ])('accepts a button whose data a client wrapped with %s', (_key, value) => {
    expect(parseCardAction(value)).toEqual(ANSWER);
  });

  it('accepts the data a button sends today: plain, with its title as the label', () => {
    const data = submit('No', ANSWER).data;
    expect(data).toEqual({ ...ANSWER, label: 'No' });
    expect(parseCardAction(data)).toEqual(ANSWER);
  });

  it('still rejects an unknown key that is not a client wrapper', () => {
    expect(parseCardAction({ ...ANSWER, msteamsx: {} })).toBeNull();
    expect(parseCardAction({ ...ANSWER, childAge: 15 })).toBeNull();
  });

  it('rejects what is not an object', () => {
    for (const value of [null, undefined, 'no', 3, true, [ANSWER]]) expect(parseCardAction(value)).toBeNull();
  });
});

describe('the title of the button pressed', () => {
  it('is the label a genuine button carries', () => {
    expect(
      pressedLabel(submit('Start a CSERQ4 screening', { kind: 'command', command: 'start-screening' }).data),
    ).toBe('Start a CSERQ4 screening');
    expect(pressedLabel({ ...ANSWER, label: "Why children don't tell" })).toBe("Why children don't tell");
  });

  it('is null for a submission that is not a valid action, whatever its label says', () => {
    expect(pressedLabel({ kind: 'answer', label: 'No' })).toBeNull();
    expect(pressedLabel({ ...ANSWER, value: 'maybe', label: 'No' })).toBeNull();
  });

  it('is null for a button with no label (data from an older card)', () => {
    expect(pressedLabel(ANSWER)).toBeNull();
  });

  it('is null for a label that could carry Markdown, a link or a mention, or is too long to be a title', () => {
    for (const label of [
      '**Yes**',
      '[Call](https://example.org)',
      '<at>Everyone</at>',
      'a'.repeat(MAX_BUTTON_TITLE + 1),
      '   ',
      'line\nbreak',
    ]) {
      expect(pressedLabel({ ...ANSWER, label })).toBeNull();
    }
  });
});
