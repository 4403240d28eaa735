/**
 * The search index: BM25 over stemmed words and concepts (synonym groups and
 * glossary acronyms), built once at start-up from each topic's title,
 * questions and tags, with the answer text at a lower weight.
 *
 * Confidence is how much of the question the best topic accounts for (the
 * share of its content words, weighted by rarity, with words no topic uses
 * weighing most) times a saturating function of the topic's BM25 score. A
 * question about printers or pay slips is mostly unknown words, so it scores
 * low whatever it shares with a topic; a single weak shared word is not
 * enough either.
 */
import type { GlossaryTerm, SearchSettings, Synonyms, Topic } from './schema';
import { LastReading } from '../rules/turnMemo';
import { Speller } from './spelling';
import { Analyzer, phrasesFrom, words, type Unit } from './text';

const K1 = 1.2;
const B = 0.75;
/** A word found only in a topic's answer counts this much towards confidence. */
const ANSWER_ONLY_COVERAGE = 0.5;
/**
 * A word no topic uses weighs twice as much as the rarest word some topic
 * uses: "how do I groom my dog" is about dogs. Tuned on the dev set.
 */
const UNKNOWN_WORD_WEIGHT = 2;
/** The BM25 score at which the score factor of confidence is one half: a single weak match is not enough. */
const SCORE_HALF = 3;

interface Doc {
  topic: Topic;
  tf: Map<string, number>;
  length: number;
  /** 1 where the term is in the title, questions or tags; less where only the answer has it. */
  presence: Map<string, number>;
}

/**
 * The topics a term occurs in, so a question only touches the topics that
 * share a term with it. Two flat arrays rather than an object per topic keep
 * the index small at thousands of topics.
 */
interface Postings {
  docs: number[];
  tfs: number[];
}

export interface Match {
  topic: Topic;
  score: number;
  confidence: number;
  /** Share of the question the topic accounts for. */
  coverage: number;
}

export interface DomainShare {
  /** The weight of the question's words the domain uses, over the weight of all its words. */
  share: number;
  /** How many of its words the domain uses, and how many it does not. */
  known: number;
  unknown: number;
}

export interface SearchResult {
  /** Best first; only topics sharing at least one term with the question. */
  matches: Match[];
  /** True when the question had no content words at all ("thanks", "?"). */
  empty: boolean;
}

export class KnowledgeIndex {
  private readonly docs: Doc[];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;
  private readonly postings = new Map<string, Postings>();
  /** BM25's length normalisation for each doc, which does not change after the build. */
  private readonly norms: Float64Array;
  private readonly queryAnalyzer: Analyzer;

  constructor(
    topics: Topic[],
    glossary: GlossaryTerm[],
    synonyms: Synonyms,
    private readonly settings: Pick<SearchSettings, 'answerWeight'>,
  ) {
    const phrases = [
      ...phrasesFrom(synonyms.groups, (i) => `~syn${i}`),
      ...phrasesFrom(
        glossary.map((t) => [t.term, t.expansion, ...(t.aliases ?? [])]),
        (i) => `~${glossary[i]!.term.toLowerCase()}`,
      ),
    ];
    const docAnalyzer = new Analyzer(phrases);
    // The speller's vocabulary: how often each word is used. A topic's texts are counted as buildDoc reads
    // them, from the words its analysis has just read (kept for the last text), not tokenised a second
    // time: that second reading was about a sixth of a cold start-up's index build. The speller reads
    // only the counts and the sorted words, so the order they are counted in changes nothing.
    const vocabulary = new Map<string, number>();
    const countWords = (ws: readonly string[]) => {
      for (const w of ws) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
    };
    const addWords = (text: string) => countWords(words(text));
    this.docs = topics.map((topic) => this.buildDoc(topic, docAnalyzer, countWords));
    this.avgLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, this.docs.length);
    this.norms = Float64Array.from(this.docs, (d) => K1 * (1 - B + (B * d.length) / this.avgLength));
    // Document frequencies and postings in one pass over each topic's terms.
    for (let doc = 0; doc < this.docs.length; doc++) {
      this.docs[doc]!.tf.forEach((tf, term) => {
        this.df.set(term, (this.df.get(term) ?? 0) + 1);
        // An answer weight of 0 leaves answer-only terms at tf 0: they match nothing, as before the postings.
        if (tf === 0) return;
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = { docs: [], tfs: [] }));
        list.docs.push(doc);
        list.tfs.push(tf);
      });
    }

    for (const g of glossary) [g.term, g.expansion, g.meaning, ...(g.aliases ?? [])].forEach(addWords);
    for (const group of synonyms.groups) group.forEach(addWords);
    this.queryAnalyzer = new Analyzer(phrases, new Speller(vocabulary), (s) => this.df.has(s));
  }

  /** `countWords` gets each text's words, as the analysis read them. */
  private buildDoc(topic: Topic, analyzer: Analyzer, countWords: (ws: readonly string[]) => void): Doc {
    const tf = new Map<string, number>();
    const presence = new Map<string, number>();
    const add = (text: string, weight: number, coverage: number) => {
      for (const unit of analyzer.analyse(text)) {
        for (const term of unit) {
          tf.set(term, (tf.get(term) ?? 0) + weight);
          presence.set(term, Math.max(presence.get(term) ?? 0, coverage));
        }
      }
      countWords(words(text));
    };
    add(topic.title, 2, 1);
    for (const q of topic.questions) add(q, 1, 1);
    for (const tag of topic.tags ?? []) add(tag, 1, 1);
    add(topic.answer, this.settings.answerWeight, ANSWER_ONLY_COVERAGE);
    const length = [...tf.values()].reduce((s, v) => s + v, 0);
    return { topic, tf, length, presence };
  }

  get size(): number {
    return this.docs.length;
  }

  private idf(term: string): number {
    const n = this.docs.length;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** How much a word of the question matters: its rarest known form, or the most for a word no topic has. */
  private unitWeight(unit: Unit): number {
    const known = unit.filter((t) => this.df.has(t));
    if (known.length > 0) return Math.max(...known.map((t) => this.idf(t)));
    // An unknown one- or two-letter word ("TA", "pp") is more likely shorthand than a different subject.
    return unit.every((t) => t.length <= 2) ? 0 : UNKNOWN_WORD_WEIGHT * this.idf('');
  }

  /** The last question read: one question is read by the search, the classifier and the off-topic gate in turn. */
  private readonly last = new LastReading((question: string) => this.queryAnalyzer.analyse(question));

  analyse(question: string): Unit[] {
    return this.last.of(question);
  }

  /**
   * How much of a question is the content's own language: the weight of its
   * words that some topic uses (or that `alsoKnown` accepts), over the weight
   * of all its words, with each word weighted as confidence weighs it (a word
   * no topic uses weighs most). 1 for a question with no content words.
   */
  domainShare(question: string, alsoKnown: (unit: Unit) => boolean = () => false): DomainShare {
    const units = this.analyse(question);
    let known = 0;
    let total = 0;
    let knownWords = 0;
    for (const u of units) {
      const inTopics = u.filter((t) => this.df.has(t));
      const isKnown = inTopics.length > 0 || alsoKnown(u);
      // A word the domain knows counts at least half as much as the rarest, so "make" in "make mash potatoes" is not nothing.
      const w = isKnown
        ? Math.max(...inTopics.map((t) => this.idf(t)), this.idf('') / 2)
        : this.unitWeight(u);
      total += w;
      if (isKnown) {
        known += w;
        knownWords++;
      }
    }
    return { share: total === 0 ? 1 : known / total, known: knownWords, unknown: units.length - knownWords };
  }

  /** True when some topic uses this stem or concept. */
  knows(term: string): boolean {
    return this.df.has(term);
  }

  /**
   * The topics sharing a term with the question, best first. Only the first
   * `limit` get a confidence, which is all a caller reads: the cost of a
   * question then grows with the topics that share its words, not with every
   * topic in the content.
   */
  search(question: string, limit = Infinity): SearchResult {
    const units = this.analyse(question);
    if (units.length === 0) return { matches: [], empty: true };
    const terms = [...new Set(units.flat())].filter((t) => this.df.has(t));
    const weights = units.map((u) => this.unitWeight(u));
    const total = weights.reduce((s, w) => s + w, 0);
    const scores = new Float64Array(this.docs.length);
    const touched: number[] = [];
    for (const t of terms) {
      const idf = this.idf(t);
      const { docs, tfs } = this.postings.get(t) ?? { docs: [], tfs: [] };
      docs.forEach((doc, i) => {
        const tf = tfs[i]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += (idf * tf * (K1 + 1)) / (tf + this.norms[doc]!);
      });
    }
    const before = (a: number, b: number) =>
      scores[a]! > scores[b]! ||
      (scores[a] === scores[b] && this.docs[a]!.topic.id.localeCompare(this.docs[b]!.topic.id) < 0);
    const best =
      limit >= touched.length
        ? touched.sort((a, b) => (before(a, b) ? -1 : 1))
        : topK(touched, limit, before);
    const matches = best.map((d): Match => {
      const doc = this.docs[d]!;
      const score = scores[d]!;
      let covered = 0;
      units.forEach((u, i) => {
        covered += weights[i]! * Math.max(0, ...u.map((t) => doc.presence.get(t) ?? 0));
      });
      const coverage = total > 0 ? covered / total : 0;
      // Both must be high: most of the question accounted for, and by strong matches.
      return { topic: doc.topic, score, coverage, confidence: coverage * (score / (score + SCORE_HALF)) };
    });
    return { matches, empty: false };
  }
}

/** The first k of items in the order `before` gives, without sorting them all. */
function topK(items: number[], k: number, before: (a: number, b: number) => boolean): number[] {
  const kept: number[] = [];
  for (const item of items) {
    if (kept.length === k && !before(item, kept[k - 1]!)) continue;
    let at = kept.length;
    while (at > 0 && before(item, kept[at - 1]!)) at--;
    kept.splice(at, 0, item);
    if (kept.length > k) kept.pop();
  }
  return kept;
}
