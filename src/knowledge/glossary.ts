/**
 * "What does X stand for?": a rule, not a search, so an acronym is expanded
 * exactly as the glossary says and an acronym we do not know is admitted,
 * never guessed from a topic that happens to share a word.
 */
import type { GlossaryTerm } from './schema';
import { normaliseText } from '../rules/intent';

/** "what mean MET", "what signify CEOP", "what is mean MASH": the meaning asked before the letters. */
const WHAT_MEAN = 'what (is |does )?(mean|means|signify|signifies)';
const ONLY_WHAT_MEAN = new RegExp(`^${WHAT_MEAN}$`);

/**
 * Words that ask what letters stand for, typed properly or fast ("NRM means
 * what?", "mappa mean wat", "ictg = ? the letters i mean"). "Definition of
 * CSE" is left to the topic that defines it, and "what does that outcome
 * mean" is not about letters: the words between "what does" and "mean" must
 * be few. Writers of English as a second language ask "what signify CEOP?", "what mean MET", "what is mean MASH"; "DASS? what's
 * that one" names the term first.
 */
const ASKS_MEANING = new RegExp(
  '\\b(stand for|stands for|standing for|short for|abbreviation|abbrev|acronym|full form|full words?|meaning|expand|the letters|never heard of|letters? wise|in letters|what (does|do|did) (\\S+ ){1,3}mean|' +
    WHAT_MEAN +
    "|(means?|stand for|stands for) (what|wat|wot))\\b|\\b(what is|what's|whats|what s|wats|wots|wot is|wat is) (that|this|it)( one)?$",
);

/** Asking what letters or a word mean ("What mean OOH? I see it in email from agency"), in so many words. */
export function asksMeaning(normalised: string): boolean {
  return ASKS_MEANING.test(normalised);
}

/** "MASH = ?", "ictg =?": what the letters stand for, typed as an equation. */
export const EQUALS_WHAT = /=\s*\?/;

/** A topic's title names the term, by its letters or its expansion: the topic is about it. */
export function namesTerm(title: string | undefined, term: GlossaryTerm): boolean {
  if (title === undefined) return false;
  const t = title.toLowerCase();
  return new RegExp(`\\b${term.term.toLowerCase()}\\b`).test(t) || t.includes(term.expansion.toLowerCase());
}

/** "what is X", "whats the X", "sorry wat is X": X may be a term. */
const WHAT_IS =
  /^(?:(?:sorry|ok|okay|so|and|hi|hello|please|pls|quick q|quick one) )*(?:what is|whats|what s|wat is|wot is|wats|wots|what are|who is|who are|who s) (?:the |a |an )?(\S+(?: \S+)?)$/;

const POINTING = new Set(['the', 'letters', 'initials', 'they', 'those', 'these']);
/** Words that may stand beside the acronym in "what does X mean": "what does the acronym MASH mean". */
const LETTER_WORDS = new Set(['a', 'an', 'acronym', 'abbreviation', 'term', 'word', 'this', 'that', 'it']);

export type GlossaryQuestion =
  { kind: 'known'; term: GlossaryTerm } | { kind: 'unknown'; asked: string } | { kind: 'none' };

/**
 * Keys as the glossary map holds them: lower case, no spaces ("cserq 4" → "cserq4"), and no quotes, which
 * the normal form keeps ("what is the meaning of 'CEOP'").
 */
export function glossaryKey(s: string): string {
  return s.toLowerCase().replace(/[\s']+/g, '');
}

function findTerm(words: string[], glossary: ReadonlyMap<string, GlossaryTerm>): GlossaryTerm | undefined {
  for (let i = 0; i < words.length; i++) {
    // Two-word aliases first ("cserq 4"), then single words.
    const pair =
      words[i + 1] === undefined ? undefined : glossary.get(glossaryKey(`${words[i]}${words[i + 1]}`));
    const found = pair ?? glossary.get(glossaryKey(words[i]!));
    if (found) return found;
  }
  return undefined;
}

/** The one glossary term a message names, when it names exactly one ("PSCP full name pls"). */
export function onlyTermNamed(
  normalised: string,
  glossary: ReadonlyMap<string, GlossaryTerm>,
): GlossaryTerm | undefined {
  const words = normalised.split(' ').filter((w) => w !== '');
  const named = new Set<GlossaryTerm>();
  for (let i = 0; i < words.length; i++) {
    const term = findTerm(words.slice(i, i + 2), glossary);
    if (term) named.add(term);
  }
  return named.size === 1 ? [...named][0] : undefined;
}

/** Words that ask what a term is, or set the question's scene, rather than asking about something else. */
const ASKING_WORDS = new Set(
  (
    'what whats wat wot is are does do stand stands for short mean means meaning full name form abbreviation ' +
    'acronym letters the a an in of this that context pls please plz again sorry ok okay quick q u you me tell ' +
    'hi hello hey i im m new here just wondering question can someone explain never heard it'
  ).split(' '),
);

/**
 * How many words of a message are neither the term (by any of its aliases) nor words asking what it is:
 * "PSCP full name pls" has none, "pull factors meaning in CSE context" two.
 */
function wordsBesideTerm(
  normalised: string,
  term: GlossaryTerm,
  glossary: ReadonlyMap<string, GlossaryTerm>,
): number {
  const words = normalised.split(' ').filter((w) => w !== '');
  let beside = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (words[i + 1] !== undefined && glossary.get(glossaryKey(`${w}${words[i + 1]}`)) === term) i++;
    else if (glossary.get(glossaryKey(w)) !== term && !ASKING_WORDS.has(w)) beside++;
  }
  return beside;
}

/**
 * Two or more words besides the term and the words asking what it is: the term may only set the scene
 * of a question about something else ("pull factors meaning in CSE context").
 */
export function termSetsTheScene(
  normalised: string,
  term: GlossaryTerm,
  glossary: ReadonlyMap<string, GlossaryTerm>,
): boolean {
  return wordsBesideTerm(normalised, term, glossary) >= 2;
}

/**
 * The words a "what does X mean" or "what means X" question asks about, or null when the question does
 * not name them that way. "What does X mean" and "the meaning of X": the letters asked about are X, not
 * another acronym elsewhere in the message. "What means X": X is the word after ("what means multi agency
 * in the MASH" asks about "multi agency").
 */
function wordsAskedAbout(asks: RegExpExecArray, normalised: string): string[] | null {
  const [asked] = asks;
  if (/^what (does|do|did) /.test(asked)) return asked.split(' ').slice(2, -1);
  // "what is the meaning of grooming in UK safeguarding" asks about grooming, not the UK.
  if (asked === 'meaning') {
    const of = /^ of (the |a |an )?(\S+)/.exec(normalised.slice(asks.index + asked.length));
    return of ? [of[2]!] : null;
  }
  if (!ONLY_WHAT_MEAN.test(asked)) return null;
  const after = normalised.slice(asks.index + asked.length).split(' ');
  return after.filter((w) => w !== '' && w !== 'the').slice(0, 1);
}

/** The words of the first short run of text in quotes (a term, two words at most), if the message has one. */
function quotedWords(raw: string): string[] | null {
  const q = /(?:^|[\s(])['"‘“]([^'"‘’“”]{1,30})['"’”]/.exec(raw);
  const quoted = q
    ? normaliseText(q[1]!)
        .split(' ')
        .filter((w) => w !== '')
    : [];
  return quoted.length > 0 && quoted.length <= 2 ? quoted : null;
}

/** Words around a term asked about alone, in a chat: "and DSL?", "what about the DSL then". */
const BARE_LEAD = /^((and|also|or|so|ok|okay|what about|how about) )*((the|a|an) )?/;
const BARE_TAIL = / (then|too|please|pls)$/;

/**
 * `normalised` is the lower-cased message; `raw` is what was typed, used to
 * tell an acronym ("NHS", in capitals) from an ordinary word ("grooming"),
 * which is left to the knowledge-base search.
 */
export function glossaryQuestion(
  normalised: string,
  raw: string,
  glossary: ReadonlyMap<string, GlossaryTerm>,
  isTopicSubject: (term: GlossaryTerm) => boolean = () => true,
): GlossaryQuestion {
  const words = normalised.split(' ').filter((w) => w !== '');
  // A message that is only an acronym ("CEOP?") asks what it is; so does "and DSL?" in a chat, unless the
  // term is a topic's subject ("and the NRM?" after trafficking asks about the NRM, which its topic answers).
  const alone = normalised.replace(/^(the|a|an) /, '');
  const bare = glossary.get(glossaryKey(alone));
  if (bare) return { kind: 'known', term: bare };
  const chatted = glossary.get(glossaryKey(normalised.replace(BARE_LEAD, '').replace(BARE_TAIL, '')));
  if (chatted && !isTopicSubject(chatted)) return { kind: 'known', term: chatted };
  // "what is a DSL? the school keeps mentioning it": the question is the first sentence, the rest its setting.
  const [first, ...rest] = raw.split('?');
  if (rest.some((r) => r.trim() !== '')) {
    const asked = glossaryQuestion(normaliseText(first!), first!, glossary, isTopicSubject);
    if (asked.kind === 'known') return asked;
  }
  // "sorry whats MAPPA": a term that is no topic's subject, asked about in so many words, is the glossary's
  // ("what is the NRM" is its topic's question).
  const whatIs = WHAT_IS.exec(normalised);
  const plain = whatIs ? findTerm(whatIs[1]!.split(' '), glossary) : undefined;
  if (plain && !isTopicSubject(plain) && wordsBesideTerm(normalised, plain, glossary) === 0)
    return { kind: 'known', term: plain };
  const asks = ASKS_MEANING.exec(normalised);
  if (!asks && !EQUALS_WHAT.test(raw)) return { kind: 'none' };
  const named = asks ? wordsAskedAbout(asks, normalised) : null;
  // "what does the CSERQ4 result mean" asks about a result, not the letters.
  if (named?.some((w) => !POINTING.has(w) && !LETTER_WORDS.has(w) && !findTerm([w], glossary)))
    return { kind: 'none' };
  // "NPT, what do the letters mean": "the letters" points back at the acronym.
  const subject = named?.every((w) => POINTING.has(w)) ? null : named;
  // "social worker's email says 'ooh'. what does that mean": "that" points at the word in quotes. Not "she
  // was 'discussed at MET'. what does that mean for her", which asks what follows from it.
  const endsAsking = asks !== null && normalised.slice(asks.index + asks[0].length).trim() === '';
  const quoted =
    endsAsking && named?.every((w) => POINTING.has(w) || LETTER_WORDS.has(w)) ? quotedWords(raw) : null;
  const term = (quoted && findTerm(quoted, glossary)) ?? findTerm(subject ?? words, glossary);
  if (term) return { kind: 'known', term };
  const acronym = (raw.match(/\b[A-Z][A-Z0-9&]{1,9}\b/g) ?? []).find(
    (a) => a !== 'I' && (subject === null || subject.includes(a.toLowerCase())),
  );
  return acronym ? { kind: 'unknown', asked: acronym } : { kind: 'none' };
}
