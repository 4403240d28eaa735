/**
 * How knowledge answers read: the answer, then where it comes from, then the
 * related topics as buttons (and, for clients without cards, as a line of
 * titles the practitioner can type).
 */
import { card, submit, text, type SubmitButton } from '../cards/adaptive';
import type { Reply } from '../cards/reply';
import type { KnowledgeBase } from './base';
import type { GlossaryTerm, Topic } from './schema';

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

export function topicReply(kb: KnowledgeBase, topic: Topic): Reply {
  const sources = sourcesLine(topic);
  const related = titles(kb, topic.related);
  return {
    text: [
      `**${topic.title}**`,
      topic.answer,
      `_${sources}_`,
      ...topic.actions.map((command) => `${ACTIONS[command].title}: type "${ACTIONS[command].typed}".`),
      ...(related.length > 0 ? [`Related: ${related.join(' · ')}`] : []),
    ].join('\n\n'),
    card: card(
      [
        text(topic.title, { weight: 'Bolder', size: 'Medium' }),
        text(topic.answer),
        text(sources, { isSubtle: true, size: 'Small' }),
      ],
      [...actionButtons(topic), ...topicButtons(kb, topic.related)],
    ),
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

export function glossaryReply(kb: KnowledgeBase, term: GlossaryTerm): Reply {
  const line = `**${term.term}** stands for **${term.expansion}**. ${term.meaning}`;
  const source = `Source: ${term.source}`;
  const topic = term.topic ? kb.topics.get(term.topic) : undefined;
  return {
    text: [line, `_${source}_`, ...(topic ? [`Related: ${topic.title}`] : [])].join('\n\n'),
    card: card(
      [text(line), text(source, { isSubtle: true, size: 'Small' })],
      topic ? topicButtons(kb, [topic.id]) : [],
    ),
  };
}
