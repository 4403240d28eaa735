import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialiseModel, trainModelText } from '../../src/cli/urgency';
import {
  DEFAULT_MODEL_FILE,
  encodeWeights,
  loadUrgencyModel,
  parseModelFile,
  urgencyScore,
  type ModelFile,
} from '../../src/rules/urgencyModel';
import { buildCorpus, CorpusError, loadCorpus, parseLabelledLines } from '../../src/rules/urgencyCorpus';
import { extractFeatures } from '../../src/rules/urgencyFeatures';
import { chooseThreshold, FEATURE_SETTINGS } from '../../src/rules/urgencyTrain';
import { seededRandom } from '../../src/seededRandom';

const root = path.resolve(__dirname, '../..');

describe('the urgency corpus', () => {
  it('reports every bad line with its file and line number', () => {
    const problems: string[] = [];
    const lines = parseLabelledLines(
      [
        '{"q": "ok", "urgent": true}',
        'not json',
        '{"q": "", "urgent": true}',
        '{"q": "x", "urgent": "yes"}',
      ].join('\n'),
      'w9.jsonl',
      problems,
    );
    expect(lines).toHaveLength(1);
    expect(problems).toEqual([
      'w9.jsonl:2: not a JSON object',
      'w9.jsonl:3: q: the message is empty',
      'w9.jsonl:4: urgent: expected "urgent": true or false',
    ]);
  });

  it('keeps a message once however it is spaced or cased, and refuses one labelled both ways', () => {
    const corpus = buildCorpus([
      { writer: 'a', kind: 'urgency', lines: [{ q: 'He has a knife!', urgent: true }] },
      { writer: 'b', kind: 'urgency', lines: [{ q: 'he has a   KNIFE', urgent: true }] },
    ]);
    expect(corpus.messages).toHaveLength(1);
    expect(corpus.duplicates).toBe(1);
    expect(() =>
      buildCorpus([
        { writer: 'a', kind: 'urgency', lines: [{ q: 'he has a knife', urgent: true }] },
        { writer: 'b', kind: 'urgency', lines: [{ q: 'He has a knife.', urgent: false }] },
      ]),
    ).toThrow(CorpusError);
  });

  it('refuses an everyday question marked urgent', () => {
    expect(() =>
      buildCorpus([{ writer: 'a', kind: 'question', lines: [{ q: 'help', urgent: true }] }]),
    ).toThrow(/everyday questions must not be/);
  });

  it('holds at least 2,000 messages from at least 6 writers, half of the urgency messages urgent', () => {
    const corpus = loadCorpus();
    expect(corpus.writers.length).toBeGreaterThanOrEqual(6);
    const urgency = corpus.messages.filter((m) => m.kind === 'urgency');
    expect(urgency.length).toBeGreaterThanOrEqual(2000);
    const share = urgency.filter((m) => m.urgent).length / urgency.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
  });
});

describe('the urgency model', () => {
  it('is the model the committed corpus trains, byte for byte', { timeout: 180_000 }, () => {
    const committed = readFileSync(path.join(root, DEFAULT_MODEL_FILE), 'utf8');
    expect((JSON.parse(committed) as { corpus: { hash: string } }).corpus.hash).toBe(loadCorpus().hash);
    // The full retrain, cross-validation included: the same corpus must give the same file.
    expect(trainModelText(root).text === committed).toBe(true);
  });

  it('records what it was trained on and how its threshold was chosen', () => {
    const { file } = loadUrgencyModel();
    expect(file.corpus.writers.length).toBeGreaterThanOrEqual(6);
    expect(file.validation.method).toBe('leave one writer out');
    const pooled = file.validation.pooled;
    expect(pooled.caught / pooled.urgent).toBeGreaterThanOrEqual(file.validation.targetRecall);
    expect(file.threshold).toBeGreaterThan(0);
    expect(file.threshold).toBeLessThan(1);
  });

  it('refuses a model file that does not match the schema, is truncated or is in the older format, saying where', () => {
    expect(() => parseModelFile('{"format": 2}', 'model.json')).toThrow(/^model\.json: version/);
    const committed = readFileSync(path.join(root, DEFAULT_MODEL_FILE), 'utf8');
    expect(() => parseModelFile(committed.slice(0, committed.length / 2), 'model.json')).toThrow(
      /^model\.json: .*JSON/,
    );
    // Format 1: the buckets and weights as decimals.
    const older = JSON.stringify({
      ...JSON.parse(committed),
      format: 1,
      buckets: [1, 2],
      weights: [0.1, 0.2],
    });
    expect(() => parseModelFile(older, 'model.json')).toThrow(
      /^model\.json: format: expected 2, the format this bot reads \(weights as base64\): rebuild it with "npm run urgency -- train"$/,
    );
  });

  it('reads back exactly the weights it was written with', () => {
    const { file, weights: dense } = loadUrgencyModel();
    const buckets = [...dense.keys()].filter((b) => dense[b] !== 0);
    const sparse: ModelFile = { ...file, buckets, weights: buckets.map((b) => dense[b]!) };
    expect(buckets.length).toBeGreaterThan(100_000);
    const read = parseModelFile(serialiseModel(sparse), 'm.json');
    expect(read.file).toEqual(file);
    expect(Buffer.from(read.weights.buffer).equals(Buffer.from(dense.buffer))).toBe(true);
    // Read one by one, little-endian, without the loader: the same numbers.
    const text = JSON.parse(readFileSync(path.join(root, DEFAULT_MODEL_FILE), 'utf8')) as Record<
      string,
      string
    >;
    const b = Buffer.from(text.buckets!, 'base64');
    const w = Buffer.from(text.weights!, 'base64');
    expect(b.length / 4).toBe(buckets.length);
    for (let k = 0; k < buckets.length; k++) {
      expect(b.readUInt32LE(4 * k)).toBe(buckets[k]);
      expect(Object.is(w.readInt32LE(4 * k) / 1e5, dense[buckets[k]!])).toBe(true);
    }
  });

  it('refuses weights that are out of order, out of range, unpaired or not base64, saying which', () => {
    const { file } = loadUrgencyModel();
    const withWeights = (buckets: number[], weights: number[]) =>
      JSON.stringify({ ...file, ...encodeWeights({ ...file, buckets, weights }) });
    const withText = (buckets: string, weights: string) => JSON.stringify({ ...file, buckets, weights });
    expect(() => parseModelFile(withWeights([5, 3], [0.1, 0.2]), 'm.json')).toThrow(
      /^m\.json: buckets\.1: expected a whole number above 5 and below 262144$/,
    );
    expect(() => parseModelFile(withWeights([1 << file.features.bits], [0.1]), 'm.json')).toThrow(
      /buckets\.0/,
    );
    expect(() => parseModelFile(withWeights([1, 2], [0.1]), 'm.json')).toThrow(/2 buckets but 1 weights/);
    const good = JSON.parse(withWeights([1, 2], [0.1, -0.2])) as { buckets: string; weights: string };
    expect(parseModelFile(withText(good.buckets, good.weights), 'm.json').weights[2]).toBe(-0.2);
    for (const [buckets, weights, field] of [
      [`!${good.buckets.slice(1)}`, good.weights, 'buckets'],
      [good.buckets, good.weights.replace(/=*$/, '-'), 'weights'],
      [good.buckets, Buffer.alloc(6).toString('base64'), 'weights'],
      [good.buckets, 12 as unknown as string, 'weights'],
    ] as const) {
      expect(() => parseModelFile(withText(buckets, weights), 'm.json')).toThrow(
        new RegExp(`^m\\.json: ${field}: .*expected`),
      );
    }
  });

  it('refuses to write a weight the file cannot hold exactly, naming it', () => {
    const { file } = loadUrgencyModel();
    expect(() => encodeWeights({ ...file, buckets: [1, 2], weights: [0.1, 0.123456] })).toThrow(
      /^weights: value 1 \(0\.123456\) is not a whole number of 1\/100000/,
    );
    expect(() => encodeWeights({ ...file, buckets: [1, -2], weights: [0.1, 0.2] })).toThrow(
      /^buckets: value 1/,
    );
  });

  it('scores between 0 and 1, the same every time', () => {
    const model = loadUrgencyModel();
    const s = urgencyScore(model, 'a 14 year old is in a car with older men right now');
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThan(1);
    expect(urgencyScore(model, 'a 14 year old is in a car with older men right now')).toBe(s);
  });
});

describe('the features', () => {
  it('are the same for the same text and stay inside the hash space', () => {
    const a = extractFeatures('She is MISSING since 6am!!', FEATURE_SETTINGS);
    expect(extractFeatures('she is missing since 6am', FEATURE_SETTINGS)).toEqual(a);
    expect(a.index.every((i) => i >= 0 && i < 1 << FEATURE_SETTINGS.bits)).toBe(true);
  });

  it('read only the first maxChars characters, so a pasted essay costs no more than a long message', () => {
    const long = 'a'.repeat(FEATURE_SETTINGS.maxChars) + ' knife';
    expect(extractFeatures(long, FEATURE_SETTINGS)).toEqual(
      extractFeatures('a'.repeat(FEATURE_SETTINGS.maxChars), FEATURE_SETTINGS),
    );
  });
});

describe('training helpers', () => {
  it('draws the same sequence from the same seed', () => {
    const a = seededRandom(13);
    const b = seededRandom(13);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(new Set(xs).size).toBe(5);
  });

  it('chooses the highest threshold that still catches the target share of urgent messages', () => {
    const scored = [
      { urgent: true, ruleFired: false, score: 0.9 },
      { urgent: true, ruleFired: false, score: 0.6 },
      { urgent: true, ruleFired: true, score: 0.1 },
      { urgent: true, ruleFired: false, score: 0.3 },
      { urgent: false, ruleFired: false, score: 0.5 },
    ];
    // 3 of 4 needed: the rule catches one, the model must catch two: threshold at the second-highest score.
    expect(chooseThreshold(scored, 0.75)).toBe(0.6);
    expect(chooseThreshold(scored, 1)).toBe(0.3);
  });
});
