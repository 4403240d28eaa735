import { describe, expect, it } from 'vitest';
import { adjacentKeys, expandTextSpeak, Speller, typingDistance } from '../../src/knowledge/spelling';

const speller = new Speller(
  new Map(
    Object.entries({
      call: 5,
      number: 5,
      weekend: 3,
      grooming: 4,
      sign: 2,
      signs: 2,
      lines: 1,
      contact: 3,
      tonight: 1,
      exploitation: 2,
    }),
  ),
);

describe('typing distance', () => {
  it('knows which keys are next to each other', () => {
    expect(adjacentKeys('n', 'm')).toBe(true);
    expect(adjacentKeys('q', 'p')).toBe(false);
  });

  it('charges half a slip for a near key, a doubled letter or a swap', () => {
    expect(typingDistance('nunber', 'number')).toBe(0.5);
    expect(typingDistance('cal', 'call')).toBe(0.5);
    expect(typingDistance('contcat', 'contact')).toBe(0.5);
    expect(typingDistance('numqer', 'number')).toBe(1);
  });
});

describe('mending typos against a vocabulary', () => {
  it.each([
    ['cal', 'call'],
    ['numbr', 'number'],
    ['weeknd', 'weekend'],
    ['groomin', 'grooming'],
    ['contcat', 'contact'],
    ['lnes', 'lines'],
    ['exploitaton', 'exploitation'],
  ])('reads "%s" as "%s"', (typed, meant) => {
    expect(speller.correct(typed)).toBe(meant);
  });

  it.each(['sing', 'cat', 'dog', 'toner', 'offer', 'potatoes'])(
    'leaves "%s" alone: no short word flips',
    (w) => {
      expect(speller.correct(w)).toBeNull();
    },
  );
});

describe('text-speak', () => {
  it.each([
    ['who do i cal at the wkend', 'who do i call at the weekend'],
    ['ooh numbr 4 tonite', 'ooh number for tonight'],
    ['who 2 call tmrw', 'who to call tomorrow'],
    ['14yo with a 19 yr old bf', '14 year old with a 19 year old boyfriend'],
    ['two 14 yos swapped nudes', 'two 14 year old swapped nudes'],
    ['she is 15 y o', 'she is 15 year old'],
    ['a 4 year gap', 'a 4 year gap'],
  ])('spells out "%s"', (typed, meant) => {
    expect(expandTextSpeak(typed.split(' ')).join(' ')).toBe(meant);
  });

  it('reads the names of object properties as plain words', () => {
    // Looked up as object keys, "constructor" came back as Object.prototype.constructor, a function.
    expect(expandTextSpeak(['the', 'constructor', 'here', 'tostring', 'hasownproperty'])).toEqual([
      'the',
      'constructor',
      'here',
      'tostring',
      'hasownproperty',
    ]);
  });
});
