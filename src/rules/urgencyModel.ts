/**
 * The 999 classifier's model: a logistic regression over hashed n-grams
 * (urgencyFeatures.ts), kept as a versioned JSON file under content/ and
 * rebuilt bit for bit from the corpus by `npm run urgency -- train`.
 *
 * The file says what it was trained on (a hash of the corpus, the writers),
 * how (feature and training settings, the seed), the threshold chosen on
 * validation and the figures that chose it, then the weights: only the
 * non-zero buckets, as two parallel lists (bucket numbers, weights), each
 * base64 of little-endian 32-bit whole numbers, the weights in units of
 * 10^-decimals (the trainer rounds them to that many decimals, so the file is
 * stable across machines). Format 1 wrote them as decimals, and parsing and
 * checking those 240 000 numbers was about 25 ms of every start-up; each
 * list's base64 is decoded in one call, and each weight divided back is
 * exactly the decimal format 1 wrote, so every score is the same to the last
 * bit.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { decodeBase64, encodeScaled } from '../base64Numbers';
import { projectRoot } from '../paths';
import { formatIssues } from '../validation';
import { normaliseMessage, scoreNormalised, type FeatureSettings } from './urgencyFeatures';
import { notForTheModel } from './urgencyRules';

export const MODEL_FORMAT_VERSION = 2;
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

const formatField = z.literal(MODEL_FORMAT_VERSION, {
  error: `expected ${MODEL_FORMAT_VERSION}, the format this bot reads (weights as base64): rebuild it with "npm run urgency -- train"`,
});

/** Checked first: a file in an older format is refused for that alone, not for every field it writes otherwise. */
const formatOnly = z.looseObject({ format: formatField });

export const modelFileSchema = z.strictObject({
  format: formatField,
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
  /** Bucket numbers, ascending, as base64 of little-endian unsigned 32-bit whole numbers; checked by denseWeights. */
  buckets: z.string(),
  /** Each bucket's weight times 10^decimals, as base64 of little-endian signed 32-bit whole numbers. */
  weights: z.string(),
});
/** The model file as the trainer makes it: the buckets and weights as numbers, before they are encoded. */
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

/** The buckets and weights as the file holds them; throws, naming the list and index, on a weight that cannot be written exactly. */
export function encodeWeights(file: ModelFile): { buckets: string; weights: string } {
  const encoded = (field: 'buckets' | 'weights', scale: number, kind: 'uint32' | 'int32') => {
    try {
      return encodeScaled(file[field], scale, kind);
    } catch (err) {
      throw new Error(`${field}: ${(err as Error).message}`, { cause: err });
    }
  };
  return {
    buckets: encoded('buckets', 1, 'uint32'),
    weights: encoded('weights', 10 ** file.training.decimals, 'int32'),
  };
}

/** A list's bytes: four to each number, or an error naming the field. */
function wholeNumbers(text: string, field: string, where: string): DataView {
  const bytes = decodeBase64(text);
  if (!bytes || bytes.length % 4 !== 0)
    throw new Error(`${where}: ${field}: expected base64 of 32-bit whole numbers, as the trainer writes it`);
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
}

/**
 * The weights spread over every bucket, read little-endian whatever the platform; every bucket number is
 * checked (ascending, in range) and the two lists must pair up. A weight needs no check: every 32-bit
 * whole number divided by 10^decimals is a finite number.
 */
function denseWeights(
  lists: { buckets: string; weights: string },
  settings: UrgencyModel['file'],
  where: string,
): Float64Array {
  const size = 1 << settings.features.bits;
  const buckets = wholeNumbers(lists.buckets, 'buckets', where);
  const weights = wholeNumbers(lists.weights, 'weights', where);
  const count = buckets.byteLength / 4;
  if (weights.byteLength !== buckets.byteLength)
    throw new Error(`${where}: ${count} buckets but ${weights.byteLength / 4} weights`);
  const scale = 10 ** settings.training.decimals;
  const dense = new Float64Array(size);
  let previous = -1;
  for (let k = 0; k < count; k++) {
    const b = buckets.getUint32(4 * k, true);
    if (b <= previous || b >= size)
      throw new Error(`${where}: buckets.${k}: expected a whole number above ${previous} and below ${size}`);
    dense[b] = weights.getInt32(4 * k, true) / scale;
    previous = b;
  }
  return dense;
}

export function parseModelFile(json: string, where: string): UrgencyModel {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new Error(`${where}: ${(err as Error).message}`, { cause: err });
  }
  const format = formatOnly.safeParse(raw);
  if (!format.success) throw new Error(`${where}: ${formatIssues(format.error).join('; ')}`);
  // Read once, at start-up: zod's compiled fast path would cost more to build (about 2 ms) than it saves.
  const parsed = modelFileSchema.safeParse(raw, { jitless: true });
  if (!parsed.success) throw new Error(`${where}: ${formatIssues(parsed.error).join('; ')}`);
  const { buckets, weights, ...settings } = parsed.data;
  return { file: settings, weights: denseWeights({ buckets, weights }, settings, where) };
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
