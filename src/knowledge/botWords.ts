/**
 * What the bot says about itself, each said once: the welcome, the help, the
 * "I don't have that", the way to a private chat, the stale-button and busy
 * messages, the idle-expiry notice and the "Start a CSERQ4 screening"
 * button. Routes, flows and the shell build these replies from here only.
 */
import { card, submit, text, type CardButton } from '../cards/adaptive';
import type { Reply } from '../cards/reply';
import { contactsBlock, IMMEDIATE_DANGER_LINE } from '../contacts/block';
import type { AreaContacts } from '../contacts/schema';

export const CAPABILITIES =
  'I help practitioners with child sexual exploitation: I can run the CSERQ4 screening (type "screen"), ' +
  'tell you who to call (type "who do I call") and answer questions about child exploitation, such as ' +
  '"what are the warning signs?" or "what does MASH stand for?". ' +
  "I never need a child's name, date of birth or address: please do not type them here.";

export const SUPPORTS_NOT_REPLACES =
  'I support, and never replace, your safeguarding lead and the MASH (Multi-Agency Safeguarding Hub).';

export const ONLY_HELP_WITH =
  'I can only help with child exploitation guidance, screening and safeguarding contacts.';

/** The one builder of the button that starts a screening. */
export function startScreeningButton(): CardButton {
  return submit('Start a CSERQ4 screening', { kind: 'command', command: 'start-screening' });
}

export function contactsButton(): CardButton {
  return submit('Who do I call now?', { kind: 'command', command: 'contacts' });
}

export function welcomeReply(): Reply {
  const heading = 'Welcome to the safeguarding guidance bot';
  return {
    text: [`**${heading}**`, CAPABILITIES, SUPPORTS_NOT_REPLACES, IMMEDIATE_DANGER_LINE].join('\n\n'),
    card: card(
      [
        text(heading, { weight: 'Bolder', size: 'Medium' }),
        text(CAPABILITIES),
        text(SUPPORTS_NOT_REPLACES, { isSubtle: true }),
        text(`**${IMMEDIATE_DANGER_LINE}**`, { color: 'Attention' }),
      ],
      [
        startScreeningButton(),
        contactsButton(),
        submit('What can I ask?', { kind: 'command', command: 'help' }),
      ],
    ),
  };
}

export function helpReply(): Reply {
  return {
    text: `${CAPABILITIES}\n\n${IMMEDIATE_DANGER_LINE}`,
    card: card(
      [
        text('Safeguarding guidance', { weight: 'Bolder', size: 'Medium' }),
        text(CAPABILITIES),
        text(`**${IMMEDIATE_DANGER_LINE}**`, { color: 'Attention' }),
      ],
      [startScreeningButton(), contactsButton()],
    ),
  };
}

/** Said when a practitioner sounds worried about a child: the screening, offered, never started unasked. */
export function screeningOfferReply(): Reply {
  const lead =
    'If you are worried about a child or young person, the CSERQ4 screening takes about a minute and tells you ' +
    'whether a referral to the MASH is indicated. Type "screen" or use the button to start.';
  return { text: lead, card: card([text(lead)], [startScreeningButton()]) };
}

/** The honest "I don't have that": what the bot can do, and who to ask about a child. */
export function notFoundReply(
  contacts: AreaContacts,
  now: Date,
  opening = "Sorry, I don't have an answer to that.",
): Reply {
  const lead = `${opening} ${ONLY_HELP_WITH} For advice about a child, talk to your safeguarding lead or the MASH:`;
  const block = contactsBlock(contacts, now);
  return {
    text: [lead, block.headline, block.lines.join('\n'), CAPABILITIES].join('\n\n'),
    card: card(
      [text(lead), text(block.headline), ...block.elements, text(CAPABILITIES, { isSubtle: true })],
      [startScreeningButton(), submit('Help', { kind: 'command', command: 'help' })],
    ),
  };
}

/** "No" to an offer: no apology, no contacts block. */
export function declinedOfferReply(): Reply {
  return {
    text: 'OK. Ask me whenever you need to: who to call, a CSERQ4 screening, or a question about child exploitation.',
  };
}

/** One line, said once, when the bot is added to a team or a group chat. */
export const SHARED_INTRO =
  'Hello, I am the safeguarding guidance bot: mention me to ask who to call or a question about child ' +
  'exploitation. Screenings happen in a private chat with me, never here. ' +
  IMMEDIATE_DANGER_LINE;

export function sharedIntroReply(): Reply {
  return { text: SHARED_INTRO };
}

/** How a guided flow is named in the bot's sentences (from its registry entry). */
export interface FlowNames {
  singular: string;
  plural: string;
  type: string;
}

const SCREENING_NAMES: FlowNames = { singular: 'screening', plural: 'screenings', type: 'screen' };

export function privateChatOnly(names: FlowNames): string {
  return (
    `I only run ${names.plural} in a private chat with you, so that nothing about a child is ` +
    "shared with everyone here. Please don't type a child's details in this chat."
  );
}

/**
 * How to open a one-to-one chat with the bot where there is no link to it:
 * Teams lists the bot among its apps (learn.microsoft.com, "Designing your
 * Microsoft Teams bot": people add a bot from the store or the apps on the
 * left of Teams), and the app opens in a private chat.
 */
export const HOW_TO_START_PRIVATE_CHAT =
  'To start one: in Teams, select Apps on the left, search for my name, then select Add (or Open if you ' +
  'already have me). That opens a private chat with me.';

/**
 * The answer to a screening (or information-sharing) request in a channel or
 * group chat. `link` opens a one-to-one chat with the bot (see
 * personalChatLink); where there is none, the reply says how to start one.
 */
export function privateChatReply(link: string | null, names: FlowNames = SCREENING_NAMES): Reply {
  const lead = privateChatOnly(names);
  const steps = link
    ? [`Open a private chat with me and type "${names.type}" there.`]
    : [HOW_TO_START_PRIVATE_CHAT, `Then type "${names.type}" there.`];
  const buttons: CardButton[] = link
    ? [{ type: 'Action.OpenUrl', title: 'Open a private chat', url: link }]
    : [];
  return {
    text: [lead, link ? `${steps.join(' ')} ${link}` : steps.join(' '), IMMEDIATE_DANGER_LINE].join('\n\n'),
    card: card(
      [
        text('This needs a private chat', { weight: 'Bolder' }),
        text(lead),
        text(steps.join(' ')),
        text(`**${IMMEDIATE_DANGER_LINE}**`, { color: 'Attention' }),
      ],
      buttons,
    ),
  };
}

/** The start of every stale-button message: a pressed button from an earlier question or conversation. */
export const STALE_BUTTON = 'That button is from an earlier conversation or question, so I did not use it.';

/** Before the running flow's question is asked again. */
export const HERE_IS_THE_QUESTION = 'Here is the current question:';

/** A stale button with nothing running. */
export function staleButtonReply(): Reply {
  return { text: `${STALE_BUTTON} Type "screen" to start a new screening, or "help".` };
}

export const STALE_TOPIC = 'That topic is no longer in the knowledge base. Type your question, or "help".';

/** Asked to start a flow while another is running. */
export function busyReply(running: FlowNames): Reply {
  return {
    text: `You are in the middle of a ${running.singular}. Please finish it or type cancel first. ${HERE_IS_THE_QUESTION}`,
  };
}

/** What was cleared after the idle timeout, and how to start it again. */
export function expiredReply(timeoutMinutes: number, names: FlowNames): Reply {
  return {
    text:
      `Your ${names.singular} had no activity for ${timeoutMinutes} minutes, so I cleared it and its answers. ` +
      `Nothing from it has been kept. Type "${names.type}" to start again.`,
  };
}
