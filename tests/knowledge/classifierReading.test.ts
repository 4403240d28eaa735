/**
 * The classifier reads a question's features by their parts (a prefix and a word or two) and never builds
 * their strings; the trainer counts the strings `questionFeatures` builds. Both go through one reading
 * (`readFeatures`), and these tests hold the two to the same features and the same probabilities, to the
 * last bit, for every question of the corpus, against a plain sum over the model file's rows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAreaContacts } from '../../src/contacts/load';
import { buildKnowledgeBase } from '../../src/knowledge/base';
import { questionFeatures, softmax, TopicClassifier } from '../../src/knowledge/classifier';
import { packClassifier, type ClassifierModel } from '../../src/knowledge/classifierWeights';
import { loadKnowledgeContent } from '../../src/knowledge/load';
import { projectRoot } from '../../src/paths';

const contacts = loadAreaContacts();
const content = loadKnowledgeContent('content/knowledge', contacts);
const knowledge = buildKnowledgeBase(content);

/** The shipped model as rows of numbers, each row read from the file one value at a time: not by the loader. */
const shipped = ((): ClassifierModel => {
  const file = JSON.parse(
    readFileSync(path.join(projectRoot(), 'content/knowledge/classifier.json'), 'utf8'),
  ) as Omit<ClassifierModel, 'weights'> & { weights: Record<string, string> };
  const width = file.classes.length;
  const weights: Record<string, number[]> = {};
  for (const [f, text] of Object.entries(file.weights)) {
    const bytes = Buffer.from(text, 'base64');
    weights[f] = Array.from({ length: width }, (_, c) => bytes.readInt16LE(2 * c) / 1000);
  }
  return { trainedOn: file.trainedOn, classes: file.classes, bias: file.bias, weights };
})();

function questionsIn(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { q: string }).q);
}

const trainingDir = path.join(projectRoot(), 'content/knowledge/training');
const corpus = [
  ...readdirSync(trainingDir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => questionsIn(path.join(trainingDir, f))),
  ...questionsIn(path.join(projectRoot(), 'tests/fixtures/faq-eval.jsonl')),
];

/** What the model says of these features, added up the plain way: the bias, then each known feature's row in turn. */
function plainProbabilities(model: ClassifierModel, features: string[]): Map<string, number> {
  const scores = Float64Array.from(model.bias);
  for (const f of features) {
    const row = Object.hasOwn(model.weights, f) ? model.weights[f] : undefined;
    if (!row) continue;
    for (let c = 0; c < scores.length; c++) scores[c]! += row[c]!;
  }
  const probs = softmax(scores);
  return new Map(model.classes.map((label, c) => [label, probs[c]!]));
}

/** The questions whose probabilities differ from the plain sum's in any bit, or whose ranking is not by them. */
function disagreements(classifier: TopicClassifier, model: ClassifierModel, questions: string[]): string[] {
  const out: string[] = [];
  for (const q of questions) {
    const predictions = classifier.classify(q);
    const plain = plainProbabilities(model, questionFeatures(q, knowledge.index));
    const same =
      predictions.length === plain.size &&
      predictions.every((p) => Object.is(p.probability, plain.get(p.label))) &&
      predictions.every((p, i) => i === 0 || predictions[i - 1]!.probability >= p.probability);
    if (!same) out.push(q);
  }
  return out;
}

describe('the classifier reads features by their parts, as the trainer reads their strings', () => {
  it(`finds the same features, in the same order, for every corpus question (${corpus.length})`, () => {
    const classifier = knowledge.classifier!;
    const differ = corpus.filter((q) => {
      const strings = questionFeatures(q, knowledge.index).filter((f) => Object.hasOwn(shipped.weights, f));
      return JSON.stringify(classifier.knownFeatures(q)) !== JSON.stringify(strings);
    });
    expect(differ).toEqual([]);
  }, 60_000);

  it('gives every class the probability the plain sum of the rows gives, to the last bit', () => {
    expect(disagreements(knowledge.classifier!, shipped, corpus)).toEqual([]);
  }, 60_000);

  it.each([
    ['not a whole number of thousandths', 0.12345],
    ['too large for thousandths in 16 bits', 40.5],
  ])('still gives the plain sum when a weight is %s', (_name, value) => {
    const first = questionFeatures(corpus[0]!, knowledge.index).find((f) =>
      Object.hasOwn(shipped.weights, f),
    )!;
    const row = [...shipped.weights[first]!];
    row[0] = value;
    const model = { ...shipped, weights: { ...shipped.weights, [first]: row } };
    expect(
      disagreements(new TopicClassifier(packClassifier(model), knowledge.index), model, corpus.slice(0, 300)),
    ).toEqual([]);
  });

  it('finds a pair whose words hold an underscore, and only the pair its name spells', () => {
    // Made-up rows around the question's own pair of heads ("warn_sign"): names that share its parts, split
    // at another underscore or under another prefix, are other features and must not be found.
    const heads = questionFeatures('what are the warning signs', knowledge.index)
      .filter((f) => f.startsWith('b:'))
      .map((f) => f.slice(2));
    expect(heads.length).toBeGreaterThan(0);
    const [pair] = heads;
    const model: ClassifierModel = {
      trainedOn: [],
      classes: ['a', 'b'],
      bias: [0, 0],
      weights: {
        [`b:${pair}`]: [1, 0],
        [`b:${pair}_x`]: [0, 7],
        [`b:x_${pair}`]: [0, 7],
        [`w:${pair}`]: [0, 7],
        'f:what_are': [0.5, 0],
        'f:what': [0.25, 0],
        'q:what_are': [0.125, 0],
        '#known:0': [0, 7],
      },
    };
    const classifier = new TopicClassifier(packClassifier(model), knowledge.index);
    for (const q of ['what are the warning signs', 'warning signs what are', 'what']) {
      const strings = questionFeatures(q, knowledge.index).filter((f) => Object.hasOwn(model.weights, f));
      expect(classifier.knownFeatures(q)).toEqual(strings);
    }
    expect(classifier.knownFeatures('what are the warning signs')).toEqual([
      `b:${pair}`,
      'f:what',
      'f:what_are',
      'q:what_are',
    ]);
    expect(disagreements(classifier, model, corpus.slice(0, 300))).toEqual([]);
  });
});
