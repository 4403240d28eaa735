/**
 * Asking the safeguarding team, as a pure state machine: the question, held
 * back while it carries anything that could identify a child, then shown back
 * for confirmation, then sent. The shell stores the state between turns and,
 * when the flow ends with "send", posts the ticket (see the SendToExperts
 * effect): nothing here talks to Teams.
 */
import { card, submit, text, type CardButton, type CardElement } from '../cards/adaptive';
import type { AskAction } from '../cards/actions';
import type { Reply } from '../cards/reply';
import type { FlowTurn } from '../flows/flow';
import { HERE_IS_THE_QUESTION, STALE_BUTTON } from '../knowledge/botWords';
import { commandForm, conversationCommand } from '../rules/commands';
import { describeIdentifiers, findIdentifiers } from './guard';
import { referenceFor } from './reference';
import { CANCELLED_TEXT, escapeMarkdown } from './words';

export type AskStep = 'question' | 'confirm';

export interface AskState {
  /** Random per run, so a button from an earlier run is recognised as stale. */
  id: string;
  /** The ticket's reference, fixed at the start (see referenceFor). */
  ref: string;
  step: AskStep;
  /** Only at the confirm step, and only once it has passed the identifier guard. */
  question?: string;
}

export type AskInput = { text: string } | { action: AskAction };

export type AskEnd = { kind: 'send'; ref: string; owner: string; question: string } | { kind: 'cancelled' };

export type AskTurn = FlowTurn<AskState, AskEnd>;

/** A question longer than this would not fit a Teams card comfortably; a page of text is plenty. */
export const MAX_QUESTION_CHARS = 2_000;
/** "help", "ok" or "yes" at the question step is not a question for people. */
export const MIN_QUESTION_WORDS = 3;

export const ASK_INTRO =
  "**Ask the safeguarding team.** Your question goes to the safeguarding team's channel in Teams, where " +
  'the team sees it with your name; someone from the team can take it and contact you in Teams. It is not ' +
  'for emergencies: if a child is in immediate danger, call 999.\n\n' +
  'Please do not identify the child: no name, date of birth, address, postcode, phone number or email. ' +
  'Describe the situation instead, for example "a 14-year-old in Year 9". Type **cancel** at any time.';

const QUESTION_HEADING = 'Your question for the safeguarding team';
const QUESTION_ASK = 'What would you like to ask? Type it in one message.';
const QUESTION_HELP =
  'Type your question as you would ask a colleague, in one message, without the child’s name, date of ' +
  'birth, address, postcode, phone number or email. Type cancel to stop.';

const CONFIRM_HEADING = 'Check your question before I send it';
const CONFIRM_LEAD = 'This is what the safeguarding team will see, with your name:';
const CONFIRM_HOW = 'Type "send" to send it, "change" to write it again, or "cancel".';
const CONFIRM_HELP =
  'Send it as it is, write it again (or just type the new question), or cancel: nothing is sent until you ' +
  'choose Send.';

const SEND_WORDS = new Set([
  'send',
  'send it',
  'yes',
  'y',
  'yes send',
  'yes send it',
  'ok',
  'okay',
  'confirm',
]);
const CHANGE_WORDS = new Set([
  'change',
  'change it',
  'edit',
  'edit it',
  'rewrite',
  'change my question',
  'no',
]);

function button(state: AskState, title: string, value: AskAction['value'], style?: 'positive'): CardButton {
  return submit(title, { kind: 'ask', ask: state.id, value }, style);
}

/** A TextRun is never read as Markdown: what was typed is shown exactly as typed. */
export function plainRun(value: string, options: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'TextRun', text: value, ...options };
}

export function plainBlock(...inlines: Array<Record<string, unknown>>): CardElement {
  return { type: 'RichTextBlock', inlines };
}

export function askPrompt(state: AskState, lead?: string): Reply {
  if (state.step === 'question') {
    return {
      text: [...(lead ? [lead] : []), `**${QUESTION_HEADING}**`, QUESTION_ASK].join('\n\n'),
      card: card(
        [
          ...(lead ? [text(lead)] : []),
          text(QUESTION_HEADING, { weight: 'Bolder' }),
          text(QUESTION_ASK, { size: 'Medium' }),
        ],
        [button(state, 'Cancel', 'cancel')],
      ),
    };
  }
  const question = state.question ?? '';
  const quoted = question
    .split('\n')
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n');
  return {
    text: [...(lead ? [lead] : []), `**${CONFIRM_HEADING}**`, CONFIRM_LEAD, quoted, CONFIRM_HOW].join('\n\n'),
    card: card(
      [
        ...(lead ? [text(lead)] : []),
        text(CONFIRM_HEADING, { weight: 'Bolder' }),
        text(CONFIRM_LEAD),
        { type: 'Container', style: 'emphasis', items: [plainBlock(plainRun(question))] },
      ],
      [
        button(state, 'Send to the safeguarding team', 'send', 'positive'),
        button(state, 'Change my question', 'change'),
        button(state, 'Cancel', 'cancel'),
      ],
    ),
  };
}

export function startAsking(id: string): AskTurn {
  const state: AskState = { id, ref: referenceFor(id), step: 'question' };
  return { state, replies: [{ text: ASK_INTRO }, askPrompt(state)] };
}

function at(state: AskState, lead?: string): AskTurn {
  return { state, replies: [askPrompt(state, lead)] };
}

const cancelled = (): AskTurn => ({
  state: null,
  replies: [{ text: CANCELLED_TEXT }],
  end: { kind: 'cancelled' },
});

/**
 * A typed question, checked: too short, too long or carrying an identifier is
 * held back (and not kept); otherwise it is shown back for confirmation.
 */
function takeQuestion(state: AskState, typed: string): AskTurn {
  const question = typed.trim();
  const asking: AskState = { id: state.id, ref: state.ref, step: 'question' };
  const found = findIdentifiers(question);
  if (found.length > 0) {
    return at(
      asking,
      `I have not sent or kept that: it looks like it contains ${describeIdentifiers(found)}. The ` +
        'safeguarding team can advise without them, and they must not leave this chat. Please type your ' +
        'question again without them.',
    );
  }
  if (question.length > MAX_QUESTION_CHARS) {
    return at(
      asking,
      `That is ${question.length.toLocaleString('en-GB')} characters: please keep your question under ` +
        `${MAX_QUESTION_CHARS.toLocaleString('en-GB')}, and type it again.`,
    );
  }
  if ((question.match(/\p{L}+/gu)?.length ?? 0) < MIN_QUESTION_WORDS) {
    return at(asking, 'Please type your question in a sentence, so the safeguarding team can help.');
  }
  return at({ ...asking, step: 'confirm', question });
}

function fromButton(state: AskState, action: AskAction): AskTurn {
  if (action.ask !== state.id) return at(state, `${STALE_BUTTON} ${HERE_IS_THE_QUESTION}`);
  if (action.value === 'cancel') return cancelled();
  if (state.step !== 'confirm') return at(state, `${STALE_BUTTON} ${HERE_IS_THE_QUESTION}`);
  if (action.value === 'change')
    return at({ id: state.id, ref: state.ref, step: 'question' }, 'Type your question again.');
  return send(state);
}

function send(state: AskState): AskTurn {
  return {
    state: null,
    replies: [],
    end: { kind: 'send', ref: state.ref, owner: state.id, question: state.question! },
  };
}

export function continueAsking(state: AskState, input: AskInput): AskTurn {
  if ('action' in input) return fromButton(state, input.action);
  const typed = input.text;
  const command = conversationCommand(typed);
  if (command === 'cancel') return cancelled();
  if (command === 'help') return at(state, state.step === 'question' ? QUESTION_HELP : CONFIRM_HELP);
  if (state.step === 'question') {
    if (command !== null) return at(state);
    return takeQuestion(state, typed);
  }
  const word = commandForm(typed);
  if (SEND_WORDS.has(word)) return send(state);
  if (CHANGE_WORDS.has(word) || command === 'back' || command === 'restart')
    return at({ id: state.id, ref: state.ref, step: 'question' }, 'Type your question again.');
  // Anything else typed at the confirm step is a new version of the question.
  return takeQuestion(state, typed);
}
