/**
 * The topic classifier's file, content/knowledge/classifier.json (version 2):
 * what it was trained on, the classes, the bias as plain numbers, then one
 * line per feature, so a retrain diffs by feature. A feature's row is base64
 * text of its weights in thousandths (the trainer rounds every weight to
 * three decimals), one per class in the order of `classes`, as little-endian
 * signed 16-bit whole numbers, then zeros up to a multiple of three values.
 *
 * Why so: version 1 wrote each weight as a decimal, and parsing and checking
 * those 346 000 numbers was the largest part of the bot's start-up. The
 * padding leaves every row's base64 without "=", so the rows joined are one
 * base64 text, decoded and checked in one call, straight into the typed array
 * the classifier reads; decoding row by row cost twice as much.
 *
 * Every row is still checked at start-up: its length, and that it is base64
 * exactly as the trainer writes it. A bad row is reported by its feature.
 */
import { z } from 'zod';
import { decodeBase64, encodeScaled, int16View } from '../base64Numbers';
import type { PackedClassifier } from './classifierWeights';

export const CLASSIFIER_FILE_VERSION = 2;

/** Weights are whole numbers of thousandths. */
const SCALE = 1000;

/** A row's values with its padding: a multiple of three 16-bit values is a multiple of three bytes, which base64 writes without "=". */
export const paddedWidth = (width: number): number => Math.ceil(width / 3) * 3;

/** The characters of one row's base64. */
const rowChars = (width: number): number => (paddedWidth(width) * 2 * 4) / 3;

/** A row as the file holds it; throws when a weight is not a whole number of thousandths that fits 16 bits. */
export function encodeRow(row: readonly number[]): string {
  return encodeScaled(row, SCALE, 'int16', paddedWidth(row.length) - row.length);
}

interface RowProblem {
  feature: string;
  message: string;
}

type DecodedRows = Pick<PackedClassifier, 'features' | 'stride' | 'thousandths'>;

/** Every row decoded into one Int16Array, or what is wrong with each bad row. */
export function decodeRows(rows: Record<string, unknown>, width: number): DecodedRows | RowProblem[] {
  const stride = paddedWidth(width);
  const chars = rowChars(width);
  const features: string[] = [];
  const texts: string[] = [];
  const misshapen: string[] = [];
  // One for-in rather than Object.keys and Object.values: half the time, on an object of 8 000-odd keys.
  for (const feature in rows) {
    const text = rows[feature];
    if (typeof text !== 'string' || text.length !== chars) misshapen.push(feature);
    features.push(feature);
    texts.push(text as string);
  }
  if (misshapen.length > 0) {
    const message = `expected ${chars} characters of base64: ${width} weights in thousandths as little-endian 16-bit whole numbers, then ${stride - width} zeros`;
    return misshapen.map((feature) => ({ feature, message }));
  }
  const bytes = decodeBase64(texts.join(''));
  if (!bytes) return rowsNotBase64(features, texts, stride);
  const thousandths = int16View(bytes);
  const unpadded: RowProblem[] = [];
  for (let r = 0; r < features.length; r++) {
    for (let c = width; c < stride; c++) {
      if (thousandths[r * stride + c] === 0) continue;
      unpadded.push({
        feature: features[r]!,
        message: `the ${stride - width} values after the weights must be zeros`,
      });
      break;
    }
  }
  return unpadded.length > 0 ? unpadded : { features, stride, thousandths };
}

/** Which rows are not base64 as the trainer writes it, found one by one: only a bad file pays for this. */
function rowsNotBase64(features: string[], texts: string[], stride: number): RowProblem[] {
  const bad = features.filter((_, r) => decodeBase64(texts[r]!)?.length !== stride * 2);
  // Rows that are each sound join into sound base64, so this is not expected; it keeps a bad file from passing unnamed.
  if (bad.length === 0) return [{ feature: '(all rows)', message: 'not base64 as the trainer writes it' }];
  return bad.map((feature) => ({ feature, message: 'not base64 as the trainer writes it' }));
}

const weightRows = z.custom<Record<string, unknown>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  { error: 'expected an object of weight rows, one per feature' },
);

/** classifier.json as the classifier reads it: checked, and decoded into the packed form. */
export const classifierFileSchema = z
  .strictObject({
    version: z.literal(CLASSIFIER_FILE_VERSION, {
      error: `expected ${CLASSIFIER_FILE_VERSION}, the format this bot reads (weights as base64): rebuild it with "npm run kb -- train"`,
    }),
    trainedOn: z.array(z.string()),
    classes: z.array(z.string()).min(2),
    bias: z.array(z.number()),
    /** Per feature, its row as base64 (see above). */
    weights: weightRows,
  })
  .transform((file, ctx): PackedClassifier => {
    const width = file.classes.length;
    if (file.bias.length !== width) {
      ctx.addIssue({ code: 'custom', path: ['bias'], message: `expected ${width} numbers, one per class` });
      return z.NEVER;
    }
    const rows = decodeRows(file.weights, width);
    if (Array.isArray(rows)) {
      for (const { feature, message } of rows)
        ctx.addIssue({ code: 'custom', path: ['weights', feature], message });
      return z.NEVER;
    }
    return {
      trainedOn: file.trainedOn,
      classes: file.classes,
      bias: file.bias,
      ...rows,
      doubles: new Float64Array(0),
    };
  });
