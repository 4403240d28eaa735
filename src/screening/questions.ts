/**
 * The CSERQ4's questions in the form's own words (the practitioner may read
 * them to the young person), with the indicator the form puts in brackets,
 * and the help the bot gives for each step. Question 2's parts speak to the
 * young person, as the form's own question 2 does; the one check the form
 * leaves to the practitioner (other signs, for 17-year-olds) says so.
 */
import { ALLOWANCE_WORDS, CHILD_AGE, PARTNER_AGE, QUESTION_INDICATORS, type Tristate } from '../rules/cserq4';
import type { AgeRange } from '../rules/parseAnswer';

export const STEPS = ['q1', 'childAge', 'hasPartner', 'partnerAges', 'q3', 'q4', 'otherSigns'] as const;
export type Step = (typeof STEPS)[number];

export type AnswerKind = 'tristate' | 'age' | 'ages';

export interface StepText {
  /** "Question 1 of 4" and so on. */
  label: string;
  question: string;
  indicator?: string;
  kind: AnswerKind;
  help: string;
  range?: AgeRange;
}

export const STEP_TEXT: Record<Step, StepText> = {
  q1: {
    label: 'Question 1 of 4',
    question:
      'Have you ever stayed out overnight or longer without permission from your parent(s) or guardian?',
    indicator: QUESTION_INDICATORS.q1,
    kind: 'tristate',
    help:
      'This asks whether the young person has ever gone missing: stayed out overnight or longer without ' +
      'their parent or guardian agreeing. Any time counts, not only recently.',
  },
  childAge: {
    label: 'Question 2 of 4 (part 1)',
    question: 'How old are you?',
    indicator: QUESTION_INDICATORS.q2,
    kind: 'age',
    range: { min: CHILD_AGE.min, max: CHILD_AGE.max, what: "the young person's age" },
    help:
      "Question 2 compares the young person's age with their partner's. Type their age in whole years, " +
      'for example 15. Do not type their date of birth.',
  },
  hasPartner: {
    label: 'Question 2 of 4 (part 2)',
    question: 'Do you have a partner, or person(s) you have sex with?',
    indicator: QUESTION_INDICATORS.q2,
    kind: 'tristate',
    help:
      'If the young person has a boyfriend, girlfriend or anyone they have sex with, answer Yes and I will ' +
      'ask their age or ages next. If not, answer No.',
  },
  partnerAges: {
    label: 'Question 2 of 4 (part 3)',
    question: 'How old is your partner or the person(s) you have sex with?',
    indicator: QUESTION_INDICATORS.q2,
    kind: 'ages',
    range: { min: PARTNER_AGE.min, max: PARTNER_AGE.max, what: "the partner's age" },
    help:
      'Type the age in whole years, for example 19. For more than one person, type each age, for example ' +
      '"19 and 22": the oldest counts. If nobody knows, type "don\'t know". An age difference of 4 or more ' +
      'years answers question 2 "yes" (for 17-year-olds with no other risk indicator, up to 6 years may be acceptable).',
  },
  q3: {
    label: 'Question 3 of 4',
    question:
      'Does your boyfriend/girlfriend or the person(s) you have sex with stop you from doing things you want to do?',
    indicator: QUESTION_INDICATORS.q3,
    kind: 'tristate',
    help:
      'This asks about a controlling relationship: whether a partner, or anyone they have sex with, stops ' +
      'them seeing friends or family, going places or doing what they want.',
  },
  q4: {
    label: 'Question 4 of 4',
    question:
      'Thinking about where you go to hang out, or to have sex, are you or anyone else e.g. parent, guardian, ' +
      'friend, social worker, police worried about your safety?',
    indicator: QUESTION_INDICATORS.q4,
    kind: 'tristate',
    help:
      'This asks whether the places the young person goes to hang out or have sex worry them or anyone else ' +
      '(a parent, guardian, friend, social worker or the police): places known for sexual exploitation.',
  },
  otherSigns: {
    label: 'Question 2 of 4: one more check for 17-year-olds',
    // The signs are from the training deck's "Signs" slide (Rigg and Phippen, 2016), less the two the
    // form already asks about (going missing, an older partner).
    question:
      `This one is for you, not the young person. The form says that "${ALLOWANCE_WORDS}". ` +
      'From what you know, are there any other signs of exploitation? For example: sudden changes in ' +
      'behaviour, secretive use of technology, unexplained gifts, alcohol and/or drug misuse, sexual health ' +
      'problems or mental health problems.',
    indicator: QUESTION_INDICATORS.q2,
    kind: 'tristate',
    help:
      'Answer Yes if you know of any other risk indicator: then question 2 is "yes". Answer Not sure if you ' +
      'do not know: then the form cannot rule risk out. Answer No only if you know of none: the age ' +
      'difference then "may be acceptable", which still needs your professional judgement.',
  },
};

export const TRISTATE_LABELS: Record<Tristate, string> = { yes: 'Yes', no: 'No', unknown: 'Not sure' };
