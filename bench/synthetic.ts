/**
 * Synthetic knowledge content for measuring how answering grows with the
 * size of the knowledge base (a county-wide or national deployment has
 * thousands of topics). Generated from a seeded PRNG so every run, on every
 * machine, measures the same content; every topic is valid against the
 * content schema and the loader's cross-checks.
 *
 * The words are a mix of common practitioner words, which the dev-set
 * questions also use (so synthetic topics compete with the real ones for a
 * question, as they would in a larger deployment), and made-up words whose
 * number grows with the size (new places, services and teams), so the
 * vocabulary grows as a real one does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { KnowledgeContent } from '../src/knowledge/load';
import { MAX_BUTTON_TITLE } from '../src/cards/actions';
import type { Topic } from '../src/knowledge/schema';
import { seededRandom } from '../src/seededRandom';

export const DEFAULT_SEED = 20261128;

const COMMON = (
  'child children young person people parent carer family school college teacher police social worker ' +
  'health nurse doctor team service services support advice help guidance concern concerns worried worry ' +
  'risk safety safe report referral refer meeting plan assessment review record records information share ' +
  'sharing consent online phone message missing home house party friends older group money gifts drugs ' +
  'alcohol travel town city area local council office duty manager lead training form forms contact contacts ' +
  'evening weekend night week month procedure policy practice case cases worker workers agency agencies ' +
  'partner partners relationship abuse harm exploitation criminal sexual emotional online apps game games ' +
  'photos images secret trust change behaviour attendance absence hospital clinic housing youth club sport'
).split(' ');

const FRAMES = [
  'what is',
  'how do I',
  'who handles',
  'where can I find',
  'what should I do about',
  'is there guidance on',
  'tell me about',
  'can you explain',
  '',
];

const ONSETS = [
  'b',
  'br',
  'c',
  'cl',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'pl',
  'r',
  's',
  'st',
  't',
  'tr',
  'v',
  'w',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
const CODAS = ['', 'n', 'r', 'l', 'st', 'nd', 'ck', 'm', 'sh', 'th'];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: () => number, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

function madeUpWord(random: () => number): string {
  const syllables = between(random, 2, 3);
  let w = '';
  for (let i = 0; i < syllables; i++) w += pick(random, ONSETS) + pick(random, VOWELS) + pick(random, CODAS);
  return w;
}

/** Made-up words grow as the square root of the topic count (Heaps' law, roughly). */
function lexicon(random: () => number, topics: number): string[] {
  const wanted = Math.round(60 * Math.sqrt(topics));
  const made = new Set<string>();
  while (made.size < wanted) made.add(madeUpWord(random));
  return [...made];
}

/** Common words two times in three, drawn towards the front of each list as real word frequencies are. */
function wordFrom(random: () => number, madeUp: readonly string[]): string {
  const list = random() < 2 / 3 ? COMMON : madeUp;
  return list[Math.floor(list.length * random() * random())]!;
}

function phrase(random: () => number, madeUp: readonly string[], min: number, max: number): string[] {
  return Array.from({ length: between(random, min, max) }, () => wordFrom(random, madeUp));
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function syntheticId(i: number): string {
  return `synthetic-${String(i + 1).padStart(5, '0')}`;
}

/** count topics in the content schema's input form, the same for the same seed. */
export function syntheticTopics(count: number, seed: number = DEFAULT_SEED): Topic[] {
  const random = seededRandom(seed);
  const madeUp = lexicon(random, count);
  return Array.from({ length: count }, (_, i): Topic => {
    const subject = phrase(random, madeUp, 2, 3);
    const questions = new Set<string>();
    const wanted = between(random, 6, 10);
    while (questions.size < wanted) {
      const frame = pick(random, FRAMES);
      const words = [
        ...subject.slice(0, between(random, 1, subject.length)),
        ...phrase(random, madeUp, 1, 4),
      ];
      questions.add(`${frame} ${words.join(' ')}`.trim());
    }
    const sentences = Array.from(
      { length: between(random, 4, 9) },
      () => `${capitalise(phrase(random, madeUp, 6, 12).join(' '))}.`,
    );
    const related = new Set<string>();
    const relatedCount = count > 1 ? between(random, 0, Math.min(3, count - 1)) : 0;
    while (related.size < relatedCount) {
      const other = Math.floor(random() * count);
      if (other !== i) related.add(syntheticId(other));
    }
    const title = capitalise(subject.join(' '));
    return {
      id: syntheticId(i),
      title,
      // A title too long for a button gets a shorter one, as the content schema asks; no random draw, so the rest is unchanged.
      ...(title.length > MAX_BUTTON_TITLE ? { button: buttonTitle(title) } : {}),
      questions: [...questions],
      answer: sentences.join(' '),
      sources: [{ name: 'Synthetic benchmark content, generated by bench/synthetic.ts (not guidance)' }],
      reviewed: '2026-01-01',
      related: [...related],
      actions: [],
      tags: phrase(random, madeUp, 0, 3),
    };
  });
}

/** The title cut at the last whole word that fits on a button. */
function buttonTitle(title: string): string {
  const cut = title.slice(0, MAX_BUTTON_TITLE + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : title.slice(0, MAX_BUTTON_TITLE)).trim();
}

/** The shipped content with synthetic topics added, to total topics in all. */
export function growContent(shipped: KnowledgeContent, total: number, seed?: number): KnowledgeContent {
  const extra = Math.max(0, total - shipped.topics.length);
  return { ...shipped, topics: [...shipped.topics, ...syntheticTopics(extra, seed)] };
}

const YAML_OPTIONS = { lineWidth: 0 } as const;

/** Writes content as the loader reads it: topics/<id>.yaml, glossary.yaml, synonyms.yaml, search.yaml. */
export function writeContent(dir: string, content: KnowledgeContent): void {
  mkdirSync(path.join(dir, 'topics'), { recursive: true });
  for (const topic of content.topics) {
    writeFileSync(path.join(dir, 'topics', `${topic.id}.yaml`), stringify(topic, YAML_OPTIONS));
  }
  writeFileSync(path.join(dir, 'glossary.yaml'), stringify({ terms: content.glossary }, YAML_OPTIONS));
  writeFileSync(path.join(dir, 'synonyms.yaml'), stringify(content.synonyms, YAML_OPTIONS));
  writeFileSync(path.join(dir, 'search.yaml'), stringify(content.settings, YAML_OPTIONS));
}
