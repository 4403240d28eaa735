/**
 * The information-sharing form as a pure state machine, like the screening:
 * triage (999 / MASH referral / crime) before the form, then one field at a
 * time with skip, back, help, start again and cancel.
 */
import { card, submit, text, type CardButton } from '../cards/adaptive';
import type { FormAnswerAction } from '../cards/actions';
import type { Reply } from '../cards/reply';
import { conversationCommand, type ConversationCommand } from '../rules/commands';
import type { Tristate } from '../rules/cserq4';
import { parseTristate } from '../rules/parseAnswer';
import { INFO_STEP_TEXT, type InfoStep } from './questions';

export type InfoAnswers = Partial<Record<InfoStep, string>>;

export interface InfoState {
  id: string;
  step: InfoStep;
  history: InfoStep[];
  answers: InfoAnswers;
}

export type InfoInput = { text: string } | { action: FormAnswerAction };

/** Why the conversation ended: a triage exit names the route the practitioner should take instead. */
export type InfoEnd =
  | { kind: 'emergency' }
  | { kind: 'referral'; unsure: boolean }
  | { kind: 'crime' }
  | { kind: 'drafted'; answers: InfoAnswers }
  | { kind: 'cancelled' };

export interface InfoTurn {
  state: InfoState | null;
  replies: Reply[];
  end?: InfoEnd;
}

export const INFO_INTRO =
  '**Sharing information with the police (Community Partnership Information, AD362).** This form is ' +
  'for non-urgent information that is not a crime and where no one is at immediate or significant risk. ' +
  'It is not a referral. Three quick questions first, to check it is the right route. You can type ' +
  '**skip**, **back**, **help** or **cancel** at any time.';

export const INFO_CANCELLED = 'Cancelled. Nothing you typed has been kept.';

const MAX_ANSWER_CHARS = 2000;

export function startInfoSharing(id: string): InfoTurn {
  const state: InfoState = { id, step: 'danger', history: [], answers: {} };
  return { state, replies: [{ text: INFO_INTRO }, infoPrompt(state)] };
}

function buttons(state: InfoState): CardButton[] {
  const step = INFO_STEP_TEXT[state.step];
  const button = (title: string, value: FormAnswerAction['value']) =>
    submit(title, { kind: 'form', form: state.id, step: state.step, value });
  const answers =
    step.kind === 'yesno'
      ? [button('Yes', 'yes'), button('No', 'no'), ...(step.skippable ? [] : [button('Not sure', 'unknown')])]
      : [];
  return [...answers, ...(step.skippable ? [button('Skip', 'skip')] : [])];
}

export function infoPrompt(state: InfoState, lead?: string): Reply {
  const step = INFO_STEP_TEXT[state.step];
  const how =
    step.kind === 'yesno'
      ? `Answer Yes or No${step.skippable ? ', or skip' : ' (or Not sure)'}.`
      : 'Type your answer, or skip to leave it blank.';
  return {
    text: [...(lead ? [lead] : []), step.question, how].join('\n\n'),
    card: card(
      [
        ...(lead ? [text(lead)] : []),
        text(step.question, { weight: 'Bolder' }),
        text(how, { isSubtle: true }),
      ],
      buttons(state),
    ),
  };
}

function nextStep(step: InfoStep, answers: InfoAnswers): InfoStep | null {
  switch (step) {
    case 'danger':
      return 'childConcern';
    case 'childConcern':
      return 'crime';
    case 'crime':
      return 'information';
    case 'information':
      return 'source';
    case 'source':
      return 'recontact';
    case 'recontact':
      return answers.recontact === 'yes' ? 'recontactDetails' : 'howFound';
    case 'recontactDetails':
      return 'howFound';
    case 'howFound':
      return 'organisation';
    case 'organisation':
      return 'telephone';
    case 'telephone':
      return 'email';
    case 'email':
      return null;
  }
}

function advance(state: InfoState, value: string, lead?: string): InfoTurn {
  const answers = { ...state.answers, [state.step]: value };
  const next = nextStep(state.step, answers);
  if (next === null) return { state: null, replies: [], end: { kind: 'drafted', answers } };
  const moved: InfoState = { ...state, step: next, history: [...state.history, state.step], answers };
  return { state: moved, replies: [infoPrompt(moved, lead)] };
}

/** Triage answers decide the route; "not sure" about danger is treated as danger. */
function triage(state: InfoState, answer: Tristate): InfoTurn {
  switch (state.step) {
    case 'danger':
      if (answer !== 'no') return { state: null, replies: [], end: { kind: 'emergency' } };
      return advance(state, answer);
    case 'childConcern':
      if (answer !== 'no')
        return { state: null, replies: [], end: { kind: 'referral', unsure: answer === 'unknown' } };
      return advance(state, answer);
    case 'crime':
      if (answer === 'yes') return { state: null, replies: [], end: { kind: 'crime' } };
      return advance(
        state,
        answer,
        answer === 'unknown'
          ? 'If it turns out to be a crime, report it to the police as a crime as well: the number comes with your draft.'
          : undefined,
      );
    default:
      return advance(state, answer === 'unknown' ? 'not known' : answer);
  }
}

function answerText(state: InfoState, input: string): InfoTurn {
  const step = INFO_STEP_TEXT[state.step];
  if (step.kind === 'yesno') {
    const answer = parseTristate(input);
    if (answer === null) return { state, replies: [infoPrompt(state, "I didn't catch that.")] };
    return triage(state, answer);
  }
  const trimmed = input.trim();
  if (trimmed === '') return { state, replies: [infoPrompt(state, 'Please type your answer, or skip.')] };
  if (trimmed.length > MAX_ANSWER_CHARS) {
    return {
      state,
      replies: [infoPrompt(state, `That is longer than ${MAX_ANSWER_CHARS} characters: please shorten it.`)],
    };
  }
  return advance(state, trimmed);
}

function back(state: InfoState): InfoTurn {
  const previous = state.history.at(-1);
  if (previous === undefined) return { state, replies: [infoPrompt(state, 'This is the first question.')] };
  const history = state.history.slice(0, -1);
  const answers: InfoAnswers = {};
  for (const step of history) if (state.answers[step] !== undefined) answers[step] = state.answers[step];
  const moved: InfoState = { ...state, step: previous, history, answers };
  return { state: moved, replies: [infoPrompt(moved, 'Going back one question.')] };
}

function command(state: InfoState, cmd: ConversationCommand, newId: () => string): InfoTurn {
  switch (cmd) {
    case 'cancel':
      return { state: null, replies: [{ text: INFO_CANCELLED }], end: { kind: 'cancelled' } };
    case 'restart': {
      const fresh = startInfoSharing(newId());
      return {
        ...fresh,
        replies: [{ text: 'Starting again. What you typed has been cleared.' }, fresh.replies[1]!],
      };
    }
    case 'help':
      return { state, replies: [infoPrompt(state, INFO_STEP_TEXT[state.step].help)] };
    case 'back':
      return back(state);
    case 'skip':
      if (!INFO_STEP_TEXT[state.step].skippable) {
        return {
          state,
          replies: [
            infoPrompt(
              state,
              'This question decides whether the form is the right route, so it cannot be skipped.',
            ),
          ],
        };
      }
      return advance(state, '');
  }
}

export function continueInfoSharing(state: InfoState, input: InfoInput, newId: () => string): InfoTurn {
  if ('action' in input) {
    const { action } = input;
    if (action.form !== state.id || action.step !== state.step) {
      return {
        state,
        replies: [infoPrompt(state, 'That button is from an earlier question. Here is the current one:')],
      };
    }
    if (action.value === 'cancel' || action.value === 'skip') return command(state, action.value, newId);
    return answerText(state, action.value === 'unknown' ? 'not sure' : action.value);
  }
  const cmd = conversationCommand(input.text);
  if (cmd) return command(state, cmd, newId);
  return answerText(state, input.text);
}

/** True when the current question takes free text: the 999 net then shows its line and lets the text through. */
export function takesFreeText(state: InfoState): boolean {
  return INFO_STEP_TEXT[state.step].kind === 'text';
}

/** Whether typed text is a command or an answer this step can read (every text, on a free-text step). */
export function takesInfoText(state: InfoState, input: string): boolean {
  if (conversationCommand(input)) return true;
  return takesFreeText(state) || parseTristate(input) !== null;
}
