/**
 * The 999 classifier's model: a logistic regression over hashed n-grams
 * (urgencyFeatures.ts), kept as a versioned JSON file under content/ and
 * rebuilt bit for bit from the corpus by `npm run urgency -- train`.
 *
 * The file says what it was trained on (a hash of the corpus, the writers),
 * how (feature and training settings, the seed), the threshold chosen on
 * validation and the figures that chose it, then the weights: only the
 * non-zero buckets, as two parallel arrays (bucket numbers, weights), rounded
 * so the file is stable across machines. Flat arrays of numbers parse several
 * times faster than an array of pairs, which keeps start-up fast.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../paths';
import { formatIssues } from '../validation';
import { normaliseMessage, scoreNormalised, type FeatureSettings } from './urgencyFeatures';
import { notForTheModel } from './urgencyRules';

export const MODEL_FORMAT_VERSION = 1;
export const DEFAULT_MODEL_FILE = 'content/urgency/model.json';

const featureSettingsSchema = z.strictObject({
  bits: z.int().min(10).max(24),
  wordNgrams: z.tuple([z.int().min(1), z.int().min(1)]),
  charNgrams: z.tuple([z.int().min(1), z.int().min(1)]),
  wordWeight: z.number().nonnegative(),
  charWeight: z.number().nonnegative(),
  maxChars: z.int().positive(),
});

export const trainingSettingsSchema = z.strictObject({
  seed: z.int(),
  epochs: z.int().positive(),
  learningRate: z.number().positive(),
  /** The learning rate at epoch e is learningRate / (1 + decay * e). */
  decay: z.number().nonnegative(),
  l2: z.number().nonnegative(),
  /** Each everyday question counts this much in training, against 1 for a message written to the urgency brief. */
  questionWeight: z.number().nonnegative(),
  /** Weights are rounded to this many decimals when saved. */
  decimals: z.int().min(1).max(12),
});
export type TrainingSettings = z.infer<typeof trainingSettingsSchema>;

const figuresSchema = z.strictObject({
  urgent: z.int().nonnegative(),
  caught: z.int().nonnegative(),
  others: z.int().nonnegative(),
  falseAlarms: z.int().nonnegative(),
});
export type Figures = z.infer<typeof figuresSchema>;

/** An array, passed through as it is: its items are checked by checkWeights. */
const numberList = z.custom<unknown[]>((v) => Array.isArray(v), { error: 'expected an array' });

export const modelFileSchema = z.strictObject({
  format: z.literal(MODEL_FORMAT_VERSION),
  /** Bumped by hand when the corpus, the features or the training change in a way a reader should know. */
  version: z.string().min(1),
  corpus: z.strictObject({
    /** sha256 of the deduplicated corpus, in the order it is trained on. */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    writers: z.array(z.string()),
    messages: z.int().nonnegative(),
    urgent: z.int().nonnegative(),
    questions: z.int().nonnegative(),
  }),
  features: featureSettingsSchema,
  training: trainingSettingsSchema,
  threshold: z.number().min(0).max(1),
  validation: z.strictObject({
    method: z.string(),
    targetRecall: z.number(),
    /** Each writer's urgency messages scored by a model trained without that writer, at the chosen threshold. */
    perWriter: z.record(z.string(), figuresSchema),
    pooled: figuresSchema,
    /** The same, on the writers' everyday questions: how often an ordinary question would get the 999 reply. */
    questions: figuresSchema,
  }),
  bias: z.number(),
  /**
   * Bucket numbers, ascending, and their weights, index by index; checked in one plain loop (checkWeights).
   * Only their being arrays is zod's to check: z.array copies its input element by element, which for
   * 2 x 70,000 numbers took 20 to 30 ms of every start-up and a few MB of garbage.
   */
  buckets: numberList,
  weights: numberList,
});
export type ModelFile = Omit<z.infer<typeof modelFileSchema>, 'buckets' | 'weights'> & {
  buckets: number[];
  weights: number[];
};

/** The model as the bot uses it: the file's settings, and its weights spread over every bucket. */
export interface UrgencyModel {
  /** Without the file's sparse buckets and weights, which the dense array replaces: a server keeps only one copy. */
  file: Omit<ModelFile, 'buckets' | 'weights'>;
  weights: Float64Array;
}

export function modelFromFile(file: ModelFile): UrgencyModel {
  const { buckets, weights: sparse, ...settings } = file;
  const weights = new Float64Array(1 << file.features.bits);
  for (let k = 0; k < buckets.length; k++) weights[buckets[k]!] = sparse[k]!;
  return { file: settings, weights };
}

/** One plain loop: zod on 70,000 numbers would cost much of the start-up budget. */
function checkWeights(buckets: unknown[], weights: unknown[], size: number, where: string): void {
  if (buckets.length !== weights.length)
    throw new Error(`${where}: ${buckets.length} buckets but ${weights.length} weights`);
  let previous = -1;
  for (let k = 0; k < buckets.length; k++) {
    const b = buckets[k];
    if (typeof b !== 'number' || !Number.isInteger(b) || b <= previous || b >= size)
      throw new Error(`${where}: buckets.${k}: expected a whole number above ${previous} and below ${size}`);
    if (typeof weights[k] !== 'number' || !Number.isFinite(weights[k]))
      throw new Error(`${where}: weights.${k}: expected a number`);
    previous = b;
  }
}

export function parseModelFile(json: string, where: string): UrgencyModel {
  const parsed = modelFileSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`${where}: ${formatIssues(parsed.error).join('; ')}`);
  const { buckets, weights } = parsed.data;
  checkWeights(buckets, weights, 1 << parsed.data.features.bits, where);
  return modelFromFile({ ...parsed.data, buckets: buckets as number[], weights: weights as number[] });
}

export function loadUrgencyModel(file = path.join(projectRoot(), DEFAULT_MODEL_FILE)): UrgencyModel {
  return parseModelFile(readFileSync(file, 'utf8'), file);
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The raw score before the sigmoid, from weights and a bias: bias + weights · extractFeatures(text). */
export function linearScore(
  weights: Float64Array,
  bias: number,
  text: string,
  settings: FeatureSettings,
): number {
  return scoreNormalised(normaliseMessage(text, settings.maxChars), settings, weights, bias);
}

/**
 * The model reads messages of at least this many words. Shorter ones are the
 * bot's own commands and answers ("help", "no", "12", "not sure"), on which
 * a score built from a handful of character grams means nothing; only the
 * rules judge them ("999", "help now please").
 */
export const MIN_WORDS_FOR_MODEL = 3;

export function modelReads(text: string, settings: FeatureSettings): boolean {
  return modelReadsNormalised(normaliseMessage(text, settings.maxChars));
}

/** modelReads for a message already normalised by normaliseMessage. */
export function modelReadsNormalised(t: string): boolean {
  let words = 0;
  for (let i = 1; i < t.length; i++)
    if (t[i - 1] === ' ' && t[i] !== ' ' && ++words >= MIN_WORDS_FOR_MODEL) return true;
  return false;
}

/** Whether the classifier judges this message at all: long enough, and not an answer to one of the bot's questions. */
export function modelAsked(text: string, model: UrgencyModel): boolean {
  return modelReads(text, model.file.features) && !notForTheModel(text);
}

/** How likely the model thinks it is that this message describes a child in danger now, 0 to 1. */
export function urgencyScore(model: UrgencyModel, text: string): number {
  return sigmoid(linearScore(model.weights, model.file.bias, text, model.file.features));
}
