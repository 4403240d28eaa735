/**
 * The 999 classifier's model: a logistic regression over hashed n-grams
 * (urgencyFeatures.ts), kept as a versioned JSON file under content/ and
 * rebuilt bit for bit from the corpus by `npm run urgency -- train`.
 *
 * The file says what it was trained on (a hash of the corpus, the writers),
 * how (feature and training settings, the seed), the threshold chosen on
 * validation and the figures that chose it, then the weights: only the
 * non-zero buckets, as [bucket, weight] pairs, rounded so the file is
 * stable across machines.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../paths';
import { formatIssues } from '../validation';
import { extractFeatures, normaliseMessage, type FeatureSettings } from './urgencyFeatures';
import { answerToTheBot } from './urgencyRules';

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
  /** [bucket, weight] pairs; checked by modelFromFile, in one plain loop, so start-up stays fast. */
  weights: z.array(z.unknown()),
});
export type ModelFile = Omit<z.infer<typeof modelFileSchema>, 'weights'> & {
  weights: Array<[number, number]>;
};

export interface UrgencyModel {
  file: ModelFile;
  weights: Float64Array;
}

export function modelFromFile(file: ModelFile): UrgencyModel {
  const weights = new Float64Array(1 << file.features.bits);
  for (const [i, w] of file.weights) weights[i] = w;
  return { file, weights };
}

/** One plain loop over the pairs: zod on 70,000 tuples would cost most of the start-up budget. */
function checkWeights(pairs: unknown[], size: number, where: string): Array<[number, number]> {
  pairs.forEach((p, k) => {
    const ok =
      Array.isArray(p) &&
      p.length === 2 &&
      Number.isInteger(p[0]) &&
      (p[0] as number) >= 0 &&
      (p[0] as number) < size &&
      Number.isFinite(p[1]);
    if (!ok) throw new Error(`${where}: weights.${k}: expected [bucket below ${size}, weight]`);
  });
  return pairs as Array<[number, number]>;
}

export function parseModelFile(json: string, where: string): UrgencyModel {
  const parsed = modelFileSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`${where}: ${formatIssues(parsed.error).join('; ')}`);
  const weights = checkWeights(parsed.data.weights, 1 << parsed.data.features.bits, where);
  return modelFromFile({ ...parsed.data, weights });
}

export function loadUrgencyModel(file = path.join(projectRoot(), DEFAULT_MODEL_FILE)): UrgencyModel {
  return parseModelFile(readFileSync(file, 'utf8'), file);
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The raw score before the sigmoid, from weights and a bias. */
export function linearScore(
  weights: Float64Array,
  bias: number,
  text: string,
  settings: FeatureSettings,
): number {
  const f = extractFeatures(text, settings);
  let z = bias;
  for (let k = 0; k < f.index.length; k++) z += weights[f.index[k]!]! * f.value[k]!;
  return z;
}

/**
 * The model reads messages of at least this many words. Shorter ones are the
 * bot's own commands and answers ("help", "no", "12", "not sure"), on which
 * a score built from a handful of character grams means nothing; only the
 * rules judge them ("999", "help now please").
 */
export const MIN_WORDS_FOR_MODEL = 3;

export function modelReads(text: string, settings: FeatureSettings): boolean {
  const t = normaliseMessage(text, settings.maxChars);
  let words = 0;
  for (let i = 1; i < t.length; i++)
    if (t[i - 1] === ' ' && t[i] !== ' ' && ++words >= MIN_WORDS_FOR_MODEL) return true;
  return false;
}

/** Whether the classifier judges this message at all: long enough, and not an answer to one of the bot's questions. */
export function modelAsked(text: string, model: UrgencyModel): boolean {
  return modelReads(text, model.file.features) && !answerToTheBot(text);
}

/** How likely the model thinks it is that this message describes a child in danger now, 0 to 1. */
export function urgencyScore(model: UrgencyModel, text: string): number {
  return sigmoid(linearScore(model.weights, model.file.bias, text, model.file.features));
}
