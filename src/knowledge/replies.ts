/**
 * How knowledge answers read: the answer, then where it comes from, then the
 * related topics as buttons (and, for clients without cards, as a line of
 * titles the practitioner can type).
 */
import { card, submit, text, type CardElement, type SubmitButton } from '../cards/adaptive';
import type { Reply } from '../cards/reply';
import { nowLine } from '../contacts/block';
import { service } from '../contacts/load';
import type { AreaContacts } from '../contacts/schema';
import { memoised } from '../memoised';
import type { KnowledgeBase } from './base';
import type { GlossaryTerm, Topic } from './schema';

/** Where and when a reply is given: its contacts line depends on the clock. */
export interface ReplyContext {
  contacts: AreaContacts;
  now: Date;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const straightQuotes = (s: string) => s.replace(/[’‘]/g, "'");

/**
 * The names, aliases, numbers and email of the MASH and its out-of-hours team, each as a pattern that finds
 * it as a whole word. Built once per contacts (they do not change while the bot runs): every topic answer is
 * checked paragraph by paragraph, and compiling a dozen patterns per paragraph cost more than the search.
 */
const servicePatterns = new WeakMap<AreaContacts, RegExp[]>();

function childrensServicesPatterns(contacts: AreaContacts): RegExp[] {
  return memoised(servicePatterns, contacts, () => {
    const names = [contacts.officeHours.service, 'out-of-hours'].flatMap((id) => {
      const s = service(contacts, id);
      return [s.name, ...s.aliases, ...(s.phones ?? []), ...(s.email ? [s.email] : [])];
    });
    return names.map(
      (n) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(straightQuotes(n))}($|[^\\p{L}\\p{N}])`, 'iu'),
    );
  });
}

/**
 * Does this text send people to the MASH (or its out-of-hours team)? Read from the area's contacts: the
 * two services' names, aliases, numbers and email. Such an answer must say who answers right now.
 */
export function namesChildrensServices(textToCheck: string, contacts: AreaContacts): boolean {
  const t = straightQuotes(textToCheck);
  return childrensServicesPatterns(contacts).some((pattern) => pattern.test(t));
}

/** A text cut before its first paragraph naming the MASH (or its out-of-hours team); null when none does. */
interface ServicesSplit {
  before: string;
  after: string;
}

/**
 * Where each answer text is cut, per contacts: it depends only on the two, not on the clock, and every
 * topic answer is otherwise searched paragraph by paragraph on every turn. One entry per distinct answer
 * text, so the map is as large as the content.
 */
const splits = new WeakMap<AreaContacts, Map<string, ServicesSplit | null>>();

function splitAtServices(body: string, contacts: AreaContacts): ServicesSplit | null {
  const known = memoised(splits, contacts, () => new Map<string, ServicesSplit | null>());
  return memoised(known, body, () => {
    const paragraphs = body.split(/\n\s*\n/);
    const at = paragraphs.findIndex((p) => namesChildrensServices(p, contacts));
    return at < 0
      ? null
      : { before: paragraphs.slice(0, at).join('\n\n'), after: paragraphs.slice(at).join('\n\n') };
  });
}

/**
 * A text with the time-aware line put just before its first paragraph that names the MASH (or its
 * out-of-hours team): whoever is sent there reads who answers right now before any number of theirs.
 * Paragraphs before it (an adult line, say) stay first. Text without such a paragraph is unchanged.
 */
function withContactsLine(body: string, ctx: ReplyContext): { text: string[]; card: CardElement[] } {
  const split = splitAtServices(body, ctx.contacts);
  if (!split) return { text: [body], card: [text(body)] };
  const line = nowLine(ctx.contacts, ctx.now);
  const { before, after } = split;
  return {
    text: [...(before ? [before] : []), line.text, after],
    card: [...(before ? [text(before)] : []), text(line.markdown), text(after)],
  };
}

export function sourcesLine(topic: Topic): string {
  return `Sources: ${topic.sources.map((s) => (s.url ? `${s.name} (${s.url})` : s.name)).join('; ')}`;
}

/** What a topic's button says: its title, or the shorter one its content gives for buttons. */
export function buttonTitle(topic: Topic): string {
  return topic.button ?? topic.title;
}

function topicButtons(kb: KnowledgeBase, ids: string[]): SubmitButton[] {
  return ids.flatMap((id) => {
    const t = kb.topics.get(id);
    return t ? [submit(buttonTitle(t), { kind: 'topic', id })] : [];
  });
}

/** Each action's button title, and what to type for the same thing where there are no buttons. */
const ACTIONS: Record<Topic['actions'][number], { title: string; typed: string }> = {
  'start-screening': { title: 'Start a CSERQ4 screening', typed: 'screen' },
  'start-info-sharing': { title: 'Draft the form with me', typed: 'share information with police' },
  contacts: { title: 'Who do I call now?', typed: 'who do I call' },
};

function actionButtons(topic: Topic): SubmitButton[] {
  return topic.actions.map((command) => submit(ACTIONS[command].title, { kind: 'command', command }));
}

function titles(kb: KnowledgeBase, ids: string[]): string[] {
  return ids.flatMap((id) => kb.topics.get(id)?.title ?? []);
}

/**
 * What a topic's reply says around its answer: the title, the sources, the actions and the related
 * topics, as text and as card parts. They depend only on the content, not on the clock or the message,
 * so they are made once per topic (per knowledge base) rather than on every turn; the card parts are
 * frozen, since every reply of that topic shares them. The answer and its contacts line are made per turn.
 */
interface TopicParts {
  head: string;
  tail: string;
  title: CardElement;
  sources: CardElement;
  buttons: readonly SubmitButton[];
}

const topicParts = new WeakMap<KnowledgeBase, WeakMap<Topic, TopicParts>>();

function partsOf(kb: KnowledgeBase, topic: Topic): TopicParts {
  const known = memoised(topicParts, kb, () => new WeakMap<Topic, TopicParts>());
  return memoised(known, topic, () => {
    const sources = sourcesLine(topic);
    const related = titles(kb, topic.related);
    return deepFreeze({
      head: `**${topic.title}**`,
      tail: [
        `_${sources}_`,
        ...topic.actions.map((command) => `${ACTIONS[command].title}: type "${ACTIONS[command].typed}".`),
        ...(related.length > 0 ? [`Related: ${related.join(' · ')}`] : []),
      ].join('\n\n'),
      title: text(topic.title, { weight: 'Bolder', size: 'Medium' }),
      sources: text(sources, { isSubtle: true, size: 'Small' }),
      buttons: [...actionButtons(topic), ...topicButtons(kb, topic.related)],
    });
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export function topicReply(kb: KnowledgeBase, topic: Topic, ctx: ReplyContext): Reply {
  const parts = partsOf(kb, topic);
  const answer = withContactsLine(topic.answer, ctx);
  return {
    text: [parts.head, ...answer.text, parts.tail].join('\n\n'),
    card: card([parts.title, ...answer.card, parts.sources], [...parts.buttons]),
  };
}

export const NOT_SURE = "I'm not sure I have that. Did you mean:";

export function didYouMeanReply(kb: KnowledgeBase, ids: string[]): Reply {
  const options = titles(kb, ids);
  const tail = 'Choose one, or ask in other words.';
  return {
    text: [NOT_SURE, options.map((t) => `- ${t}`).join('\n'), tail].join('\n\n'),
    card: card(
      [text(NOT_SURE), text(tail, { isSubtle: true })],
      [...topicButtons(kb, ids), submit('None of these', { kind: 'command', command: 'none-of-these' })],
    ),
  };
}

export function glossaryReply(kb: KnowledgeBase, term: GlossaryTerm, ctx: ReplyContext): Reply {
  const line = `**${term.term}** stands for **${term.expansion}**. ${term.meaning}`;
  const source = `Source: ${term.source}`;
  const topic = term.topic ? kb.topics.get(term.topic) : undefined;
  // The definition comes first: the question was what the letters stand for (no definition gives a number:
  // tests/knowledge/contactsLine.test.ts checks).
  const now = namesChildrensServices(line, ctx.contacts) ? nowLine(ctx.contacts, ctx.now) : undefined;
  return {
    text: [
      line,
      ...(now ? [now.text] : []),
      `_${source}_`,
      ...(topic ? [`Related: ${topic.title}`] : []),
    ].join('\n\n'),
    card: card(
      [text(line), ...(now ? [text(now.markdown)] : []), text(source, { isSubtle: true, size: 'Small' })],
      topic ? topicButtons(kb, [topic.id]) : [],
    ),
  };
}
