/**
 * The identifier guard: a question for the safeguarding team is read by
 * people in a Teams channel, so anything that could identify a child is held
 * back before it is kept or sent. It looks for the shapes of a date of birth,
 * a UK postcode, a phone number, a long reference number (an NHS number), an
 * email address and a full name given after "called" or "named".
 *
 * It errs towards holding back: a question held back by mistake costs the
 * practitioner one rewording; one let through puts a child's details in a
 * channel. Table-tested in tests/experts/guard.test.ts.
 */

export type Identifier = 'date-of-birth' | 'postcode' | 'phone' | 'id-number' | 'email' | 'name';

/** How the bot names each kind when it says why a question was held back. */
export const IDENTIFIER_WORDS: Record<Identifier, string> = {
  'date-of-birth': 'a date of birth (or a date that could be one)',
  postcode: 'a postcode',
  phone: 'a phone number',
  'id-number': 'a long number such as an NHS number',
  email: 'an email address',
  name: 'a full name',
};

const ORDER: Identifier[] = ['name', 'date-of-birth', 'postcode', 'phone', 'id-number', 'email'];

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/** The Royal Mail's postcode shape (outward code, space optional, inward code), any case. */
const POSTCODE = /\b(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/i;

const MONTH =
  '(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)';
const DAY = '(0?[1-9]|[12]\\d|3[01])(st|nd|rd|th)?';
const YEAR = '((19|20)\\d{2})';

/** A whole date: 12/03/2015, 12-3-15, 12.03.2015, 3rd May 2011, 3 of May 2011, May 3rd, 2011. */
const FULL_DATE = [
  /\b(0?[1-9]|[12]\d|3[01])[/.-](0?[1-9]|1[0-2])[/.-](\d{4}|\d{2})\b/,
  /\b(\d{4})[/.-](0?[1-9]|1[0-2])[/.-](0?[1-9]|[12]\d|3[01])\b/,
  new RegExp(`\\b${DAY}( of)? ${MONTH},? ${YEAR}\\b`, 'i'),
  new RegExp(`\\b${MONTH} ${DAY},? ${YEAR}\\b`, 'i'),
];

/** Words that say a date of birth follows: then a day and month, or a year, is enough. */
const BIRTH_MARKER = /\b(d\.?o\.?b\.?|date of birth|born|birthday|bday)\b/i;
const PART_DATE = [
  new RegExp(`\\b${DAY}( of)? ${MONTH}\\b`, 'i'),
  new RegExp(`\\b${MONTH} ${DAY}\\b`, 'i'),
  /\b(0?[1-9]|[12]\d|3[01])[/.-](0?[1-9]|1[0-2])\b/,
  new RegExp(`\\b${YEAR}\\b`),
];

/** Runs of digits with the separators people type in numbers: spaces, dashes, brackets and a leading "+44". */
const NUMBER_RUN = /\+?\d[\d\s().-]{6,}\d/g;

/**
 * Words that follow "called" or "named" without being a name: people and
 * services ("called the police", "called social care"), pronouns, family
 * words and the small words of ordinary sentences.
 */
const NOT_A_NAME = new Set(
  (
    'a an the this that these those it its me him her them us you my his their our your ' +
    'in on at to for by with out off up back round over about as and or but from into again ' +
    'police social care services service children childrens childline school college home ' +
    'mum mom dad mother father parent parents carer carers nan gran grandma grandad brother sister ' +
    'sick ambulance taxi doctor gp nurse someone somebody anyone anybody nobody everyone ' +
    'today yesterday tonight earlier later twice once several many lots names name number ' +
    'team operation duty officer worker manager lead teacher head so if when because who what ' +
    'which where why how was were is are be been being had has have did do does not no yes'
  ).split(' '),
);

const NAME_TRIGGER = /\b(called|named|name is|names are|known as|goes by)\s+/gi;
const WORD = /^[\p{L}][\p{L}'’-]*$/u;

const capitalised = (w: string) => /^\p{Lu}/u.test(w);

function looksLikeName(words: string[]): boolean {
  if (words.length < 2) return false;
  // "called Amy says…": a capitalised first name then a lower-case word is a sentence going on.
  if (capitalised(words[0]!) && !capitalised(words[1]!)) return false;
  return words.every((w) => {
    const bare = w.replace(/['’]s$/u, '');
    if (!WORD.test(bare) || bare.length < 2) return false;
    // An acronym (MASH, CSE, DSL) is an organisation or a term, not a person.
    if (bare.length > 1 && bare === bare.toUpperCase()) return false;
    return !NOT_A_NAME.has(bare.toLowerCase().replace(/['’]/g, ''));
  });
}

function hasFullName(text: string): boolean {
  for (const match of text.matchAll(NAME_TRIGGER)) {
    const rest = text.slice(match.index + match[0].length);
    const words = rest.split(/[\s,.;:!?()"]+/).slice(0, 2);
    if (looksLikeName(words)) return true;
  }
  return false;
}

function hasDateOfBirth(text: string): boolean {
  if (FULL_DATE.some((re) => re.test(text))) return true;
  const marker = BIRTH_MARKER.exec(text);
  if (!marker) return false;
  // Only what follows the marker closely: "born ... 3 May", "DOB 2012".
  const near = text.slice(marker.index, marker.index + 40);
  return PART_DATE.some((re) => re.test(near));
}

function numbers(text: string): Identifier[] {
  const found: Identifier[] = [];
  for (const match of text.match(NUMBER_RUN) ?? []) {
    const digits = match.replace(/\D/g, '');
    const international = /^\+?\s*44/.test(match.trim()) || digits.startsWith('0044');
    if ((digits.startsWith('0') && digits.length >= 10 && digits.length <= 11) || international) {
      if (digits.length >= 10) found.push('phone');
    } else if (digits.length >= 9) {
      found.push('id-number');
    }
  }
  return found;
}

/** The kinds of identifier a message seems to carry, in a fixed order, each once; [] when none. */
export function findIdentifiers(text: string): Identifier[] {
  const found = new Set<Identifier>();
  if (EMAIL.test(text)) found.add('email');
  // An email address is not also read as a name or a number.
  const rest = text.replace(new RegExp(EMAIL.source, 'gu'), ' ');
  if (hasFullName(rest)) found.add('name');
  if (hasDateOfBirth(rest)) found.add('date-of-birth');
  if (POSTCODE.test(rest)) found.add('postcode');
  // Dates are not numbers to count: "12/03/2015 10:30" is not a phone number.
  for (const kind of numbers(rest.replace(/[/]/g, ' / '))) found.add(kind);
  return ORDER.filter((kind) => found.has(kind));
}

/** "a date of birth and a phone number". */
export function describeIdentifiers(kinds: Identifier[]): string {
  const words = kinds.map((k) => IDENTIFIER_WORDS[k]);
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
