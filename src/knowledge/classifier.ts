/**
 * A learned topic classifier beside the search: multinomial logistic
 * regression over the words and concepts the search already reads (stems
 * after spelling correction, synonym groups, glossary acronyms), word pairs,
 * the question's frame ("why", "who", "how do I"), the ages it gives and how
 * much of it the content has never seen.
 *
 * It is trained on practitioner-style questions and case descriptions written
 * by several writers (content/knowledge/training/) and on the topics' own
 * questions, and it is deterministic: full-batch training from zero weights
 * with a fixed number of steps, so `npm run kb -- train` rebuilds the
 * committed model (content/knowledge/classifier.json, whose format
 * classifierFile.ts describes) bit for bit, and a test checks that it does. Besides topic ids it knows the routes a question may
 * need instead ("~contacts", "~smalltalk", "~help", "~screening",
 * "~glossary", "~emergency") and "~none", a question the bot cannot answer.
 */
import { memoised } from '../memoised';
import { readCase } from './cases';
import type { PackedClassifier } from './classifierWeights';
import type { KnowledgeIndex } from './search';
import { expandTextSpeak } from './spelling';
import { askingSentenceOf, spokenWords, stem } from './text';

/** Labels that are not topic ids. */
export const ROUTE_LABELS = [
  '~contacts',
  '~smalltalk',
  '~help',
  '~screening',
  '~glossary',
  '~emergency',
  '~none',
] as const;
export type RouteLabel = (typeof ROUTE_LABELS)[number];

/** Labels whose words are not the domain's own: chat, questions about the bot, and everything else. */
const NOT_DOMAIN: ReadonlySet<string> = new Set(['~smalltalk', '~help', '~none']);
/** A word must weigh at least this much towards its topic to count as the domain's ("joke" does not). */
const DOMAIN_WEIGHT = 0.5;

/** Question words and frames that carry meaning the search drops as stopwords. */
const FRAME_WORDS = new Set([
  'why',
  'who',
  'whom',
  'how',
  'what',
  'when',
  'where',
  'which',
  'can',
  'could',
  'should',
  'is',
  'are',
  'does',
  'do',
  'will',
  'i',
  'we',
  'you',
  'she',
  'he',
  'they',
  'me',
  'my',
  'not',
  'no',
  'yes',
  'thanks',
  'thank',
  'hi',
  'hello',
  'bye',
  'ok',
  'okay',
  'please',
]);

const KNOWN_FLAGS = ['#known:0', '#known:1', '#known:2', '#known:3+'];
const UNKNOWN_FLAGS = ['#unknown:0', '#unknown:1', '#unknown:2', '#unknown:3+'];

/**
 * A feature's kind, written before its colon: head word, concept, pair of heads, first words, frame, raw
 * word, last words, words of the asking sentence.
 */
export type FeaturePrefix = 'w' | 'c' | 'b' | 'f' | 'q' | 'r' | 'l' | 'e';

/**
 * What a reading of the features goes to. The features are strings ("w:groom",
 * "b:warn_sign", "#case"), but the classifier only needs each one's row of
 * weights, so it takes them in parts and never builds the strings; the
 * trainer, and any reader that wants the strings, uses `questionFeatures`.
 */
export interface FeatureSink {
  /** The feature `${prefix}:${word}`. */
  word(prefix: FeaturePrefix, word: string): void;
  /** The feature `${prefix}:${first}_${second}`. */
  pair(prefix: FeaturePrefix, first: string, second: string): void;
  /** A feature spelt out in full ("#case", "#known:2"). */
  flag(name: string): void;
}

/**
 * The sentence that asks (the last one ending in "?", else the last one) of a message of more than one
 * sentence: a case description's words say what happened, the asking sentence's words what the writer
 * wants ("should I report him?", "what now", "is this CSE?"). Its words (stemmed, text-speak spelt out,
 * stopwords kept) are features of their own, "e:report". Long case descriptions hold most of the
 * classifier's misses; over the training writers, left out five groups at a time, these features took
 * the knowledge answer from 94.03% to 94.31% right (character n-grams and prefixes of unknown words,
 * skip-bigrams and the last six words of a one-sentence message did not help); on round 14's corpus they
 * gained the validation writers 15 lines and the retired held-out files 11.
 */
function askingSentence(question: string, sink: FeatureSink): void {
  const asking = askingSentenceOf(question);
  if (asking === null) return;
  const typed = asking
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  for (const w of expandTextSpeak(typed)) if (!/^\d+$/.test(w)) sink.word('e', stem(w));
}

function sizeBucket(n: number): number {
  return n >= 3 ? 3 : n;
}

/**
 * The features of a question, in the order they are first met, each given to
 * the sink (a feature may be given more than once; it counts once). The one
 * reading of a question's features, for training questions and questions put
 * to the bot alike.
 */
export function readFeatures(question: string, index: KnowledgeIndex, sink: FeatureSink): void {
  const units = index.analyse(question);
  let known = 0;
  let unknown = 0;
  for (const unit of units) {
    const head = unit[0];
    if (head === undefined) continue;
    sink.word('w', head);
    let isKnown = index.knows(head);
    for (let i = 1; i < unit.length; i++) {
      sink.word('c', unit[i]!);
      if (!isKnown && index.knows(unit[i]!)) isKnown = true;
    }
    if (isKnown) known++;
    else unknown++;
  }
  // The pairs of consecutive heads come after every head and concept.
  let previous: string | undefined;
  for (const unit of units) {
    const head = unit[0];
    if (head === undefined) continue;
    if (previous !== undefined) sink.pair('b', previous, head);
    previous = head;
  }

  const raw = spokenWords(question);
  const first = raw[0];
  if (first !== undefined) sink.word('f', first);
  if (raw[1] !== undefined && first !== undefined) sink.pair('f', first, raw[1]);
  for (const w of raw) if (FRAME_WORDS.has(w)) sink.word('q', w);
  for (let i = 0; i + 1 < raw.length; i++) {
    if (FRAME_WORDS.has(raw[i]!) && FRAME_WORDS.has(raw[i + 1]!)) sink.pair('q', raw[i]!, raw[i + 1]!);
  }
  // The words as typed (text-speak spelt out), stopwords too: "she", "they", "me" and "not" say whose
  // problem it is; measured by leave-one-writer-out, they add about a point.
  for (const w of raw) sink.word('r', w);
  for (let i = Math.max(0, raw.length - 3); i < raw.length; i++)
    if (FRAME_WORDS.has(raw[i]!)) sink.word('l', raw[i]!);

  askingSentence(question, sink);

  const facts = readCase(question);
  if (facts.isCase) sink.flag('#case');
  if (facts.describesYoungPerson) sink.flag('#young-person');
  if (facts.partnerMentioned) sink.flag('#partner');
  if (facts.childAge !== null) {
    sink.flag(
      facts.childAge < 13 ? '#child-under-13' : facts.childAge < 16 ? '#child-13-15' : '#child-16-17',
    );
  }
  if (facts.partnerAges.length > 0) sink.flag('#age-gap');
  if (facts.ages.some((a) => a >= 18) && facts.childAge === null) sink.flag('#adult-age');

  sink.flag(KNOWN_FLAGS[sizeBucket(known)]!);
  sink.flag(UNKNOWN_FLAGS[sizeBucket(unknown)]!);
  if (unknown > known) sink.flag('#mostly-unknown');
  sink.flag(raw.length <= 4 ? '#length:short' : raw.length <= 14 ? '#length:medium' : '#length:long');
}

/**
 * The features of a question as strings, each once, in the order first met:
 * what the trainer counts and the model's rows are named by.
 */
export function questionFeatures(question: string, index: KnowledgeIndex): string[] {
  const out = new Set<string>();
  readFeatures(question, index, {
    word: (prefix, word) => out.add(`${prefix}:${word}`),
    pair: (prefix, first, second) => out.add(`${prefix}:${first}_${second}`),
    flag: (name) => out.add(name),
  });
  return [...out];
}

export interface Prediction {
  label: string;
  probability: number;
}

/**
 * The model's rows found by the parts of each feature rather than by its
 * string, and the rows a question's features name, collected as a
 * `FeatureSink`. Looking a feature up by its parts finds exactly the row its
 * string names: "prefix:word" is found under the prefix by the word, and a
 * pair "prefix:first_second" under the prefix by first then second, for every
 * underscore the name has (so a word that holds one is found too). Under a
 * server's load, building 60-odd feature strings a question, each flattened,
 * hashed and compared with the map's keys, cost more than the sums.
 */
class FeatureRows implements FeatureSink {
  private readonly words = new Map<string, Map<string, number>>();
  private readonly pairs = new Map<string, Map<string, Map<string, number>>>();
  private readonly flags = new Map<string, number>();
  /** Which question last took each row (by row number), so a feature given twice counts once. */
  private readonly takenBy: Uint32Array;
  private question = 0;
  /** The rows found, in the order their features were first given; `found` of them. */
  rows: Int32Array;
  found = 0;

  constructor(
    names: readonly string[],
    /** Where each row starts after the one before. */
    private readonly stride: number,
  ) {
    this.takenBy = new Uint32Array(names.length);
    this.rows = new Int32Array(64);
    names.forEach((name, r) => {
      const at = r * stride;
      if (name.startsWith('#')) {
        this.flags.set(name, at);
        return;
      }
      const colon = name.indexOf(':');
      if (colon < 0) return;
      const prefix = name.slice(0, colon);
      const body = name.slice(colon + 1);
      mapIn(this.words, prefix).set(body, at);
      for (let u = body.indexOf('_'); u >= 0; u = body.indexOf('_', u + 1))
        mapIn(mapIn(this.pairs, prefix), body.slice(0, u)).set(body.slice(u + 1), at);
    });
  }

  /** The row of the feature `w:${stem}`, if the model has it. */
  wordRow(stem: string): number | undefined {
    return this.words.get('w')?.get(stem);
  }

  /** Starts a question: no row is taken yet. */
  begin(): void {
    this.found = 0;
    if (++this.question === 0xffffffff) {
      this.takenBy.fill(0);
      this.question = 1;
    }
  }

  word(prefix: FeaturePrefix, word: string): void {
    this.take(this.words.get(prefix)?.get(word));
  }

  pair(prefix: FeaturePrefix, first: string, second: string): void {
    this.take(this.pairs.get(prefix)?.get(first)?.get(second));
  }

  flag(name: string): void {
    this.take(this.flags.get(name));
  }

  private take(at: number | undefined): void {
    if (at === undefined) return;
    const r = at / this.stride;
    if (this.takenBy[r] === this.question) return;
    this.takenBy[r] = this.question;
    if (this.found === this.rows.length) {
      const more = new Int32Array(this.rows.length * 2);
      more.set(this.rows);
      this.rows = more;
    }
    this.rows[this.found++] = at;
  }
}

function mapIn<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  return memoised(map, key, () => new Map<string, V>());
}

export class TopicClassifier {
  /**
   * Every feature's row of weights, one after another in one array, `stride` apart. One block rather
   * than a typed array per feature: 7 000-odd small arrays cost about twice their numbers in memory, and
   * a question's 50-odd features then touch a few cache lines each rather than three separate objects
   * each, which under a server's load (the rest of the turn having pushed the model out of the cache)
   * was most of the classifier's time. A feature's row is found by its parts (`byParts`), never by its
   * string. In thousandths when the model is (see PackedClassifier), else null and `weights` holds them.
   */
  private readonly thousandths: Int16Array | null;
  /** The weights as they are, for a model not in thousandths; empty otherwise. */
  private readonly weights: Float64Array;
  /** The number of classes: how many weights a row has. */
  private readonly width: number;
  /** Where each row starts after the one before. */
  private readonly stride: number;
  /** Each row's feature, by row number. */
  private readonly names: string[];
  /** The rows found by the features' parts; reused by every question (single-threaded). */
  private readonly byParts: FeatureRows;

  /** What the model was trained on, its classes and bias: the weights live in `thousandths` or `weights` only. */
  readonly model: Pick<PackedClassifier, 'trainedOn' | 'classes' | 'bias'>;
  /** The bias, where each question's scores start: copied from a typed array rather than converted from the model's. */
  private readonly bias: Float64Array;
  /** Where each class's scores go while they are ranked; reused (single-threaded), as the ranking allocates nothing else. */
  private readonly order: Int32Array;
  /**
   * Each question's scores and probabilities, reused (single-threaded) like `order`: a typed array of 40
   * doubles is too large to live on V8's heap, so making two a question cost two off-heap buffers to
   * allocate and to free again, more than the arithmetic in them.
   */
  private readonly scores: Float64Array;
  private readonly probabilities: Float64Array;

  /** Takes the packed model as it is, arrays and all: the loader decodes classifier.json into that form. */
  constructor(
    model: PackedClassifier,
    private readonly search: KnowledgeIndex,
  ) {
    this.model = { trainedOn: model.trainedOn, classes: model.classes, bias: model.bias };
    this.width = model.classes.length;
    this.stride = model.stride;
    this.bias = Float64Array.from(model.bias);
    this.order = new Int32Array(model.classes.length);
    this.scores = new Float64Array(model.classes.length);
    this.probabilities = new Float64Array(model.classes.length);
    this.names = model.features;
    this.thousandths = model.thousandths;
    this.weights = model.doubles;
    this.byParts = new FeatureRows(this.names, this.stride);
  }

  /**
   * True when the training questions use this word (its stem) for the
   * domain: it carries weight, and most of it towards a topic or a safety
   * route rather than towards small talk, help or "none of these" ("potato",
   * "toner" and "joke" are not the domain's words).
   */
  knowsWord(stem: string, minWeight = DOMAIN_WEIGHT): boolean {
    const at = this.byParts.wordRow(stem);
    if (at === undefined) return false;
    let best = 0;
    for (let c = 1; c < this.width; c++) if (this.weight(at + c) > this.weight(at + best)) best = c;
    return this.weight(at + best) >= minWeight && !NOT_DOMAIN.has(this.model.classes[best]!);
  }

  /**
   * Every label with its probability, most likely first: what adding up the
   * rows of `questionFeatures(question)` gives, to the last bit (the same rows
   * added in the same order), without building the feature strings.
   */
  classify(question: string): Prediction[] {
    const sink = this.readQuestion(question);
    return this.scored(sink.rows, sink.found);
  }

  /** The features of a question that the model has, in the order `classify` adds their rows. */
  knownFeatures(question: string): string[] {
    const sink = this.readQuestion(question);
    return Array.from(sink.rows.subarray(0, sink.found), (at) => this.names[at / this.stride]!);
  }

  /** The rows the question's features name, found by their parts. */
  private readQuestion(question: string): FeatureRows {
    const sink = this.byParts;
    sink.begin();
    readFeatures(question, this.search, sink);
    return sink;
  }

  /** The bias plus the rows, one after another, as probabilities ranked. */
  private scored(rows: ArrayLike<number>, count: number): Prediction[] {
    const scores = this.scores;
    scores.set(this.bias);
    const t = this.thousandths;
    if (t) {
      for (let k = 0; k < count; k++) {
        const at = rows[k]!;
        for (let c = 0; c < scores.length; c++) scores[c]! += t[at + c]! / 1000;
      }
    } else {
      const w = this.weights;
      for (let k = 0; k < count; k++) {
        const at = rows[k]!;
        for (let c = 0; c < scores.length; c++) scores[c]! += w[at + c]!;
      }
    }
    return this.ranked(softmaxInto(scores, this.probabilities));
  }

  private weight(i: number): number {
    return this.thousandths ? this.thousandths[i]! / 1000 : this.weights[i]!;
  }

  /**
   * The classes, most likely first, ties by label (localeCompare): what
   * sorting label-probability objects with that comparator gives, by an
   * insertion sort of class numbers (stable, as Array.prototype.sort is),
   * so only the objects returned are allocated and no comparator is called.
   */
  private ranked(probs: Float64Array): Prediction[] {
    const { classes } = this.model;
    const order = this.order;
    for (let c = 0; c < classes.length; c++) {
      const p = probs[c]!;
      let j = c;
      for (; j > 0; j--) {
        const before = order[j - 1]!;
        const q = probs[before]!;
        // As the comparator `b.probability - a.probability || a.label.localeCompare(b.label)`: c goes first when it is < 0.
        const cmp = q - p || classes[c]!.localeCompare(classes[before]!);
        if (!(cmp < 0)) break;
        order[j] = before;
      }
      order[j] = c;
    }
    const out: Prediction[] = [];
    for (let i = 0; i < classes.length; i++) {
      const c = order[i]!;
      out.push({ label: classes[c]!, probability: probs[c]! });
    }
    return out;
  }
}

export function softmax(scores: Float64Array): Float64Array {
  return softmaxInto(scores, new Float64Array(scores.length));
}

/** softmax, written into `out` (as long as `scores`), which it returns. */
function softmaxInto(scores: Float64Array, out: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    out[c] = Math.exp(scores[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < out.length; c++) out[c]! /= sum;
  return out;
}
