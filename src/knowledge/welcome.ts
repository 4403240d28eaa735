/**
 * What the bot says about itself: the welcome in a one-to-one chat, the short
 * introduction in a team or group chat, and the redirect to a private chat
 * when someone asks for a screening where everyone can read it.
 */
import { card, submit, text, type CardButton } from '../cards/adaptive';
import type { Reply } from '../cards/reply';
import { IMMEDIATE_DANGER_LINE } from '../contacts/block';
import { CAPABILITIES } from './answer';

export const SUPPORTS_NOT_REPLACES =
  'I support, and never replace, your safeguarding lead and the MASH (Multi-Agency Safeguarding Hub).';

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
        submit('Start a CSERQ4 screening', { kind: 'command', command: 'start-screening' }),
        submit('Who do I call now?', { kind: 'command', command: 'contacts' }),
        submit('What can I ask?', { kind: 'command', command: 'help' }),
      ],
    ),
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

export type PrivateTask = 'screening' | 'info-sharing';

const PRIVATE_TASKS: Record<PrivateTask, { what: string; type: string }> = {
  screening: { what: 'screenings', type: 'screen' },
  'info-sharing': { what: 'the information-sharing form', type: 'share information' },
};

export function privateChatOnly(task: PrivateTask): string {
  return (
    `I only run ${PRIVATE_TASKS[task].what} in a private chat with you, so that nothing about a child is ` +
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
export function privateChatReply(link: string | null, task: PrivateTask = 'screening'): Reply {
  const lead = privateChatOnly(task);
  const type = PRIVATE_TASKS[task].type;
  const steps = link
    ? [`Open a private chat with me and type "${type}" there.`]
    : [HOW_TO_START_PRIVATE_CHAT, `Then type "${type}" there.`];
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
