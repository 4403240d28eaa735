/**
 * The CSERQ4 screening as a pure state machine: (state, input) → (state,
 * replies). The dialog only stores the state and sends the replies, so every
 * path (answers, help, back, start again, cancel, three bad tries, stale
 * buttons) is decided here and tested without botbuilder.
 *
 * A state machine rather than a waterfall because "back" and "start again"
 * move between arbitrary steps, which a waterfall can only fake by
 * restarting dialogs.
 */
import { card, submit, text, type CardButton } from '../cards/adaptive';
import type { ScreeningAnswerAction } from '../cards/actions';
import type { Reply } from '../cards/reply';
import {
  allowanceCouldApply,
  assessCserq4,
  CHILD_AGE,
  type Cserq4Answers,
  type Cserq4Result,
  type Tristate,
} from '../rules/cserq4';
import { parseAge, parseAges, parseTristate, saysNotKnown } from '../rules/parseAnswer';
import { conversationCommand, type ConversationCommand } from '../rules/commands';
import { STEP_TEXT, TRISTATE_LABELS, type Step } from './questions';

export interface ScreeningAnswers {
  missing?: Tristate;
  childAge?: number | null;
  hasPartner?: Tristate;
  partnerAges?: number[] | null;
  controlling?: Tristate;
  unsafePlaces?: Tristate;
  /** Asked only when the 17-year-old allowance could apply. */
  otherIndicators?: Tristate;
}

export interface ScreeningState {
  /** Random per screening (and per restart), so buttons from an earlier one are recognised as stale. */
  id: string;
  step: Step;
  history: Step[];
  answers: ScreeningAnswers;
  failedTries: number;
}

export type ScreeningInput = { text: string } | { action: ScreeningAnswerAction };

export type ScreeningEnd =
  { kind: 'completed'; answers: Cserq4Answers; result: Cserq4Result } | { kind: 'cancelled' };

export interface ScreeningTurn {
  /** null once the screening has ended: the caller must drop everything it stored. */
  state: ScreeningState | null;
  replies: Reply[];
  end?: ScreeningEnd;
}

export const MAX_FAILED_TRIES = 3;

const ANSWER_FIELD = {
  q1: 'missing',
  childAge: 'childAge',
  hasPartner: 'hasPartner',
  partnerAges: 'partnerAges',
  q3: 'controlling',
  q4: 'unsafePlaces',
  otherSigns: 'otherIndicators',
} as const satisfies Record<Step, keyof ScreeningAnswers>;

export const INTRO =
  '**CSERQ4 screening.** The Child Sexual Exploitation Risk Questionnaire is a quick screening for ' +
  'practitioners with time-limited contact with a young person under 18. It has four questions and takes ' +
  "about a minute. The questions are in the form's own words, for you to ask the young person. " +
  "I will not ask for the young person's name, date of birth or address: please do not " +
  'type them here. You can type **help**, **back**, **start again** or **cancel** at any time.';

export const CANCELLED_TEXT =
  'Screening cancelled. Nothing from it has been kept. Type "screen" to start a new one.';

export function startScreening(id: string): ScreeningTurn {
  const state: ScreeningState = { id, step: 'q1', history: [], answers: {}, failedTries: 0 };
  return { state, replies: [{ text: INTRO }, prompt(state)] };
}

function buttonsFor(state: ScreeningState): CardButton[] {
  const step = STEP_TEXT[state.step];
  const answer = (title: string, value: ScreeningAnswerAction['value']) =>
    submit(title, { kind: 'answer', screening: state.id, step: state.step, value });
  if (step.kind === 'tristate') {
    return (['yes', 'no', 'unknown'] as const).map((v) => answer(TRISTATE_LABELS[v], v));
  }
  const offerNotKnown = step.kind === 'ages' || state.failedTries >= MAX_FAILED_TRIES;
  return [
    ...(offerNotKnown ? [answer('Record as not known', 'not-known')] : []),
    ...(state.failedTries >= MAX_FAILED_TRIES ? [answer('Cancel screening', 'cancel')] : []),
  ];
}

function howToAnswer(state: ScreeningState): string {
  const step = STEP_TEXT[state.step];
  if (step.kind === 'tristate') return 'Answer Yes, No or Not sure.';
  if (step.kind === 'age') return "Type the young person's age in whole years, for example 15.";
  return 'Type the age, or ages, for example "19" or "19 and 22", or "don\'t know".';
}

export function prompt(state: ScreeningState, lead?: string): Reply {
  const step = STEP_TEXT[state.step];
  const heading = `${step.label}${step.indicator ? ` (${step.indicator})` : ''}`;
  const lines = [...(lead ? [lead] : []), `**${heading}**`, step.question, howToAnswer(state)];
  return {
    text: lines.join('\n\n'),
    card: card(
      [
        ...(lead ? [text(lead)] : []),
        text(heading, { weight: 'Bolder' }),
        text(step.question, { size: 'Medium' }),
        text(howToAnswer(state), { isSubtle: true }),
      ],
      buttonsFor(state),
    ),
  };
}

function withAnswer(state: ScreeningState, answers: ScreeningAnswers, next: Step): ScreeningState {
  return { ...state, step: next, history: [...state.history, state.step], answers, failedTries: 0 };
}

function toRuleAnswers(a: ScreeningAnswers): Cserq4Answers {
  let partnerAges: number[] | null;
  if (a.hasPartner === 'no') partnerAges = [];
  else if (a.hasPartner === 'yes') partnerAges = a.partnerAges ?? null;
  else partnerAges = null;
  return {
    childAge: a.childAge ?? null,
    // "Not sure whether there is a partner" is not "a partner of unknown age": the rule treats them apart.
    ...(a.hasPartner === 'unknown' ? { hasPartner: 'unknown' as const } : {}),
    partnerAges,
    missing: a.missing ?? 'unknown',
    controlling: a.controlling ?? 'unknown',
    unsafePlaces: a.unsafePlaces ?? 'unknown',
    ...(a.otherIndicators ? { otherIndicators: a.otherIndicators } : {}),
  };
}

function complete(answers: ScreeningAnswers, lead: Reply[] = []): ScreeningTurn {
  const ruleAnswers = toRuleAnswers(answers);
  return {
    state: null,
    replies: lead,
    end: { kind: 'completed', answers: ruleAnswers, result: assessCserq4(ruleAnswers) },
  };
}

function gapSentence(childAge: number | null, partnerAges: number[] | null): string {
  if (partnerAges === null)
    return "The partner's age is not known, so the age difference cannot be worked out.";
  if (childAge === null)
    return "The young person's age is not known, so the age difference cannot be worked out.";
  const oldest = Math.max(...partnerAges);
  const gap = oldest - childAge;
  const who = partnerAges.length > 1 ? `Oldest partner ${oldest}` : `Partner ${oldest}`;
  if (gap < 0)
    return `${who}, young person ${childAge}: the partner is younger (no age difference to count).`;
  return `${who}, young person ${childAge}: an age difference of ${gap} year${gap === 1 ? '' : 's'}.`;
}

function failed(state: ScreeningState, error: string): ScreeningTurn {
  const next = { ...state, failedTries: state.failedTries + 1 };
  const step = STEP_TEXT[state.step];
  const offer =
    step.kind !== 'tristate' && next.failedTries >= MAX_FAILED_TRIES
      ? ' If the age is not known, choose "Record as not known"; or cancel the screening.'
      : ' Type help for more about this question, back for the previous one, or cancel to stop.';
  return { state: next, replies: [prompt(next, `${error}${offer}`)] };
}

/** Applies a valid answer for the current step and moves on (or ends). */
function accept(state: ScreeningState, value: Tristate | number | number[] | null): ScreeningTurn {
  const answers: ScreeningAnswers = { ...state.answers, [ANSWER_FIELD[state.step]]: value };
  switch (state.step) {
    case 'q1':
      return ask(withAnswer(state, answers, 'childAge'));
    case 'childAge': {
      const age = value as number | null;
      if (age !== null && age > CHILD_AGE.screeningMax) return complete(answers);
      return ask(withAnswer(state, answers, 'hasPartner'));
    }
    case 'hasPartner': {
      if (value === 'yes') return ask(withAnswer(state, answers, 'partnerAges'));
      const lead = value === 'no' ? 'No partner: question 2 is "no".' : undefined;
      return ask(withAnswer(state, { ...answers, partnerAges: undefined }, 'q3'), lead);
    }
    case 'partnerAges':
      return ask(
        withAnswer(state, answers, 'q3'),
        gapSentence(answers.childAge ?? null, value as number[] | null),
      );
    case 'q3':
      return ask(withAnswer(state, answers, 'q4'));
    case 'q4': {
      // The form allows the gap for 17-year-olds only "in the absence of any other risk indicators",
      // so when the allowance could apply, ask about them rather than assume there are none.
      const ruleAnswers = toRuleAnswers(answers);
      if (!allowanceCouldApply(ruleAnswers)) return complete(answers);
      const gap = Math.max(...(ruleAnswers.partnerAges ?? [])) - ruleAnswers.childAge!;
      return ask(
        withAnswer(state, answers, 'otherSigns'),
        `One more question, because the young person is 17 and the age difference is ${gap} years.`,
      );
    }
    case 'otherSigns':
      return complete(answers);
  }
}

function ask(state: ScreeningState, lead?: string): ScreeningTurn {
  return { state, replies: [prompt(state, lead)] };
}

function back(state: ScreeningState): ScreeningTurn {
  const previous = state.history.at(-1);
  if (previous === undefined)
    return ask(state, 'This is the first question, so there is nothing to go back to.');
  const history = state.history.slice(0, -1);
  const answers = { ...state.answers };
  // Forget the answer being revisited and everything after it, so nothing stale survives.
  const keep = new Set(history.map((s) => ANSWER_FIELD[s]));
  for (const key of Object.keys(answers) as Array<keyof ScreeningAnswers>) {
    if (!keep.has(key)) delete answers[key];
  }
  return ask({ ...state, step: previous, history, answers, failedTries: 0 }, 'Going back one question.');
}

function answerFromText(state: ScreeningState, input: string): ScreeningTurn {
  const step = STEP_TEXT[state.step];
  if (step.kind === 'tristate') {
    const value = parseTristate(input);
    return value === null
      ? failed(state, `I didn't catch that. Please answer Yes, No or Not sure.`)
      : accept(state, value);
  }
  if (saysNotKnown(input)) {
    if (step.kind === 'ages' || state.failedTries >= MAX_FAILED_TRIES) return accept(state, null);
    return failed(
      state,
      "Please give the young person's age if you can, even roughly (for example 15): question 2 depends on it.",
    );
  }
  if (step.kind === 'age') {
    const parsed = parseAge(input, step.range!);
    return parsed.ok ? accept(state, parsed.value) : failed(state, parsed.error);
  }
  const parsed = parseAges(input, step.range!);
  return parsed.ok ? accept(state, parsed.value) : failed(state, parsed.error);
}

function answerFromButton(
  state: ScreeningState,
  action: ScreeningAnswerAction,
  newId: () => string,
): ScreeningTurn {
  if (action.screening !== state.id || action.step !== state.step) {
    return ask(state, 'That button is from an earlier question. Here is the current one:');
  }
  const step = STEP_TEXT[state.step];
  if (action.value === 'cancel') return run(state, 'cancel', newId);
  if (action.value === 'not-known') {
    return step.kind === 'tristate' ? ask(state, 'Please choose Yes, No or Not sure.') : accept(state, null);
  }
  if (step.kind !== 'tristate')
    return ask(state, 'That button is from an earlier question. Here is the current one:');
  return accept(state, action.value);
}

function run(
  state: ScreeningState,
  command: Exclude<ConversationCommand, 'skip'>,
  newId: () => string,
): ScreeningTurn {
  switch (command) {
    case 'cancel':
      return { state: null, replies: [{ text: CANCELLED_TEXT }], end: { kind: 'cancelled' } };
    case 'restart': {
      const fresh = startScreening(newId());
      return {
        ...fresh,
        replies: [
          { text: 'Starting again. The earlier answers have been cleared.' },
          ...fresh.replies.slice(1),
        ],
      };
    }
    case 'help':
      return ask(state, STEP_TEXT[state.step].help);
    case 'back':
      return back(state);
  }
}

export function continueScreening(
  state: ScreeningState,
  input: ScreeningInput,
  newId: () => string,
): ScreeningTurn {
  if ('action' in input) return answerFromButton(state, input.action, newId);
  const command = conversationCommand(input.text);
  // "skip" is not an answer the form allows: it is read as text, and gets the usual re-prompt.
  if (command && command !== 'skip') return run(state, command, newId);
  return answerFromText(state, input.text);
}

/**
 * Whether typed text is something this step takes: a steering command or an
 * answer it can read. Anything else may be a question typed mid-screening,
 * which the router answers before asking the same question again.
 */
export function takesScreeningText(state: ScreeningState, input: string): boolean {
  const command = conversationCommand(input);
  if (command && command !== 'skip') return true;
  const step = STEP_TEXT[state.step];
  if (step.kind === 'tristate') return parseTristate(input) !== null;
  if (saysNotKnown(input)) return true;
  return step.kind === 'age' ? parseAge(input, step.range!).ok : parseAges(input, step.range!).ok;
}
