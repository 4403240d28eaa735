/**
 * "What does X stand for?": a rule, not a search, so an acronym is expanded
 * exactly as the glossary says and an acronym we do not know is admitted,
 * never guessed from a topic that happens to share a word.
 */
import type { GlossaryTerm } from './schema';

const ASKS_MEANING = [
  /^(?:so )?(?:what|wat|wot|whats)(?: does| do| is|s)?(?: the)?(?: acronym| abbreviation| letters| abbrev)? (.+?) (?:stand for|stands for|standing for|mean|means|short for)$/,
  /^(?:what is|whats)(?: the)? (?:meaning|definition|full form|expansion|abbreviation|acronym) (?:of|for) (.+)$/,
  /^(?:meaning|definition|full form|expansion) of (.+)$/,
  /^(.+?) (?:stands for|stand for|meaning|acronym|abbreviation|full form|short for)$/,
  /^(?:define|expand|decode)(?: the)?(?: acronym| abbreviation)? (.+)$/,
];

export type GlossaryQuestion =
  { kind: 'known'; term: GlossaryTerm } | { kind: 'unknown'; asked: string } | { kind: 'none' };

const key = (s: string) => s.replace(/^(the|a|an) /, '').replace(/\s+/g, '');

/**
 * `normalised` is the lower-cased message; `raw` is what was typed, used to
 * tell an acronym ("NHS", in capitals) from an ordinary word ("grooming"),
 * which is left to the knowledge-base search.
 */
export function glossaryQuestion(
  normalised: string,
  raw: string,
  glossary: ReadonlyMap<string, GlossaryTerm>,
): GlossaryQuestion {
  const bare = glossary.get(key(normalised));
  if (bare) return { kind: 'known', term: bare };
  for (const re of ASKS_MEANING) {
    const asked = re.exec(normalised)?.[1];
    if (!asked) continue;
    const term = glossary.get(key(asked));
    if (term) return { kind: 'known', term };
    const typed = raw.match(/\b[A-Z][A-Z0-9&]{1,9}\b/g) ?? [];
    const acronym = typed.find((a) => a.toLowerCase() === key(asked));
    if (acronym) return { kind: 'unknown', asked: acronym };
  }
  return { kind: 'none' };
}
