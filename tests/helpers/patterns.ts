/**
 * What transcript tests look for in the bot's replies, built from the
 * source's own wording where it has a constant: when a question is reworded,
 * the tests follow it and still check that the right question comes next.
 */
import { INFO_STEP_TEXT, INFO_STEPS, type InfoStep } from '../../src/infoSharing/questions';
import { INFO_CANCELLED, INFO_INTRO } from '../../src/infoSharing/flow';
import { STALE_BUTTON } from '../../src/knowledge/botWords';
import { CANCELLED_TEXT } from '../../src/screening/flow';
import { STEP_TEXT, STEPS, type Step } from '../../src/screening/questions';
import { escapeRegExp, literal } from './area';

/** The heading a screening step is asked under, as the screening writes it: "Question 1 of 4 (going missing)". */
export function stepHeading(step: Step): string {
  const { label, indicator } = STEP_TEXT[step];
  return indicator ? `${label} (${indicator})` : label;
}

/** A screening step being asked: its heading, then its question, word for word. */
export function askedStep(step: Step): RegExp {
  return new RegExp(`${escapeRegExp(stepHeading(step))}[\\s\\S]*${escapeRegExp(STEP_TEXT[step].question)}`);
}

/** Every screening step, as it is asked. */
export const STEP = Object.fromEntries(STEPS.map((s) => [s, askedStep(s)])) as Record<Step, RegExp>;

export const Q1 = STEP.q1;
export const AGE = STEP.childAge;
export const PARTNER = STEP.hasPartner;
export const PARTNER_AGE = STEP.partnerAges;
export const Q3 = STEP.q3;
export const Q4 = STEP.q4;
/** The extra check for 17-year-olds (other signs of exploitation). */
export const SIGNS = STEP.otherSigns;

export const SCREENING_CANCELLED = literal(CANCELLED_TEXT);

/** Every question of the police information form, as it is asked. */
export const FORM = Object.fromEntries(
  INFO_STEPS.map((s) => [s, literal(INFO_STEP_TEXT[s].question)]),
) as Record<InfoStep, RegExp>;

/** The form's opening line, which names the form. */
export const FORM_INTRO = literal(INFO_INTRO.split('**')[1]!);
export const FORM_CANCELLED = literal(INFO_CANCELLED);

/** A button pressed after its screening or form ended, or with nothing running. */
export const STALE_CONVERSATION = literal(STALE_BUTTON);
/** A button from an earlier question of the flow that is still running (the flows' own wording). */
export const STALE_QUESTION = /That button is from an earlier question/;
/** Either of the two. */
export const STALE = new RegExp(`${STALE_CONVERSATION.source}|${STALE_QUESTION.source}`);
