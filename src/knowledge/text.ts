/**
 * Text analysis shared by the index and the questions put to it, so both
 * sides are tokenised, spelling-corrected, stemmed and expanded the same way.
 * natural is imported by deep path: its top-level entry loads every language.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import AggressiveTokenizer from 'natural/lib/natural/tokenizers/aggressive_tokenizer';
import { LastReading } from '../rules/turnMemo';
import { spaceRuns } from '../rules/spaceRuns';
import { expandTextSpeak } from './spelling';
import { WordCache } from './wordCache';

const tokenizer = new AggressiveTokenizer();

/** Words that carry no topic on their own. Kept short on purpose: "not", "under", "out" and numbers matter here. */
const STOPWORDS = new Set(
  (
    'a an the is are was were be been being am do does did doing done i me my mine we us our you your he him his ' +
    'she her hers they them their it its this that these those there here of to in on at by for with from as and ' +
    'or but if so than then too very can could should would will shall may might must have has had what whats ' +
    'which who whom whose when where why how about into just any some also get got please know need want ' +
    'im ive id ill dont doesnt theres thats hi hello thanks thank ok okay bot really shes hes theyre theyve ' +
    'youre weve isnt arent wasnt cant wont wouldnt shouldnt couldnt say says said saying like yes no ' +
    // The frame of a question rather than its topic: "explain X in simple terms", "what does X look like".
    'explain explained explaining simple simply terms example examples pls plz actually basically something ' +
    'someone somebody anyone anything thing things way kind sort bit quick quickly brief briefly still ever ' +
    'always even lot lots go going goes went come comes happen happens happening look looks apply applies ' +
    'mean means use using used put give gives take takes sure exactly after before again back new'
  ).split(' '),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * Lower case, apostrophes dropped ("children's" → "childrens"), anything else that is not a letter or digit
 * is a space. A turn reads the message's words in several places (the search, the small talk, the
 * off-topic gate), so the last text's words are kept for the rest of the turn, and shared: read only.
 */
export function words(text: string): readonly string[] {
  return lastWords.of(text);
}

const lastWords = new LastReading(wordsNow);

function wordsNow(text: string): readonly string[] {
  const cleaned = otherAsSpace(
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/['’‘`]/g, ''),
  );
  return tokenizer.tokenize(cleaned);
}

/** Every run of anything but a-z and digits, as one space. */
const otherAsSpace = spaceRuns('^a-z0-9');

const stemCache = new WordCache<string>();
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\d+$/.test(word) ? word : PorterStemmer.stem(word);
    stemCache.set(word, s);
  }
  return s;
}

export interface Phrase {
  stems: string[];
  concept: string;
}

/** One content word of a text: its stem and the concepts (synonym groups, acronyms) it takes part in. */
export type Unit = string[];

export class Analyzer {
  private readonly phrasesByFirst = new Map<string, Phrase[]>();

  /**
   * With a corrector (the query side), text-speak is spelt out first, and
   * words whose stem the index knows are left alone ("working" is not bent
   * into "wording"); only unknown words are corrected.
   */
  constructor(
    phrases: Phrase[],
    private readonly corrector?: { correct(word: string): string | null },
    private readonly knownStem: (stem: string) => boolean = () => false,
  ) {
    for (const p of phrases) {
      const first = p.stems[0];
      if (first === undefined) continue;
      const list = this.phrasesByFirst.get(first) ?? [];
      list.push(p);
      this.phrasesByFirst.set(first, list);
    }
  }

  analyse(text: string): Unit[] {
    // The query side reads the message's words as spokenWords() does, and shares that reading.
    const typed = this.corrector ? spokenWords(text) : words(text);
    const ws = typed.map((w) => {
      if (!this.corrector || isStopword(w) || this.knownStem(stem(w))) return w;
      return this.corrector.correct(w) ?? w;
    });
    const stems = ws.map(stem);
    const content = ws.map((w) => !isStopword(w));
    const concepts: string[][] = stems.map(() => []);
    const units: Unit[] = [];
    stems.forEach((s, i) => {
      for (const p of this.phrasesByFirst.get(s) ?? []) {
        if (!p.stems.every((ps, j) => stems[i + j] === ps)) continue;
        const at = p.stems.map((_, j) => i + j).filter((k) => content[k]);
        // A phrase of stopwords only ("out of") still counts once as its concept; a lone stopword
        // that happens to stem like a synonym ("even", "evening") does not.
        if (at.length === 0 && p.stems.length > 1) units.push([p.concept]);
        for (const k of at) concepts[k]!.push(p.concept);
      }
    });
    const ages: number[] = [];
    ws.forEach((w, i) => {
      if (!content[i]) return;
      // Small numbers are ages here; they count through ageConcept below, not as words.
      if (/^\d{1,2}$/.test(w)) {
        ages.push(Number(w));
        if (concepts[i]!.length > 0) units.push([...new Set(concepts[i])]);
        return;
      }
      units.push(unitOf(stems[i]!, concepts[i]!));
    });
    const age = ageConcept(ages);
    if (age) units.push([age]);
    return units;
  }
}

/**
 * A word's unit: its stem, then its concepts once each, in the order found. Most words take part in no
 * concept or one, and need no set to say so (a set and its spread for every word of every message).
 */
function unitOf(stem: string, concepts: readonly string[]): Unit {
  if (concepts.length === 0) return [stem];
  if (concepts.length === 1) return [stem, concepts[0]!];
  return [stem, ...new Set(concepts)];
}

/**
 * What the ages in a question point to: two ages are an age gap ("15 and her
 * boyfriend is 21"), one under 13 is the under-13 rule, one of 18 to 25 is an
 * adult. Numbers are otherwise ignored, so "15% of 240" matches nothing.
 */
export function ageConcept(ages: number[]): string | null {
  if (ages.length >= 2) return '#age-gap';
  const [age] = ages;
  if (age === undefined) return null;
  if (age < 13) return '#age-under-13';
  if (age >= 18 && age <= 25) return '#age-adult';
  return null;
}

export function phrasesFrom(groups: string[][], concept: (index: number) => string): Phrase[] {
  return groups.flatMap((group, i) =>
    group
      .map((phrase) => ({ stems: words(phrase).map(stem), concept: concept(i) }))
      .filter((p) => p.stems.length > 0),
  );
}

const spoken = new LastReading((text: string): readonly string[] => expandTextSpeak(words(text)));

/**
 * A message's words with text-speak spelt out, read once per message: the rules, the small talk and the
 * classifier each read the same message in a turn, and the last reading is kept for the next of them.
 */
export function spokenWords(text: string): readonly string[] {
  return spoken.of(text);
}

const spokenLine = new LastReading((text: string): string => spokenWords(text).join(' '));

/**
 * The same words as one line, a single space apart: what most rules test their patterns on. Joined once
 * per message, not by each rule (a dozen new strings a turn).
 */
export function spokenText(text: string): string {
  return spokenLine.of(text);
}

const SECOND_SENTENCE = /[.?!;:\n][^]*[a-z0-9]/i;

/**
 * The sentence that asks, in a message of more than one sentence: the last one ending in "?", else the last
 * one ("…she told me. should I report it?"). Null for a message of one sentence.
 */
export function askingSentenceOf(text: string): string | null {
  // A second sentence with a letter or digit in it starts after a break and has one after it: most
  // messages have no such break, and are not split.
  if (!SECOND_SENTENCE.test(text)) return null;
  const sentences = text
    .split(/(?<=[.?!;:\n])/)
    .map((s) => s.trim())
    .filter((s) => /[a-z0-9]/i.test(s));
  if (sentences.length < 2) return null;
  for (let i = sentences.length - 1; i >= 0; i--) if (sentences[i]!.endsWith('?')) return sentences[i]!;
  return sentences[sentences.length - 1]!;
}
