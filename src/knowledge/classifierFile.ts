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

/** The rows as scanClassifierFile read them from the file's bytes: decoded, their padding not yet checked. */
export class ScannedRows {
  constructor(
    readonly features: string[],
    readonly stride: number,
    readonly thousandths: Int16Array,
  ) {}
}

/** Every row decoded into one Int16Array, or what is wrong with each bad row. */
export function decodeRows(
  rows: Record<string, unknown> | ScannedRows,
  width: number,
): DecodedRows | RowProblem[] {
  const stride = paddedWidth(width);
  let features: string[];
  let thousandths: Int16Array;
  if (rows instanceof ScannedRows) {
    if (rows.stride !== stride)
      return [
        { feature: '(all rows)', message: `expected rows of ${stride} values, one per class and padding` },
      ];
    ({ features, thousandths } = rows);
  } else {
    const chars = rowChars(width);
    features = [];
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
    thousandths = int16View(bytes);
  }
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

/** Where the rows begin, as `kb train` writes the file (modelText in src/cli/trainTopics.ts). */
const ROWS_OPENING = Buffer.from('\n  "weights": {\n');
const ROW_OPENING = Buffer.from('    "');
const ROW_MIDDLE = Buffer.from('": "');
const ROWS_BETWEEN = Buffer.from(',\n');
const FILE_CLOSING = Buffer.from('\n  }\n}\n');
const HEADER_KEYS = 'version,trainedOn,classes,bias,weights';
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Each byte's six bits in base64, or -1 for a byte that is not in its alphabet (no "=": rows have no padding). */
const SEXTETS = (() => {
  const table = new Int8Array(256).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
})();

/** Whether bytes hold `expected` at p. Byte by byte: a native compare per row cost more than the row. */
function at(bytes: Buffer, p: number, expected: Buffer): boolean {
  if (p + expected.length > bytes.length) return false;
  for (let i = 0; i < expected.length; i++) if (bytes[p + i] !== expected[i]) return false;
  return true;
}

/** Decodes one row's base64 (bytes k to end) into out from o; false at a byte outside the alphabet. */
function decodeRow(bytes: Buffer, k: number, end: number, out: Buffer, o: number): boolean {
  for (; k < end; k += 4) {
    const a = SEXTETS[bytes[k]!]!;
    const b = SEXTETS[bytes[k + 1]!]!;
    const c = SEXTETS[bytes[k + 2]!]!;
    const d = SEXTETS[bytes[k + 3]!]!;
    if ((a | b | c | d) < 0) return false;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  return true;
}

/**
 * Where a feature's name ends (its closing quote), or -1 unless it is printable ASCII with no quote or
 * backslash, and not all digits (an object lists such a key first, whatever its place in the file).
 */
function nameEnd(bytes: Buffer, p: number): number {
  let digitsOnly = true;
  for (let i = p; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) return digitsOnly && i > p ? -1 : i;
    if (b < 0x20 || b > 0x7e || b === BACKSLASH) return -1;
    if (b < 0x30 || b > 0x39) digitsOnly = false;
  }
  return -1;
}

/**
 * classifier.json as JSON.parse would give it, with `weights` already decoded (ScannedRows), when the file
 * is laid out exactly as `kb train` writes it; null for any other layout, which the caller then parses as
 * JSON, so a file edited by hand is checked and reported as before.
 *
 * Why: JSON.parse made a string of the whole file, an object of 13 000-odd row strings, and then their
 * join to decode, about 5 MB of garbage, which start-up left in the heap and in the process's resident
 * memory. Here the rows are decoded from the file's bytes straight into the typed array the classifier
 * reads, and only the header and the feature names become strings.
 *
 * What is taken is what JSON.parse and decodeRows would take, to the bit: the header is parsed by
 * JSON.parse; a feature name is printable ASCII with no quote or backslash (so its JSON is itself), not a
 * number (which an object would list first) and not seen before (JSON.parse keeps the last); a row is
 * rowChars() characters of the base64 alphabet, which are exactly the base64 Buffer writes for its bytes
 * (a row's bytes are a multiple of three, so no padding and no stray bits).
 */
export function scanClassifierFile(bytes: Buffer): Record<string, unknown> | null {
  const opening = bytes.indexOf(ROWS_OPENING);
  if (opening < 0) return null;
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(`${bytes.toString('utf8', 0, opening)}"weights":{}}`) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (header === null || typeof header !== 'object' || Object.keys(header).join(',') !== HEADER_KEYS)
    return null;
  if (!Array.isArray(header.classes) || header.classes.length < 2) return null;
  const stride = paddedWidth(header.classes.length);
  const chars = rowChars(header.classes.length);
  const rowBytes = stride * 2;
  // Room for as many rows as the bytes left could hold, each at least its base64 and the quotes around a name.
  const room = Math.floor((bytes.length - opening) / (chars + ROW_OPENING.length + ROW_MIDDLE.length + 2));
  const decoded = Buffer.from(new ArrayBuffer(room * rowBytes));
  const features: string[] = [];
  const seen = new Set<string>();
  let p = opening + ROWS_OPENING.length;
  for (;;) {
    if (!at(bytes, p, ROW_OPENING)) return null;
    p += ROW_OPENING.length;
    const q = nameEnd(bytes, p);
    if (q < 0 || !at(bytes, q, ROW_MIDDLE)) return null;
    const feature = bytes.toString('latin1', p, q);
    if (seen.has(feature)) return null;
    p = q + ROW_MIDDLE.length;
    if (p + chars >= bytes.length || bytes[p + chars] !== QUOTE) return null;
    if (features.length === room || !decodeRow(bytes, p, p + chars, decoded, features.length * rowBytes))
      return null;
    seen.add(feature);
    features.push(feature);
    p += chars + 1;
    if (at(bytes, p, ROWS_BETWEEN)) {
      p += ROWS_BETWEEN.length;
      continue;
    }
    if (at(bytes, p, FILE_CLOSING) && p + FILE_CLOSING.length === bytes.length) break;
    return null;
  }
  // A buffer of its own, of the rows' size: the room left over is not kept.
  const exact = Buffer.from(new ArrayBuffer(features.length * rowBytes));
  decoded.copy(exact, 0, 0, exact.length);
  return { ...header, weights: new ScannedRows(features, stride, int16View(exact)) };
}

const weightRows = z.custom<Record<string, unknown> | ScannedRows>(
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
