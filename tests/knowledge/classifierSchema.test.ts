/**
 * classifier.json is decoded in bulk at start-up (fast), and still every row is checked: a bad row is
 * refused, named by its feature, and so is a file in the older format.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifierFileSchema, decodeRows, encodeRow, paddedWidth } from '../../src/knowledge/classifierFile';
import type { PackedClassifier } from '../../src/knowledge/classifierWeights';

const file = path.resolve(__dirname, '../../content/knowledge/classifier.json');
const shipped = JSON.parse(readFileSync(file, 'utf8')) as {
  version: number;
  classes: string[];
  bias: number[];
  weights: Record<string, unknown>;
};
const width = shipped.classes.length;
const features = Object.keys(shipped.weights);
const feature = features[7]!;

/** A row's weights read one by one from its base64, little-endian: a reading independent of the loader's. */
function plainRow(text: string): number[] {
  const bytes = Buffer.from(text, 'base64');
  return Array.from({ length: width }, (_, c) => bytes.readInt16LE(2 * c) / 1000);
}

/** The weight at row r, class c, of a decoded model. */
const weightAt = (model: PackedClassifier, r: number, c: number) =>
  model.thousandths![r * model.stride + c]! / 1000;

function withRow(value: unknown, at = feature): unknown {
  return { ...shipped, weights: { ...shipped.weights, [at]: value } };
}

function issuesOf(raw: unknown) {
  const parsed = classifierFileSchema.safeParse(raw);
  expect(parsed.success).toBe(false);
  return parsed.error!.issues.map((i) => ({ path: i.path, message: i.message }));
}

const row = plainRow(shipped.weights[feature] as string);
const text = shipped.weights[feature] as string;

describe('the classifier file', () => {
  it('is decoded into the weights a plain reading of each row gives, to the last bit', () => {
    const parsed = classifierFileSchema.safeParse(shipped);
    expect(parsed.success).toBe(true);
    const model = parsed.data!;
    expect(shipped.version).toBe(2);
    expect(model.features).toEqual(features);
    expect(model.classes).toEqual(shipped.classes);
    expect(model.bias).toEqual(shipped.bias);
    const differ = features.filter((f, r) => {
      const plain = plainRow(shipped.weights[f] as string);
      return plain.some((w, c) => !Object.is(weightAt(model, r, c), w));
    });
    expect(differ).toEqual([]);
  });

  it('holds one line per feature, so a retrain diffs by feature', () => {
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.filter((l) => /^ {4}"[^"]+": "[A-Za-z0-9+/]+",?$/.test(l))).toHaveLength(features.length);
  });

  it.each([
    ['a value short', () => encodeRow(row.slice(0, -1))],
    ['three values long', () => encodeRow([...row, 0.5, 0.5, 0.5])],
    ['cut short', () => text.slice(0, -4)],
    ['a number', () => 0.5],
    ['null', () => null],
    ['a row of numbers, as the older format wrote it', () => row],
  ])('refuses a row that is %s, naming its feature', (_name, bad) => {
    expect(issuesOf(withRow(bad()))).toEqual([
      {
        path: ['weights', feature],
        message: `expected ${(paddedWidth(width) * 8) / 3} characters of base64: ${width} weights in thousandths as little-endian 16-bit whole numbers, then ${paddedWidth(width) - width} zeros`,
      },
    ]);
  });

  it.each([
    ['a character base64 does not have', `${text.slice(0, 9)}!${text.slice(10)}`],
    ['padding in the middle', `${text.slice(0, 9)}=${text.slice(10)}`],
    ['a space', `${text.slice(0, 9)} ${text.slice(10)}`],
    ['the URL-safe alphabet', text.replace(/\+/g, '-').replace(/\//g, '_')],
    ['a row that ends in "=" when its values are padded to fill it', `${text.slice(0, -4)}AA==`],
  ])('refuses a row with %s, naming its feature', (_name, bad) => {
    expect(bad).toHaveLength(text.length);
    expect(bad).not.toBe(text);
    expect(issuesOf(withRow(bad))).toEqual([
      { path: ['weights', feature], message: 'not base64 as the trainer writes it' },
    ]);
  });

  it.each([
    [
      'padding that is not zeros',
      () => {
        const padded = Buffer.from(text, 'base64');
        padded.writeInt16LE(7, 2 * width);
        return padded.toString('base64');
      },
    ],
    ['a value long, where the padding goes', () => encodeRow([...row, 0.5])],
  ])('refuses %s, naming the feature', (_name, bad) => {
    expect(issuesOf(withRow(bad()))).toEqual([
      {
        path: ['weights', feature],
        message: `the ${paddedWidth(width) - width} values after the weights must be zeros`,
      },
    ]);
  });

  it('names every bad row, not only the first', () => {
    const other = features[100]!;
    const broken = `!${text.slice(1)}`;
    for (const bad of [broken, 0.5])
      expect(
        issuesOf({ ...shipped, weights: { ...shipped.weights, [feature]: bad, [other]: bad } }).map(
          (i) => i.path,
        ),
      ).toEqual([
        ['weights', feature],
        ['weights', other],
      ]);
  });

  it('refuses a file in the older format with one line saying to rebuild it', () => {
    const older = { ...shipped, version: 1, weights: { [feature]: row } };
    expect(issuesOf(older)).toEqual([
      {
        path: ['version'],
        message:
          'expected 2, the format this bot reads (weights as base64): rebuild it with "npm run kb -- train"',
      },
    ]);
  });

  it('refuses a bias that is not one number per class, and weights that are not an object of rows', () => {
    expect(issuesOf({ ...shipped, bias: shipped.bias.slice(1) })).toEqual([
      { path: ['bias'], message: `expected ${width} numbers, one per class` },
    ]);
    for (const weights of [[], 'rows', null])
      expect(issuesOf({ ...shipped, weights })).toEqual([
        { path: ['weights'], message: 'expected an object of weight rows, one per feature' },
      ]);
  });

  it('reads back exactly the rows the trainer writes, for any number of classes', () => {
    const thousandth = fc.integer({ min: -0x8000, max: 0x7fff }).map((k) => k / 1000 + 0);
    const rows = fc
      .integer({ min: 2, max: 50 })
      .chain((n) =>
        fc.dictionary(fc.string({ minLength: 1 }), fc.array(thousandth, { minLength: n, maxLength: n })),
      );
    fc.assert(
      fc.property(rows, (weights) => {
        const n = Object.values(weights)[0]?.length ?? 2;
        const texts = Object.fromEntries(Object.entries(weights).map(([f, w]) => [f, encodeRow(w)]));
        const decoded = decodeRows(texts, n);
        if (Array.isArray(decoded)) throw new Error(JSON.stringify(decoded));
        expect(decoded.features).toEqual(Object.keys(weights));
        Object.values(weights).forEach((w, r) =>
          w.forEach((x, c) =>
            expect(Object.is(decoded.thousandths![r * decoded.stride + c]! / 1000, x)).toBe(true),
          ),
        );
      }),
    );
  });
});
