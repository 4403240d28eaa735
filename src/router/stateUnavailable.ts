/**
 * What the bot says when it cannot keep a conversation's state (storage is
 * down): plainly that the screening or form cannot go on just now, to try
 * again in a minute, and who to call meanwhile. It never says an answer was
 * kept, because this turn kept nothing.
 */
import { card, text } from '../cards/adaptive';
import type { Reply } from '../cards/reply';
import { contactsBlock, IMMEDIATE_DANGER_LINE } from '../contacts/block';
import type { AreaContacts } from '../contacts/schema';
import type { FlowNames } from '../knowledge/botWords';
import { FLOWS } from './registry';

export const TRY_AGAIN = 'Please try again in a minute.';

/** "a screening or an information-sharing form": every flow the bot runs, for when it cannot tell which. */
function anyFlow(): string {
  return FLOWS.map((f) => `${/^[aeiou]/i.test(f.names.singular) ? 'an' : 'a'} ${f.names.singular}`).join(
    ' or ',
  );
}

function lead(names: FlowNames | null): { heading: string; sentence: string } {
  if (names === null) {
    return {
      heading: "I can't keep a screening or form just now",
      sentence:
        `My storage is not responding, so I can't start or carry on ${anyFlow()}. ` +
        `If you were answering one, ${TRY_AGAIN.charAt(0).toLowerCase()}${TRY_AGAIN.slice(1)}`,
    };
  }
  return {
    heading: `I can't keep the ${names.singular} just now`,
    sentence: `My storage is not responding, so I can't start or carry on the ${names.singular}. ${TRY_AGAIN}`,
  };
}

/**
 * For a turn that needed state: the flow cannot go on, then whoever answers
 * now (time-aware, as everywhere) and the 999 line.
 */
export function stateUnavailableReply(contacts: AreaContacts, now: Date, names: FlowNames | null): Reply {
  const { heading, sentence } = lead(names);
  const meanwhile = 'For advice about a child now, talk to your safeguarding lead or:';
  const block = contactsBlock(contacts, now);
  return {
    text: [`**${heading}**`, sentence, meanwhile, block.headline, block.lines.join('\n')].join('\n\n'),
    card: card([
      text(heading, { weight: 'Bolder', size: 'Medium' }),
      text(sentence),
      text(meanwhile),
      text(block.headline),
      ...block.elements,
    ]),
  };
}

/**
 * After a turn that needed no state (who to call, a question) in the middle
 * of a flow: the flow's question is not asked again, because its answer
 * could not be kept; this says why.
 */
export function flowPausedReply(names: FlowNames): Reply {
  return {
    text: `My storage is not responding, so I can't carry on the ${names.singular} just now. ${TRY_AGAIN} ${IMMEDIATE_DANGER_LINE}`,
  };
}
