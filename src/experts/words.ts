/**
 * What the bot says about handing a question to the safeguarding team, each
 * said once: to the practitioner (not set up, sent, not sent, taken, closed,
 * expired) and in the team's channel (set up, refused). Nothing here says
 * the team will answer by a time: nobody promised that.
 */
import { card, submit, text, type CardButton } from '../cards/adaptive';
import type { Reply } from '../cards/reply';
import { contactsBlock, IMMEDIATE_DANGER_LINE } from '../contacts/block';
import type { AreaContacts } from '../contacts/schema';

/** How the registry names the flow in the bot's shared sentences ("a question to the safeguarding team"). */
export const ASK_NAMES = {
  singular: 'question to the safeguarding team',
  plural: 'questions to the safeguarding team',
  type: 'ask an expert',
};

export const ASK_BUTTON_TITLE = 'Ask the safeguarding team';

export function askExpertButton(): CardButton {
  return submit(ASK_BUTTON_TITLE, { kind: 'command', command: 'ask-expert' });
}

/**
 * Markdown's own characters, escaped, so text someone typed (a question, a
 * display name) reads as typed in a Markdown message: no bold, no links.
 */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** The most buttons in one action row that the Adaptive Cards host config (and tests/helpers/cards.ts) allow. */
const MAX_CARD_ACTIONS = 5;

/** An answer card that also offers the hand-off: the button, and for clients without cards, what to type. */
export function withAskButton(reply: Reply): Reply {
  const line = `To ask the safeguarding team yourself, type "${ASK_NAMES.type}".`;
  const current = reply.card;
  const actions = current?.actions ?? [];
  // A full action row would cut the button off: then it goes on a row of its own in the body.
  const card =
    current &&
    (actions.length < MAX_CARD_ACTIONS
      ? { ...current, actions: [...actions, askExpertButton()] }
      : { ...current, body: [...current.body, { type: 'ActionSet', actions: [askExpertButton()] }] });
  return { text: `${reply.text}\n\n${line}`, card };
}

const ADVICE_NOW = 'For advice about a child, talk to your safeguarding lead or the MASH:';

/** A lead sentence, then who to call now (time-aware), then 999. */
function withContacts(lead: string, contacts: AreaContacts, now: Date, heading?: string): Reply {
  const block = contactsBlock(contacts, now);
  return {
    text: [...(heading ? [`**${heading}**`] : []), lead, block.headline, block.lines.join('\n')].join('\n\n'),
    card: card([
      ...(heading ? [text(heading, { weight: 'Bolder' })] : []),
      text(lead),
      text(block.headline),
      ...block.elements,
    ]),
  };
}

export function notSetUpReply(contacts: AreaContacts, now: Date): Reply {
  return withContacts(
    `Asking the safeguarding team through me is not set up here yet. ${ADVICE_NOW}`,
    contacts,
    now,
  );
}

export function notSentReply(contacts: AreaContacts, now: Date): Reply {
  return withContacts(
    'I could not send your question to the safeguarding team just now, so nothing has been sent or ' +
      `kept. Please try again in a few minutes. ${ADVICE_NOW}`,
    contacts,
    now,
  );
}

export function sentReply(ref: string): Reply {
  const heading = 'Sent to the safeguarding team';
  const body =
    `Your reference is ${ref}. I will tell you here when someone from the team takes your question; ` +
    'they will then contact you in Teams. If you need advice before then, talk to your safeguarding lead ' +
    'or the MASH.';
  return {
    text: [`**${heading}**`, body, IMMEDIATE_DANGER_LINE].join('\n\n'),
    card: card([
      text(heading, { weight: 'Bolder', size: 'Medium', color: 'Good' }),
      text(body),
      text(`**${IMMEDIATE_DANGER_LINE}**`, { color: 'Attention' }),
    ]),
  };
}

export const CANCELLED_TEXT =
  'Cancelled. Nothing was sent to the safeguarding team, and nothing you typed has been kept.';

/** To the practitioner, when someone takes the question. */
export function takenReply(expertName: string, ref: string): Reply {
  return {
    text:
      `**${escapeMarkdown(expertName)} from the safeguarding team has your question and will contact you ` +
      `in Teams.** (Reference ${ref}.)\n\n${IMMEDIATE_DANGER_LINE}`,
  };
}

/** To the practitioner, when the question is closed: if nobody took it, who to call instead. */
export function closedReply(ref: string, wasTaken: boolean, contacts: AreaContacts, now: Date): Reply {
  if (wasTaken) return { text: `The safeguarding team has closed your question ${ref}.` };
  return withContacts(
    `The safeguarding team closed your question ${ref} without taking it. If you still need advice, ` +
      'talk to your safeguarding lead or the MASH:',
    contacts,
    now,
  );
}

/** To the practitioner, when an untaken question reaches its time limit. */
export function expiredReply(ref: string, days: number, contacts: AreaContacts, now: Date): Reply {
  return withContacts(
    `Nobody from the safeguarding team took your question ${ref} within ${days} days, so it has been ` +
      'closed and deleted. If you still need advice, talk to your safeguarding lead or the MASH:',
    contacts,
    now,
  );
}

/** In a channel of the safeguarding team, after "set expert channel". */
export function channelSetReply(days: number): Reply {
  return {
    text:
      '**Done: questions for the safeguarding team will come to this channel.** Each arrives as a card ' +
      "with the practitioner's name. Press **I'll take this** to take one (the practitioner is told, and " +
      'you contact them in Teams), and **Close** when it is dealt with. A question is deleted when it is ' +
      `closed, or after ${days} days.`,
  };
}

export const SET_CHANNEL_REFUSED =
  'I can only send questions to a channel of the safeguarding team named in my settings ' +
  '(EXPERTS_TEAM_ID), so nothing has changed.';

export const SET_CHANNEL_NOT_IN_A_TEAM =
  'Set the expert channel from a channel of the safeguarding team: mention me there and type ' +
  '"set expert channel". Nothing has changed.';

export const TICKET_BUTTON_ELSEWHERE =
  "These buttons work only on the question's card in the safeguarding team's channel.";

export const TICKET_GONE = 'This question is closed: it was closed, or it expired and was deleted.';

export function takenByOtherText(name: string): string {
  return `${escapeMarkdown(name)} has already taken this question.`;
}
