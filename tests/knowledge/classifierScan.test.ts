/**
 * At start-up classifier.json's rows are decoded straight from the file's bytes (scanClassifierFile) when
 * the file is laid out as `kb train` writes it; any other file is read with JSON.parse, as before. These
 * tests check that the scan gives what JSON.parse gives, to the bit, and that it leaves to JSON.parse every
 * file where the two could differ, so every check and report on a bad file is the one it was.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelText } from '../../src/cli/trainTopics';
import {
  classifierFileSchema,
  decodeRows,
  paddedWidth,
  scanClassifierFile,
  ScannedRows,
} from '../../src/knowledge/classifierFile';
import type { ClassifierModel, PackedClassifier } from '../../src/knowledge/classifierWeights';

const file = path.resolve(__dirname, '../../content/knowledge/classifier.json');
const shippedBytes = readFileSync(file);
const shippedText = shippedBytes.toString('utf8');

/** What the loader made of a file before the scan: JSON.parse, then the schema. */
function fromJson(text: string) {
  return classifierFileSchema.safeParse(JSON.parse(text));
}

function scanned(text: string) {
  const raw = scanClassifierFile(Buffer.from(text, 'utf8'));
  return raw === null ? null : classifierFileSchema.safeParse(raw);
}

/** Everything the classifier reads of a decoded file, the weights as bytes. */
function reading(model: PackedClassifier) {
  const t = model.thousandths!;
  return {
    trainedOn: model.trainedOn,
    classes: model.classes,
    bias: model.bias,
    features: model.features,
    stride: model.stride,
    weights: Buffer.from(t.buffer, t.byteOffset, t.byteLength).toString('base64'),
  };
}

function expectSameAsJson(text: string) {
  const viaScan = scanned(text);
  expect(viaScan).not.toBeNull();
  const viaJson = fromJson(text);
  expect(viaScan!.success).toBe(viaJson.success);
  if (viaJson.success) expect(reading(viaScan!.data!)).toEqual(reading(viaJson.data));
  else expect(viaScan!.error!.issues).toEqual(viaJson.error.issues);
}

const thousandth = fc.integer({ min: -0x8000, max: 0x7fff }).map((k) => k / 1000 + 0);
/** Models with feature names as the classifier makes them: a prefix, then words. */
const models = fc.integer({ min: 2, max: 45 }).chain((n) =>
  fc.record({
    trainedOn: fc.array(fc.string(), { maxLength: 3 }),
    classes: fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: n, maxLength: n }),
    bias: fc.array(thousandth, { minLength: n, maxLength: n }),
    weights: fc.dictionary(
      fc.stringMatching(/^[a-z#]{1,3}:[a-z0-9_]{0,12}$/),
      fc.array(thousandth, { minLength: n, maxLength: n }),
      { minKeys: 1 },
    ),
  }),
) as fc.Arbitrary<ClassifierModel>;

describe('reading classifier.json from its bytes', () => {
  it('gives the shipped file exactly as JSON.parse and the schema give it', () => {
    expectSameAsJson(shippedText);
  });

  it('gives any model the trainer writes exactly as JSON.parse and the schema give it', () => {
    fc.assert(fc.property(models, (model) => expectSameAsJson(modelText(model))));
  });

  it('gives a row whose padding is not zeros to the schema, which refuses it by its feature', () => {
    const raw = JSON.parse(shippedText) as { classes: string[]; weights: Record<string, string> };
    const feature = Object.keys(raw.weights)[5]!;
    const bytes = Buffer.from(raw.weights[feature]!, 'base64');
    bytes.writeInt16LE(7, 2 * raw.classes.length);
    const text = shippedText.replace(raw.weights[feature]!, bytes.toString('base64'));
    expectSameAsJson(text);
    expect(scanned(text)!.error!.issues.map((i) => i.path)).toEqual([['weights', feature]]);
  });

  const firstRow = /\n {4}"([^"]+)": "([^"]+)"/.exec(shippedText)!;
  const [line, name, row] = [firstRow[0], firstRow[1]!, firstRow[2]!];
  it.each([
    [
      'a feature name with an escape',
      shippedText.replace(line, line.replace(`"${name}"`, `"a\\u0062${name}"`)),
    ],
    ['a feature name that is a number', shippedText.replace(line, line.replace(`"${name}"`, '"123"'))],
    ['a feature name that is not ASCII', shippedText.replace(line, line.replace(`"${name}"`, `"é${name}"`))],
    ['a feature twice (JSON.parse keeps the last)', shippedText.replace(line, `${line},${line}`)],
    ['a row a character short', shippedText.replace(row, row.slice(1))],
    ['a row with a character base64 does not have', shippedText.replace(row, `-${row.slice(1)}`)],
    ['a row with padding', shippedText.replace(row, `${row.slice(0, -1)}=`)],
    ['Windows line ends', shippedText.replace(/\n/g, '\r\n')],
    ['rows laid out otherwise', JSON.stringify(JSON.parse(shippedText))],
    ['text after the closing brace', `${shippedText}{}`],
    ['no closing brace', shippedText.slice(0, -2)],
    ['a header with another field', shippedText.replace('"version":2,', '"version":2,"extra":1,')],
    ['a header that is not JSON', shippedText.replace('"version":2,', '"version":2,,')],
    ['a header with one class', shippedText.replace(/"classes":\[[^\]]*\]/, '"classes":["a"]')],
    ['no rows', shippedText.replace(/\n {4}"[^]*\n {2}\}/, '\n\n  }')],
  ])('leaves %s to JSON.parse', (_name, text) => {
    expect(text).not.toBe(shippedText);
    expect(scanClassifierFile(Buffer.from(text, 'utf8'))).toBeNull();
  });

  it('refuses scanned rows of another width than the classes give', () => {
    const rows = new ScannedRows(['a:b'], paddedWidth(4), new Int16Array(paddedWidth(4)));
    expect(decodeRows(rows, 4)).toEqual({ features: ['a:b'], stride: 6, thousandths: rows.thousandths });
    expect(decodeRows(rows, 7)).toEqual([
      { feature: '(all rows)', message: 'expected rows of 9 values, one per class and padding' },
    ]);
  });
});
