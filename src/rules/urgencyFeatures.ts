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

import { spaceRuns } from './spaceRuns';

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
  return ` ${otherAsSpace(
    text
      .slice(0, maxChars)
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’‘`']/g, ''),
  ).trim()} `;
}

/** Every run of anything but letters and digits, as one space. */
const otherAsSpace = spaceRuns('^\\p{L}\\p{N}', 'u');

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
 * Counting space, reused by every call (the net runs on every message, so it
 * allocates nothing per message; single-threaded, so sharing it is safe).
 * A small open-addressing table from bucket to its place in `touched`, sized
 * to the message rather than to the model's 2^bits buckets: a table as large
 * as the model (1 to 2 MB) was touched at a couple of hundred random places
 * per message, and on a busy server, with the rest of the turn in between,
 * each was a cache miss. Buckets are FNV hashes, so their low bits spread.
 */
let slots = new Int32Array(1024);
/**
 * The buckets counted in the current block, in the order first seen (the first `distinct` of them);
 * counts[k] and slotOf[k] go with touched[k]. Typed arrays with a count: emptying a plain array by
 * setting its length frees its storage, and every message then grew it again.
 */
let touched = new Int32Array(512);
let distinct = 0;
let counts = new Uint32Array(512);
let slotOf = new Int32Array(512);
/** Where each word of the normalised message starts and ends, reused like the table. */
let wordStarts = new Int32Array(256);
let wordEnds = new Int32Array(256);

/** Makes room for a block of up to `most` distinct buckets, with the table at most half full. */
function reserve(most: number): void {
  let size = slots.length;
  while (size < 2 * most) size *= 2;
  if (size !== slots.length) slots = new Int32Array(size);
  if (counts.length < most) {
    touched = new Int32Array(most);
    counts = new Uint32Array(most);
    slotOf = new Int32Array(most);
  }
}

function count(bucket: number): void {
  const mask = slots.length - 1;
  let slot = bucket & mask;
  for (;;) {
    const at = slots[slot]!;
    if (at === 0) break;
    if (touched[at - 1] === bucket) {
      counts[at - 1]! += 1;
      return;
    }
    slot = (slot + 1) & mask;
  }
  const k = distinct++;
  touched[k] = bucket;
  counts[k] = 1;
  slotOf[k] = slot;
  slots[slot] = k + 1;
}

/** Empties the table and the block. */
function clearBlock(): void {
  for (let k = 0; k < distinct; k++) slots[slotOf[k]!] = 0;
  distinct = 0;
}

/** The scale that L2-normalises the counted block and multiplies it by weight. */
function blockScale(weight: number): number {
  let sq = 0;
  for (let k = 0; k < distinct; k++) sq += counts[k]! * counts[k]!;
  return sq === 0 ? 0 : weight / Math.sqrt(sq);
}

/** Moves the counted block into out, L2-normalised and scaled, in first-seen order; clears the table. */
function flushBlock(out: Features, weight: number): void {
  const scale = blockScale(weight);
  for (let k = 0; k < distinct; k++) {
    out.index.push(touched[k]!);
    out.value.push(counts[k]! * scale);
  }
  clearBlock();
}

/**
 * Adds the counted block's contribution to a linear score, feature by feature
 * in the order flushBlock would list them, so the sum is bit for bit the one
 * a Features vector gives; clears the table.
 */
function scoreBlock(z: number, weights: Float64Array, weight: number): number {
  const scale = blockScale(weight);
  // The block's arrays as constants: read from the module's reassignable bindings inside the loop, their
  // type was not known there, and every term added to the score was boxed on the heap (3 KB a message).
  const buckets = touched;
  const counted = counts;
  const n = distinct;
  for (let k = 0; k < n; k++) z += weights[buckets[k]!]! * (counted[k]! * scale);
  clearBlock();
  return z;
}

/**
 * The bucket mask, with room for t's blocks: a block has at most one bucket
 * per n-gram, and a text of L characters has fewer than L n-grams of each length.
 */
function prepare(t: string, settings: FeatureSettings): number {
  const lengths = Math.max(
    settings.wordNgrams[1] - settings.wordNgrams[0] + 1,
    settings.charNgrams[1] - settings.charNgrams[0] + 1,
  );
  reserve(lengths * (t.length + 1));
  return (1 << settings.bits) - 1;
}

/** Counts the word n-grams of t (normalised): each span of consecutive words, joined by single spaces as in t. */
function countWords(t: string, settings: FeatureSettings, mask: number): void {
  if (wordStarts.length < t.length) {
    wordStarts = new Int32Array(t.length);
    wordEnds = new Int32Array(t.length);
  }
  let starts = 0;
  let ends = 0;
  for (let i = 1; i < t.length; i++) {
    const before = t.charCodeAt(i - 1) === SPACE;
    const here = t.charCodeAt(i) === SPACE;
    if (before && !here) wordStarts[starts++] = i;
    if (!before && here) wordEnds[ends++] = i;
  }
  const [wMin, wMax] = settings.wordNgrams;
  for (let n = wMin; n <= wMax; n++) {
    for (let i = 0; i + n <= starts; i++)
      count(fnv(t, wordStarts[i]!, wordEnds[i + n - 1]!, WORD_SEED + n) & mask);
  }
}

/** Counts the character n-grams of t (normalised). */
function countChars(t: string, settings: FeatureSettings, mask: number): void {
  const [cMin, cMax] = settings.charNgrams;
  for (let n = cMin; n <= cMax; n++) {
    for (let i = 0; i + n <= t.length; i++) count(fnv(t, i, i + n, CHAR_SEED + n) & mask);
  }
}

const SPACE = 0x20;

/**
 * The message's feature vector. Word and character blocks are counted
 * separately, each L2-normalised and scaled, so a long message does not
 * outweigh a short one and neither block drowns the other. An index may
 * appear in both blocks (a hash collision); scoring simply adds both.
 */
export function extractFeatures(text: string, settings: FeatureSettings): Features {
  const t = normaliseMessage(text, settings.maxChars);
  const mask = prepare(t, settings);
  const out: Features = { index: [], value: [] };
  countWords(t, settings, mask);
  flushBlock(out, settings.wordWeight);
  countChars(t, settings, mask);
  flushBlock(out, settings.charWeight);
  return out;
}

/**
 * bias + the dot product of weights with extractFeatures(text), for a message
 * already normalised by normaliseMessage, without building the vector: the
 * same products added in the same order, so the same number to the last bit.
 * The 999 net runs this on every message.
 */
export function scoreNormalised(
  t: string,
  settings: FeatureSettings,
  weights: Float64Array,
  bias: number,
): number {
  const mask = prepare(t, settings);
  countWords(t, settings, mask);
  let z = scoreBlock(bias, weights, settings.wordWeight);
  countChars(t, settings, mask);
  z = scoreBlock(z, weights, settings.charWeight);
  return z;
}
