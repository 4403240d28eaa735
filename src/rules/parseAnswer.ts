/**
 * Reading what a practitioner types during a screening: yes/no/not sure, and
 * ages given as digits or words. Pure functions with table tests; a failure
 * carries the sentence the bot shows, so every client says the same thing.
 */
import type { Tristate } from './cserq4';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}'.\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const YES = new Set([
  'yes',
  'y',
  'yeah',
  'yep',
  'yup',
  'yea',
  'ya',
  'aye',
  'true',
  'correct',
  'they have',
  'yes they have',
]);
const NO = new Set([
  'no',
  'n',
  'nope',
  'nah',
  'no they have not',
  "no they haven't",
  'false',
  'never',
  'none',
]);
const UNSURE = new Set([
  'not sure',
  'unsure',
  "don't know",
  'dont know',
  'do not know',
  'dk',
  'dunno',
  'idk',
  'not known',
  'unknown',
  "i don't know",
  'i dont know',
  "they don't know",
  'no idea',
  'maybe',
  "can't say",
  'cant say',
  '?',
]);

/** Yes / No / Not sure, typed or from a button. Returns null when it is none of them. */
export function parseTristate(text: string): Tristate | null {
  const t = normalise(text).replace(/[.!]+$/, '');
  if (YES.has(t)) return 'yes';
  if (NO.has(t)) return 'no';
  if (UNSURE.has(t) || text.trim() === '?') return 'unknown';
  return null;
}

/** "don't know" and friends, for questions whose answer is an age. */
export function saysNotKnown(text: string): boolean {
  return parseTristate(text) === 'unknown';
}

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Words that may surround an age without changing it: "he's about 19 years old". */
const FILLER = new Set([
  'about',
  'around',
  'roughly',
  'approx',
  'approximately',
  'maybe',
  'aged',
  'age',
  'is',
  'was',
  "he's",
  "she's",
  "they're",
  'hes',
  'shes',
  'theyre',
  'he',
  'she',
  'they',
  'are',
  'years',
  'year',
  'yrs',
  'yr',
  'old',
  'yo',
  'y.o',
  'y.o.',
  'just',
  'turned',
  'the',
  'partner',
  'boyfriend',
  'girlfriend',
  'ish',
]);

type Token = { kind: 'number'; value: number } | { kind: 'bad'; text: string };

function readNumberWords(words: string[]): number | null {
  // "twenty two", "twenty-two", "a hundred", "one hundred and five"
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w === 'and' && seen) continue;
    if (w === 'a' && !seen) {
      current = 1;
      continue;
    }
    if (w in UNITS) current += UNITS[w]!;
    else if (w in TENS) current += TENS[w]!;
    else if (w === 'hundred') current = (current || 1) * 100;
    else return null;
    seen = true;
  }
  total += current;
  return seen ? total : null;
}

function readAge(part: string): Token {
  const words = part
    .replace(/(\d)(yo|yrs?|y\.o\.?)\b/g, '$1 $2')
    .split(/[\s-]+/)
    .filter((w) => w !== '' && !FILLER.has(w));
  if (words.length === 0) return { kind: 'bad', text: part };
  if (words.length === 1 && /^[-+]?\d+(\.\d+)?$/.test(words[0]!)) {
    return { kind: 'number', value: Number(words[0]) };
  }
  if (words.length === 1 && /^\d+\+?$/.test(words[0]!.replace(/s$/, ''))) {
    // "19+" or "20s" is a range, not an age
    return { kind: 'bad', text: part };
  }
  const fromWords = readNumberWords(words);
  return fromWords === null ? { kind: 'bad', text: part } : { kind: 'number', value: fromWords };
}

export interface AgeRange {
  min: number;
  max: number;
  what: string;
}

function checkAge(value: number, range: AgeRange): Parsed<number> {
  if (!Number.isInteger(value)) {
    return { ok: false, error: `Please give ${range.what} in whole years, for example 16.` };
  }
  if (value < range.min || value > range.max) {
    return {
      ok: false,
      error: `${capitalise(range.what)} must be a whole number from ${range.min} to ${range.max}.`,
    };
  }
  return { ok: true, value };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One age, for example "16", "sixteen", "16 years old". */
export function parseAge(text: string, range: AgeRange): Parsed<number> {
  const t = normalise(text);
  if (t === '') return { ok: false, error: `Please type ${range.what} as a number, for example 16.` };
  if (/^-\s*\d/.test(t)) {
    return {
      ok: false,
      error: `${capitalise(range.what)} cannot be negative: please type a number of years.`,
    };
  }
  const token = readAge(t);
  if (token.kind === 'bad') {
    return {
      ok: false,
      error: `I couldn't read "${text.trim()}" as an age. Please type ${range.what} as a number, for example 16.`,
    };
  }
  return checkAge(token.value, range);
}

/**
 * One or more ages: "19", "19 and 22", "nineteen, twenty-two". The separators
 * are commas, "and", "&", "/" and ";"; inside a part "twenty two" is one age.
 */
export function parseAges(text: string, range: AgeRange): Parsed<number[]> {
  const t = normalise(text);
  if (t === '') return { ok: false, error: `Please type ${range.what} as a number, for example 19.` };
  if (/(^|[\s,])-\s*\d/.test(t)) {
    return {
      ok: false,
      error: `${capitalise(range.what)} cannot be negative: please type a number of years.`,
    };
  }
  const parts = t
    .split(/\s*(?:,|;|&|\/|\bor\b|\bplus\b)\s*|(?<!hundred)\s+and\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const ages: number[] = [];
  for (const part of parts) {
    // "19 22" with no separator: two ages in digits
    const digitRun = part.split(' ').filter((w) => !FILLER.has(w));
    if (digitRun.length > 1 && digitRun.every((w) => /^\d+$/.test(w))) {
      for (const w of digitRun) {
        const checked = checkAge(Number(w), range);
        if (!checked.ok) return checked;
        ages.push(checked.value);
      }
      continue;
    }
    const one = parseAge(part, range);
    if (!one.ok) return one;
    ages.push(one.value);
  }
  if (ages.length === 0)
    return { ok: false, error: `Please type ${range.what} as a number, for example 19.` };
  return { ok: true, value: ages };
}
