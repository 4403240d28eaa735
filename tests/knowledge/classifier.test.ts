import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAreaContacts } from '../../src/contacts/load';
import { buildKnowledgeBase } from '../../src/knowledge/base';
import { questionFeatures, TopicClassifier } from '../../src/knowledge/classifier';
import { classifierFileSchema } from '../../src/knowledge/classifierFile';
import { packClassifier } from '../../src/knowledge/classifierWeights';
import { loadKnowledgeContent } from '../../src/knowledge/load';
import { KnowledgeIndex } from '../../src/knowledge/search';
import {
  examplesFrom,
  labelFor,
  modelText,
  trainClassifier,
  trainFromManifest,
} from '../../src/cli/trainTopics';
import { projectRoot } from '../../src/paths';

const contacts = loadAreaContacts();
const content = loadKnowledgeContent('content/knowledge', contacts);
const knowledge = buildKnowledgeBase(content);
const dir = path.join(projectRoot(), 'content/knowledge');

describe('the topic classifier', () => {
  it('is rebuilt bit for bit from its corpus: the committed model is what "kb train" makes', () => {
    const index = new KnowledgeIndex(content.topics, content.glossary, content.synonyms, content.settings);
    const { model, errors } = trainFromManifest(dir, content.topics, index);
    expect(errors).toEqual([]);
    expect(modelText(model)).toBe(readFileSync(path.join(dir, 'classifier.json'), 'utf8'));
  }, 180_000);

  it('never trains on a validation file', () => {
    const manifest = readFileSync(path.join(dir, 'training/training.yaml'), 'utf8');
    const model = content.classifier!;
    for (const f of manifest
      .match(/validation: \[(.*)\]/)![1]!
      .split(',')
      .map((s) => s.trim())) {
      expect(model.trainedOn).not.toContain(`training/${f}`);
    }
  });

  it('lists every class once, most likely first and ties by label, for every training question', () => {
    const classifier = knowledge.classifier!;
    const questions = readFileSync(path.join(dir, 'training/w1.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { q: string }).q);
    // A tie between two classes, as a question with no features the model knows may give.
    questions.push('', 'zzqx');
    for (const q of questions) {
      const predictions = classifier.classify(q);
      const sorted = [...predictions].sort(
        (a, b) => b.probability - a.probability || a.label.localeCompare(b.label),
      );
      expect(predictions).toEqual(sorted);
      expect(predictions.map((p) => p.label).sort()).toEqual([...classifier.model.classes].sort());
    }
  });

  it('knows every topic and the routes a question may need instead', () => {
    const classes = new Set(content.classifier!.classes);
    for (const id of knowledge.topics.keys()) expect(classes).toContain(id);
    for (const route of ['~contacts', '~smalltalk', '~none']) expect(classes).toContain(route);
  });

  it('reads a case description for its topic', () => {
    const [top] = knowledge.classifier!.classify(
      'Y9 girl, 14, new older bf, going missing overnight, new phone and nails done. is this CSE?',
    );
    expect(['warning-signs', 'what-is-cse']).toContain(top!.label);
  });

  it('reads the ages and the case, not only the words', () => {
    const f = questionFeatures('is it ok for a 15 year old to have a 19 year old boyfriend', knowledge.index);
    expect(f).toContain('#age-gap');
    expect(f).toContain('#child-13-15');
  });

  it('learns from the examples it is given, the same way every time', () => {
    const examples = [
      { q: 'who grooms children', labels: ['who-can-groom'] },
      { q: 'who can be a groomer', labels: ['who-can-groom'] },
      { q: 'signs of exploitation', labels: ['warning-signs'] },
      { q: 'what are the warning signs', labels: ['warning-signs'] },
    ];
    const options = { steps: 60, learningRate: 0.1, l2: 0.0002, minCount: 1 };
    const a = trainClassifier(examples, knowledge.index, [], options);
    const b = trainClassifier([...examples], knowledge.index, [], options);
    expect(modelText(a)).toBe(modelText(b));
    const clf = new TopicClassifier(packClassifier(a), knowledge.index);
    expect(clf.classify('warning signs?')[0]!.label).toBe('warning-signs');
    expect(clf.classify('who can groom a child')[0]!.label).toBe('who-can-groom');
    // The model as written and read back classifies as the model in memory does, to the last bit.
    const read = new TopicClassifier(classifierFileSchema.parse(JSON.parse(modelText(a))), knowledge.index);
    for (const q of ['warning signs?', 'who can groom a child', 'what are the signs', ''])
      expect(read.classify(q)).toEqual(clf.classify(q));
  });

  it('refuses to write a weight the file cannot hold exactly, naming its feature', () => {
    const model = { trainedOn: [], classes: ['a', 'b'], bias: [0, 0], weights: { 'w:x': [0.5, 0.1234] } };
    expect(() => modelText(model)).toThrow(/^w:x: value 1 \(0\.1234\) is not a whole number of 1\/1000/);
    expect(() => modelText({ ...model, weights: { 'w:x': [0.5, 40.5] } })).toThrow(/^w:x: value 1 \(40\.5\)/);
  });

  it('sets aside lines for topics the content does not have yet, and reads null as "none of these"', () => {
    const ids = new Set(['grooming']);
    const text = [
      '{"q": "what is grooming", "expect": "grooming"}',
      '{"q": "how do I report to CEOP", "expect": "online-grooming"}',
      '{"q": "printer jammed", "expect": null}',
      '{"q": "who do I call", "expect": "contacts"}',
    ].join('\n');
    const { examples, setAside } = examplesFrom(text, ids);
    expect(setAside).toBe(1);
    expect(examples.map((e) => e.labels)).toEqual([['grooming'], ['~none'], ['~contacts']]);
    expect(labelFor('smalltalk', ids)).toBe('~smalltalk');
  });
});
