/**
 * The index only scores the topics that share a word with the question and
 * only works out a confidence for the few a caller reads, so that a
 * knowledge base of thousands of topics answers as fast as one of thirty.
 * These tests pin that the shortcut changes nothing a practitioner sees.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { growContent } from '../../bench/synthetic';
import { loadAreaContacts } from '../../src/contacts/load';
import { loadKnowledgeContent } from '../../src/knowledge/load';
import { KnowledgeIndex, type Match } from '../../src/knowledge/search';

const shipped = loadKnowledgeContent('content/knowledge', loadAreaContacts());
const questions = readFileSync('tests/fixtures/faq-eval.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { q: string }).q);

const indexOf = (content: typeof shipped) =>
  new KnowledgeIndex(content.topics, content.glossary, content.synonyms, content.settings);
const shown = (matches: Match[]) =>
  matches.map((m) => ({ id: m.topic.id, score: m.score, confidence: m.confidence }));

describe('searching with a limit', () => {
  it.each([
    ['the shipped topics', shipped],
    ['the shipped topics among 400 synthetic ones', growContent(shipped, 400)],
  ])('gives the same first three topics, scores and confidences as a full search, on %s', (_, content) => {
    const index = indexOf(content);
    for (const q of questions) {
      expect(shown(index.search(q, 3).matches), q).toEqual(shown(index.search(q).matches.slice(0, 3)));
    }
  });

  it('ranks every topic that shares a word with the question in a full search, best first', () => {
    const { matches } = indexOf(shipped).search('what are the warning signs of grooming online');
    expect(matches.length).toBeGreaterThan(3);
    const scores = matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('lets an answer weight of 0 keep words found only in answers from matching', () => {
    const topic = shipped.topics.find((t) => t.id === 'grooming')!;
    const index = new KnowledgeIndex(
      [{ ...topic, answer: 'Zebracrossing.' }],
      [],
      { groups: [] },
      { answerWeight: 0 },
    );
    expect(index.search('zebracrossing').matches).toEqual([]);
  });
});
