/**
 * Whether a message names a topic by a word of its title ("n pull ones?" names pull factors). The
 * follow-ups read a reply against the last topic by it, and a topic with a counterpart gives way to it
 * when the message names only the counterpart ("what pushes young people…" is not about pull factors).
 */
import { memoised } from '../memoised';
import { LastReading } from '../rules/turnMemo';
import type { KnowledgeBase } from './base';
import type { Topic } from './schema';
import { isStopword, stem, words } from './text';

/** The stems of a topic's title words, stopwords left out: content, so made once per topic. */
const titleStems = new WeakMap<Topic, string[]>();

function titleStemsOf(topicId: string | null, kb: KnowledgeBase): readonly string[] {
  const topic = topicId ? kb.topics.get(topicId) : undefined;
  if (!topic) return [];
  return memoised(titleStems, topic, () =>
    words(topic.title)
      .filter((w) => !isStopword(w))
      .map(stem),
  );
}

/**
 * The stems of a message's words, as `namesTopic` and `namesOnlyTheOther` read them: one reading a turn,
 * shared by the follow-ups and the decision.
 */
export function saidStems(text: string): readonly string[] {
  return said.of(text);
}

const said = new LastReading((text: string): readonly string[] => words(text).map(stem));

/** The message (its words' stems, `said`) names the topic by a word of its title. */
export function namesTopic(said: readonly string[], topicId: string | null, kb: KnowledgeBase): boolean {
  return titleStemsOf(topicId, kb).some((t) => said.some((s) => sameRoot(s, t)));
}

/**
 * The message names the other topic by a title word the first topic's title lacks: "what about the pull
 * side?" names "pull", which "Push factors" does not have.
 */
export function namesOnlyTheOther(
  said: readonly string[],
  other: string,
  first: string,
  kb: KnowledgeBase,
): boolean {
  const own = new Set(titleStemsOf(first, kb));
  return titleStemsOf(other, kb).some((t) => !own.has(t) && said.some((s) => sameRoot(s, t)));
}

/** "refer" and "referral" stem apart ("refer", "referr"): a stem of five letters or more that begins the other counts. */
function sameRoot(a: string, b: string): boolean {
  return a === b || (Math.min(a.length, b.length) >= 5 && (a.startsWith(b) || b.startsWith(a)));
}
