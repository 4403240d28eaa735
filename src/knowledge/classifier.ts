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
 * committed model (content/knowledge/classifier.json) bit for bit, and a test
 * checks that it does. Besides topic ids it knows the routes a question may
 * need instead ("~contacts", "~smalltalk", "~help", "~screening",
 * "~glossary", "~emergency") and "~none", a question the bot cannot answer.
 */
import { z } from 'zod';
import { readCase } from './cases';
import type { KnowledgeIndex } from './search';
import { spokenWords } from './text';

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

const isWeightRow = (row: unknown): boolean =>
  Array.isArray(row) && row.every((w) => typeof w === 'number' && Number.isFinite(w));

/**
 * The weights, checked by plain loops: zod checking each of the model's
 * 176 000 numbers one by one took 50 to 70 ms of every start-up. Every number
 * is still checked, and a bad row is reported by its feature.
 */
const weightRows = z
  .custom<Record<string, number[]>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
    error: 'expected an object of weight rows',
  })
  .superRefine((rows, ctx) => {
    for (const feature in rows) {
      if (!isWeightRow(rows[feature]))
        ctx.addIssue({ code: 'custom', path: [feature], message: 'expected a row of numbers' });
    }
  });

export const classifierModelSchema = z.strictObject({
  version: z.literal(1),
  /** What it was trained on, so a reader can rebuild it. */
  trainedOn: z.array(z.string()),
  classes: z.array(z.string()).min(2),
  bias: z.array(z.number()),
  /** Per feature, one weight per class, in the order of `classes`. */
  weights: weightRows,
});
export type ClassifierModel = z.infer<typeof classifierModelSchema>;

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

function bucket(n: number): string {
  return n >= 3 ? '3+' : String(n);
}

/**
 * The features of a question: strings, each present or not. The same
 * function reads training questions and questions put to the bot.
 */
export function questionFeatures(question: string, index: KnowledgeIndex): string[] {
  const out = new Set<string>();
  const units = index.analyse(question);
  let known = 0;
  let unknown = 0;
  const heads: string[] = [];
  for (const unit of units) {
    const [head, ...concepts] = unit;
    if (head === undefined) continue;
    heads.push(head);
    out.add(`w:${head}`);
    for (const c of concepts) out.add(`c:${c}`);
    if (unit.some((t) => index.knows(t))) known++;
    else unknown++;
  }
  for (let i = 0; i + 1 < heads.length; i++) out.add(`b:${heads[i]}_${heads[i + 1]}`);

  const raw = spokenWords(question);
  const first = raw[0];
  if (first !== undefined) out.add(`f:${first}`);
  if (raw[1] !== undefined && first !== undefined) out.add(`f:${first}_${raw[1]}`);
  for (const w of raw) if (FRAME_WORDS.has(w)) out.add(`q:${w}`);
  for (let i = 0; i + 1 < raw.length; i++) {
    if (FRAME_WORDS.has(raw[i]!) && FRAME_WORDS.has(raw[i + 1]!)) out.add(`q:${raw[i]}_${raw[i + 1]}`);
  }
  // The words as typed (text-speak spelt out), stopwords too: "she", "they", "me" and "not" say whose
  // problem it is; measured by leave-one-writer-out, they add about a point.
  for (const w of raw) out.add(`r:${w}`);
  const last = raw.slice(-3);
  for (const w of last) if (FRAME_WORDS.has(w)) out.add(`l:${w}`);

  const facts = readCase(question);
  if (facts.isCase) out.add('#case');
  if (facts.describesYoungPerson) out.add('#young-person');
  if (facts.partnerMentioned) out.add('#partner');
  if (facts.childAge !== null) {
    out.add(facts.childAge < 13 ? '#child-under-13' : facts.childAge < 16 ? '#child-13-15' : '#child-16-17');
  }
  if (facts.partnerAges.length > 0) out.add('#age-gap');
  if (facts.ages.some((a) => a >= 18) && facts.childAge === null) out.add('#adult-age');

  out.add(`#known:${bucket(known)}`);
  out.add(`#unknown:${bucket(unknown)}`);
  if (unknown > known) out.add('#mostly-unknown');
  out.add(`#length:${raw.length <= 4 ? 'short' : raw.length <= 14 ? 'medium' : 'long'}`);
  return [...out];
}

export interface Prediction {
  label: string;
  probability: number;
}

export class TopicClassifier {
  /**
   * Every feature's row of weights, one after another in one array, and where
   * each row starts. One block rather than a typed array per feature: 7 000-odd
   * small arrays cost about twice their numbers in memory, and a question's
   * 50-odd features then touch a few cache lines each rather than three
   * separate objects each, which under a server's load (the rest of the turn
   * having pushed the model out of the cache) was most of the classifier's time.
   */
  private readonly rows = new Map<string, number>();
  private readonly weights: Float64Array;
  /** The number of classes: the length of every row. */
  private readonly width: number;

  /** The model without its weights, which live in `weights` only: the parsed rows are left to the GC. */
  readonly model: Omit<ClassifierModel, 'weights'>;
  /** The bias, where each question's scores start: copied from a typed array rather than converted from the model's. */
  private readonly bias: Float64Array;
  /** Where each class's scores go while they are ranked; reused (single-threaded), as the ranking allocates nothing else. */
  private readonly order: Int32Array;

  constructor(
    model: ClassifierModel,
    private readonly search: KnowledgeIndex,
  ) {
    this.model = {
      version: model.version,
      trainedOn: model.trainedOn,
      classes: model.classes,
      bias: model.bias,
    };
    this.width = model.bias.length;
    this.bias = Float64Array.from(model.bias);
    this.order = new Int32Array(model.classes.length);
    const entries = Object.entries(model.weights);
    // A row shorter than the classes (the loader refuses one) reads as NaN beyond its end, as it did before.
    this.weights = new Float64Array(entries.length * this.width).fill(NaN);
    entries.forEach(([f, w], r) => {
      const at = r * this.width;
      for (let c = 0; c < this.width && c < w.length; c++) this.weights[at + c] = w[c]!;
      this.rows.set(f, at);
    });
  }

  /**
   * True when the training questions use this word (its stem) for the
   * domain: it carries weight, and most of it towards a topic or a safety
   * route rather than towards small talk, help or "none of these" ("potato",
   * "toner" and "joke" are not the domain's words).
   */
  knowsWord(stem: string, minWeight = DOMAIN_WEIGHT): boolean {
    const at = this.rows.get(`w:${stem}`);
    if (at === undefined) return false;
    const w = this.weights;
    let best = 0;
    for (let c = 1; c < this.width; c++) if (w[at + c]! > w[at + best]!) best = c;
    return w[at + best]! >= minWeight && !NOT_DOMAIN.has(this.model.classes[best]!);
  }

  /** Every label with its probability, most likely first. */
  classify(question: string): Prediction[] {
    return this.fromFeatures(questionFeatures(question, this.search));
  }

  fromFeatures(features: string[]): Prediction[] {
    const scores = this.bias.slice();
    const w = this.weights;
    for (const f of features) {
      const at = this.rows.get(f);
      if (at === undefined) continue;
      for (let c = 0; c < scores.length; c++) scores[c]! += w[at + c]!;
    }
    return this.ranked(softmax(scores));
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
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    out[c] = Math.exp(scores[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < out.length; c++) out[c]! /= sum;
  return out;
}
