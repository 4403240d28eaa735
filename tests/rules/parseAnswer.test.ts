import { describe, expect, it } from 'vitest';
import { parseAge, parseAges, parseTristate } from '../../src/rules/parseAnswer';

const CHILD = { min: 0, max: 120, what: "the young person's age" };
const PARTNER = { min: 0, max: 120, what: "the partner's age" };

describe('typed yes / no / not sure', () => {
  it.each([
    ['yes', 'yes'],
    ['Y', 'yes'],
    ['yeah', 'yes'],
    ['Yep!', 'yes'],
    ['no', 'no'],
    ['N', 'no'],
    ['nope', 'no'],
    ['not sure', 'unknown'],
    ['Unsure', 'unknown'],
    ["don't know", 'unknown'],
    ['don’t know', 'unknown'],
    ['dk', 'unknown'],
    ['banana', null],
    ['16', null],
    ['', null],
  ])('reads "%s" as %s', (input, expected) => {
    expect(parseTristate(input)).toBe(expected);
  });
});

describe('one age', () => {
  it.each([
    ['16', 16],
    ['sixteen', 16],
    ['Sixteen', 16],
    ['16 years old', 16],
    ['about 15', 15],
    ['15yo', 15],
    ['0', 0],
    ['17', 17],
    ['25', 25],
  ])('reads "%s" as %i', (input, expected) => {
    expect(parseAge(input, CHILD)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['abc', /couldn't read "abc" as an age/],
    ['-3', /cannot be negative/],
    ['200', /from 0 to 120/],
    ['16.5', /whole years/],
    ['', /as a number/],
  ])('says what is expected for "%s"', (input, message) => {
    const result = parseAge(input, CHILD);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe("partners' ages", () => {
  it.each([
    ['19', [19]],
    ['19 and 22', [19, 22]],
    ['19, 22', [19, 22]],
    ['nineteen and twenty two', [19, 22]],
    ['twenty-two', [22]],
    ['19 22', [19, 22]],
    ['one hundred and five', [105]],
  ])('reads "%s"', (input, expected) => {
    expect(parseAges(input, PARTNER)).toEqual({ ok: true, value: expected });
  });

  it.each([['abc'], ['19 and abc'], ['-3'], ['200'], ['16.5'], ['20s']])('rejects "%s"', (input) => {
    expect(parseAges(input, PARTNER).ok).toBe(false);
  });
});
