/**
 * The features the 999 classifier reads: hashed word 1-2-grams and character
 * 3-5-grams of the normalised message. Pure and deterministic: the same text
 * always gives the same features, on every machine, so training and scoring
 * agree bit for bit.
 *
 * Why these: word n-grams carry "gone missing", "right now", "last year";
 * character n-grams survive typing on a phone ("misssing", "tonite", "kife")
 * and share stems ("collect", "collecting"). Hashing (FNV-1a into a fixed
 * number of buckets) keeps the model a flat array with no vocabulary to load.
 */

export interface FeatureSettings {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Word n-gram lengths, inclusive. */
  wordNgrams: [number, number];
  /** Character n-gram lengths, inclusive. */
  charNgrams: [number, number];
  /** Scale of the word block and the character block; each block is L2-normalised first. */
  wordWeight: number;
  charWeight: number;
  /** Only the first this-many characters are read: a pasted essay cannot slow the net down. */
  maxChars: number;
}

/** Sparse feature vector: parallel arrays of bucket indices and values. */
export interface Features {
  index: number[];
  value: number[];
}

/**
 * Lower case, apostrophes dropped ("she's" → "shes"), every run of other
 * non-letters-or-digits to one space, padded with a space at each end so
 * character n-grams mark word starts and ends.
 */
export function normaliseMessage(text: string, maxChars: number): string {
  return ` ${text
    .slice(0, maxChars)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units of s[start, end), starting from a namespace seed. */
function fnv(s: string, start: number, end: number, seed: number): number {
  let h = seed;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Distinct seeds keep "ab" the word and "ab" the character gram in different buckets. */
const WORD_SEED = fnv('word', 0, 4, FNV_OFFSET);
const CHAR_SEED = fnv('char', 0, 4, FNV_OFFSET);

/**
 * Counting scratch space, one slot per bucket, reused by every call (the net
 * runs on every message, so it allocates no map per message). Only the
 * touched slots are read and then cleared, so a call costs what the message
 * has, not what the table holds. Single-threaded, so sharing it is safe.
 */
let scratch = new Float64Array(0);
const touched: number[] = [];

function count(index: number): void {
  if (scratch[index] === 0) touched.push(index);
  scratch[index]! += 1;
}

/** Moves the counted block into out, L2-normalised and scaled, in first-seen order; clears the scratch. */
function flushBlock(out: Features, weight: number): void {
  let sq = 0;
  for (const i of touched) sq += scratch[i]! * scratch[i]!;
  const scale = sq === 0 ? 0 : weight / Math.sqrt(sq);
  for (const i of touched) {
    out.index.push(i);
    out.value.push(scratch[i]! * scale);
    scratch[i] = 0;
  }
  touched.length = 0;
}

/**
 * The message's feature vector. Word and character blocks are counted
 * separately, each L2-normalised and scaled, so a long message does not
 * outweigh a short one and neither block drowns the other. An index may
 * appear in both blocks (a hash collision); scoring simply adds both.
 */
export function extractFeatures(text: string, settings: FeatureSettings): Features {
  const mask = (1 << settings.bits) - 1;
  if (scratch.length !== mask + 1) scratch = new Float64Array(mask + 1);
  const t = normaliseMessage(text, settings.maxChars);
  const out: Features = { index: [], value: [] };

  // Word n-grams: hash each span of consecutive words, joined by single spaces as in t.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 1; i < t.length; i++) {
    if (t[i - 1] === ' ' && t[i] !== ' ') starts.push(i);
    if (t[i - 1] !== ' ' && t[i] === ' ') ends.push(i);
  }
  const [wMin, wMax] = settings.wordNgrams;
  for (let n = wMin; n <= wMax; n++) {
    for (let i = 0; i + n <= starts.length; i++)
      count(fnv(t, starts[i]!, ends[i + n - 1]!, WORD_SEED + n) & mask);
  }
  flushBlock(out, settings.wordWeight);

  const [cMin, cMax] = settings.charNgrams;
  for (let n = cMin; n <= cMax; n++) {
    for (let i = 0; i + n <= t.length; i++) count(fnv(t, i, i + n, CHAR_SEED + n) & mask);
  }
  flushBlock(out, settings.charWeight);
  return out;
}
