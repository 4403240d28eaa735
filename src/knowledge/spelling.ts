/**
 * How practitioners type: text-speak ("cal", "numbr", "wkend", "tonite",
 * "14yo"), and typos. Text-speak is a fixed table of how people write
 * English on a phone, not curated content, so it lives here beside the code
 * that reads it. Typos are mended against a vocabulary (the content's own
 * words, or an intent's word list) with an edit distance that knows the
 * keyboard: hitting the key next to the right one, doubling a letter or
 * swapping two letters cost half an edit. Short words never flip into other
 * words: a word of three letters or fewer is only mended by doubling a letter
 * ("cal" → "call"), a four-letter word only by adding a missing letter.
 */
import { WordCache } from './wordCache';

/** One typed form and what it stands for; a value may be several words. */
export const TEXT_SPEAK: Readonly<Record<string, string>> = {
  // calling and numbers
  cal: 'call',
  cll: 'call',
  calin: 'calling',
  fone: 'phone',
  numbr: 'number',
  numbrs: 'numbers',
  nmbr: 'number',
  numba: 'number',
  num: 'number',
  nums: 'numbers',
  tel: 'telephone',
  deets: 'details',
  servs: 'services',
  // time
  wkend: 'weekend',
  wknd: 'weekend',
  wkends: 'weekends',
  wknds: 'weekends',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmrow: 'tomorrow',
  tmoro: 'tomorrow',
  '2moro': 'tomorrow',
  '2morrow': 'tomorrow',
  '2day': 'today',
  '2nite': 'tonight',
  '2night': 'tonight',
  tonite: 'tonight',
  tonigt: 'tonight',
  nite: 'night',
  hrs: 'hours',
  mins: 'minutes',
  xmas: 'christmas',
  hol: 'holiday',
  hols: 'holidays',
  rn: 'right now',
  asap: 'as soon as possible',
  // words of a question
  u: 'you',
  ur: 'your',
  r: 'are',
  y: 'why',
  hu: 'who',
  wat: 'what',
  wot: 'what',
  wht: 'what',
  wats: 'whats',
  wots: 'whats',
  hw: 'how',
  wen: 'when',
  wer: 'where',
  wher: 'where',
  whr: 'where',
  bout: 'about',
  abt: 'about',
  pls: 'please',
  plz: 'please',
  plse: 'please',
  thx: 'thanks',
  thnx: 'thanks',
  thanx: 'thanks',
  ty: 'thank you',
  cos: 'because',
  coz: 'because',
  cuz: 'because',
  bc: 'because',
  b4: 'before',
  thru: 'through',
  shd: 'should',
  shud: 'should',
  cud: 'could',
  wud: 'would',
  dnt: 'dont',
  w: 'with',
  wiv: 'with',
  ppl: 'people',
  sum1: 'someone',
  some1: 'someone',
  any1: 'anyone',
  sumthin: 'something',
  summat: 'something',
  nuthin: 'nothing',
  dunno: 'dont know',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  msg: 'message',
  msgs: 'messages',
  txt: 'text',
  txts: 'texts',
  // people
  gal: 'girl',
  bf: 'boyfriend',
  bfs: 'boyfriends',
  gf: 'girlfriend',
  yp: 'young person',
  yps: 'young people',
  yr: 'year',
  yrs: 'years',
  skl: 'school',
};

/** "14yo", "15yrs", "13y", "14yos" → the age and "year old": the age rules read the number. */
const AGE_TOKEN = /^(\d{1,2})(yo|yos|yr|yrs|y|yrold|yearold|yearolds)$/;
/** Digits that stand for words between words: "who 2 call", "number 4 tonight". */
const DIGIT_WORDS: ReadonlyMap<string, string> = new Map([
  ['2', 'to'],
  ['4', 'for'],
]);
/**
 * TEXT_SPEAK as a map for the lookups: typed words are fresh strings, and looking one up as an object key
 * costs V8 a string-table search each time (it was most of expandTextSpeak's time). A map also knows only
 * its own entries, so "constructor" is a word, not Object.prototype's constructor.
 */
const SPELT_OUT: ReadonlyMap<string, string> = new Map(Object.entries(TEXT_SPEAK));
const AGE_FOLLOWERS = new Set([
  'year',
  'years',
  'yr',
  'yrs',
  'yo',
  'y',
  'month',
  'months',
  'and',
  'or',
  'to',
]);

/**
 * Typed words with text-speak spelt out: words in, words out, so the caller
 * keeps its own tokenising. Ages in text-speak become "15 year old".
 */
export function expandTextSpeak(words: readonly string[]): string[] {
  const out: string[] = [];
  // Every turn spells out the same message several times (search, classifier, small talk, requests), so
  // each test runs only where it can apply: the age patterns only on a word starting with a digit, or
  // after a one- or two-digit number.
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const first = w.charCodeAt(0);
    const age = first >= 0x30 && first <= 0x39 ? AGE_TOKEN.exec(w) : null;
    if (age) {
      out.push(age[1]!, 'year', 'old');
      continue;
    }
    // "15 y o", "15 yo" and "two 14 yos": after a number these are "year old", not "why".
    const prev = words[i - 1];
    if (
      (w === 'yo' || w === 'yos' || (w === 'y' && words[i + 1] === 'o')) &&
      prev !== undefined &&
      /^\d{1,2}$/.test(prev)
    ) {
      out.push('year', 'old');
      continue;
    }
    if (w === 'o' && words[i - 1] === 'y' && words[i - 2] !== undefined && /^\d{1,2}$/.test(words[i - 2]!)) {
      continue;
    }
    const digitWord = DIGIT_WORDS.get(w);
    if (digitWord !== undefined) {
      const next = words[i + 1];
      const between = prev !== undefined && !/^\d/.test(prev) && next !== undefined && !/^\d/.test(next);
      out.push(between && !AGE_FOLLOWERS.has(next) ? digitWord : w);
      continue;
    }
    const spelt = SPELT_OUT.get(w);
    if (spelt === undefined) out.push(w);
    else out.push(...spelt.split(' '));
  }
  return out;
}

/** QWERTY rows, for which keys are next to which. */
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const KEY_AT = new Map<string, [number, number]>();
ROWS.forEach((row, r) => [...row].forEach((ch, c) => KEY_AT.set(ch, [r, c + r * 0.5])));

export function adjacentKeys(a: string, b: string): boolean {
  const pa = KEY_AT.get(a);
  const pb = KEY_AT.get(b);
  if (!pa || !pb || a === b) return false;
  return Math.abs(pa[0] - pb[0]) <= 1 && Math.abs(pa[1] - pb[1]) <= 1;
}

/** The cost of each kind of slip: a near key, a doubled or dropped double letter and a swap are half a slip. */
const NEAR_KEY = 0.5;
const DOUBLE = 0.5;
const SWAP = 0.5;

/**
 * Edit distance from what was typed to a word, with keyboard-aware costs
 * (optimal string alignment: each letter is edited at most once).
 */
export function typingDistance(typed: string, word: string, keyboard = true): number {
  const n = typed.length;
  const m = word.length;
  let prev2 = new Float64Array(m + 1);
  let prev = Float64Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Float64Array(m + 1);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const a = typed[i - 1]!;
    for (let j = 1; j <= m; j++) {
      const b = word[j - 1]!;
      const sub = a === b ? 0 : keyboard && adjacentKeys(a, b) ? NEAR_KEY : 1;
      // Typing a letter twice, or once where the word has it twice, is a small slip.
      const del = keyboard && (typed[i - 2] === a || typed[i] === a) ? DOUBLE : 1;
      const ins = keyboard && (word[j - 2] === b || word[j] === b) ? DOUBLE : 1;
      let best = Math.min(prev[j - 1]! + sub, prev[j]! + del, cur[j - 1]! + ins);
      if (i > 1 && j > 1 && a === word[j - 2] && typed[i - 2] === b) {
        best = Math.min(best, prev2[j - 2]! + (keyboard ? SWAP : 1));
      }
      cur[j] = best;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/** How far a typed word may be from the word it is mended to: nothing for short words, more for long ones. */
export function allowedSlips(length: number): number {
  if (length <= 3) return 0.5;
  if (length === 4) return 1;
  return length < 8 ? 1 : 2;
}

/** And in how many separate slips: one below seven letters ("offer" is not "over"), two from seven. */
export function allowedEdits(length: number): number {
  return length < 7 ? 1 : 2;
}

/**
 * Mends words that are not in its vocabulary to the nearest one that is.
 * The vocabulary maps each word to how often it is used, which breaks ties
 * between equally near words.
 */
export class Speller {
  /** Candidates by first letter and length: typos rarely hit the first letter, and this keeps a look-up small. */
  private readonly buckets = new Map<string, string[]>();
  private readonly cache = new WordCache<string | null>();

  constructor(private readonly vocabulary: ReadonlyMap<string, number>) {
    for (const w of [...vocabulary.keys()].sort()) {
      if (w.length < 3 || /\d/.test(w)) continue;
      const key = `${w[0]}${w.length}`;
      const list = this.buckets.get(key) ?? [];
      list.push(w);
      this.buckets.set(key, list);
    }
  }

  has(word: string): boolean {
    return this.vocabulary.has(word);
  }

  /** The vocabulary word meant, the word itself when it is known, or null when nothing is near enough. */
  correct(word: string): string | null {
    if (this.vocabulary.has(word)) return word;
    if (word.length < 3 || /\d/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const max = allowedSlips(word.length);
    const edits = allowedEdits(word.length);
    let best: string | null = null;
    let bestCost = Infinity;
    let bestUse = -1;
    // Short words are only mended by a missing letter: "cal" is "call", "sing" is never "sign".
    const lengths = word.length <= 4 ? [word.length + 1] : range(word.length - edits, word.length + edits);
    for (const len of lengths) {
      for (const candidate of this.buckets.get(`${word[0]}${len}`) ?? []) {
        if (word.length <= 3 && !isDoubling(word, candidate)) continue;
        const cost = typingDistance(word, candidate);
        if (cost > max || cost > bestCost || typingDistance(word, candidate, false) > edits) continue;
        const use = this.vocabulary.get(candidate) ?? 0;
        if (cost < bestCost || use > bestUse) {
          best = candidate;
          bestCost = cost;
          bestUse = use;
        }
      }
    }
    this.cache.set(word, best);
    return best;
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** True when `word` is `typed` with one of its letters doubled: "cal" → "call". */
function isDoubling(typed: string, word: string): boolean {
  for (let i = 0; i < typed.length; i++) {
    if (`${typed.slice(0, i + 1)}${typed[i]}${typed.slice(i + 1)}` === word) return true;
  }
  return false;
}
