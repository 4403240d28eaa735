/**
 * The identifier guard, as a table: what a question for the safeguarding
 * team may carry, and what is held back. Rows on the right of the line are
 * ordinary questions that must go through.
 */
import { describe, expect, it } from 'vitest';
import { describeIdentifiers, findIdentifiers, type Identifier } from '../../src/experts/guard';

const HELD_BACK: Array<[string, Identifier[]]> = [
  // Dates of birth, and dates that could be one
  ['Her DOB is 12/03/2012, is that under 13?', ['date-of-birth']],
  ['born 3rd May 2011, parents refuse consent', ['date-of-birth']],
  ['date of birth 01-09-10 and she is missing a lot', ['date-of-birth']],
  ['d.o.b. 4 June, she says the boyfriend is 19', ['date-of-birth']],
  ['He was born in 2012 and the partner is 20', ['date-of-birth']],
  ['what about a boy, birthday 14th of February, older friends', ['date-of-birth']],
  ['On 2024-11-03 she came back with a new phone', ['date-of-birth']],
  ['went missing on March 3, 2025 again', ['date-of-birth']],
  // Postcodes, any case, with or without the space
  ['they meet at a flat in PO1 2AB most nights', ['postcode']],
  ['lives near po12ab, is that in our area?', ['postcode']],
  ['the address is in SW1A 1AA', ['postcode']],
  // Phone numbers, and long numbers
  ['his number is 07700 900123, should I call him', ['phone']],
  ['mum gave me +44 7700 900123 to call', ['phone']],
  ['the landline is (01632) 960 000', ['phone']],
  ['NHS number 943 476 5919, can I share it with the school nurse?', ['id-number']],
  // Email addresses
  ['her email is amy.smith@example.com, can I forward it', ['email']],
  // Full names after "called" / "named"
  ['a girl called Amy Smith keeps going missing', ['name']],
  ['the boyfriend is named John Paul Jones', ['name']],
  ['a boy called jayden walker is being groomed', ['name']],
  ['her name is Chloe O’Brien and she is 14', ['name']],
  ['he goes by Big Mike online', ['name']],
  // Several at once, each said once, in a fixed order
  [
    'a girl called Amy Smith, DOB 12/03/2012, lives at PO4 8QX, phone 07700900123, amy@example.org',
    ['name', 'date-of-birth', 'postcode', 'phone', 'email'],
  ],
];

const LET_THROUGH: string[] = [
  'The parents refuse consent, what now?',
  'Is this enough for a referral? A 14-year-old with a 19-year-old boyfriend.',
  'I called the police yesterday and they said to call the MASH',
  'she called Childline last week',
  'Mum called social care and nobody came back to her',
  'a boy called me back later about his sister',
  'a girl called Amy says she is fine',
  'He is in Year 9 and goes missing after school',
  'I rang 999 and then 101, was that right?',
  'Childline is on 0800 1111, should I give it to her?',
  'the meeting is at 10.30 on Tuesday',
  'she is 15 and he is 22: is that CSE?',
  'we had a strategy meeting in 2023 about the family',
  'named on the referral as a concern, what next?',
  'the DSL and the MASH disagree, who decides?',
  'Someone called CSE Team said I should ask here',
  'what does PO mean on the form',
];

describe('the identifier guard', () => {
  it.each(HELD_BACK)('holds back %j', (question, kinds) => {
    expect(findIdentifiers(question)).toEqual(kinds);
  });

  it.each(LET_THROUGH)('lets %j through', (question) => {
    expect(findIdentifiers(question)).toEqual([]);
  });

  it('says what it found in a sentence', () => {
    expect(describeIdentifiers(['phone'])).toBe('a phone number');
    expect(describeIdentifiers(['name', 'date-of-birth', 'email'])).toBe(
      'a full name, a date of birth (or a date that could be one) and an email address',
    );
  });
});
