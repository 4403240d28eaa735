/**
 * Screenings as a practitioner would type them, with the outcome the rule
 * gives for the same answers: the expectation comes from assessCserq4, not
 * from the bot, so a test or the load bench can tell a wrong outcome (or one
 * conversation's answers leaking into another) from a right one.
 */
import {
  allowanceCouldApply,
  assessCserq4,
  CHILD_AGE,
  type Cserq4Answers,
  type Cserq4Outcome,
  type Tristate,
} from '../../src/rules/cserq4';
import { outcomeHeading } from '../../src/screening/report';

const SAY: Record<Tristate, string> = { yes: 'yes', no: 'no', unknown: 'not sure' };

export interface ScriptedScreening {
  answers: Cserq4Answers;
  /** What the practitioner types, from "screen" to the last answer. */
  turns: string[];
  outcome: Cserq4Outcome;
  heading: string;
  /** The summary's question 2 detail, unique to these ages: the crosstalk check. */
  q2Detail: RegExp;
}

/** childAge must be known: an unknown age is only accepted after three tries, which a script does not model. */
export function scriptScreening(given: Cserq4Answers & { childAge: number }): ScriptedScreening {
  const asked = given.childAge <= CHILD_AGE.screeningMax;
  // Over 17 the screening stops at the age: the later questions are never asked, so not known.
  const answers: Cserq4Answers & { childAge: number } = asked
    ? { ...given }
    : { ...given, partnerAges: null, controlling: 'unknown', unsafePlaces: 'unknown' };
  // The chat asks about other signs exactly when the allowance could apply, and never otherwise.
  delete answers.otherIndicators;
  if (asked && allowanceCouldApply(answers)) answers.otherIndicators = given.otherIndicators ?? 'no';
  const turns = ['screen', SAY[answers.missing], String(answers.childAge)];
  if (asked) {
    if (answers.partnerAges === null) turns.push('yes', "don't know");
    else if (answers.partnerAges.length === 0) turns.push('no');
    else turns.push('yes', answers.partnerAges.join(' and '));
    turns.push(SAY[answers.controlling], SAY[answers.unsafePlaces]);
    if (answers.otherIndicators) turns.push(SAY[answers.otherIndicators]);
  }
  const result = assessCserq4(answers);
  let partners = 'partner age\\(s\\) not known;';
  if (answers.partnerAges?.length === 0) partners = 'no partner, so no age difference';
  else if (answers.partnerAges) partners = `partner age\\(s\\) ${answers.partnerAges.join(', ')};`;
  return {
    answers,
    turns,
    outcome: result.outcome,
    heading: outcomeHeading(result),
    q2Detail: new RegExp(`young person's age ${answers.childAge}; ${partners}`),
  };
}

const TRI: Tristate[] = ['no', 'yes', 'unknown'];

/** A different screening for each n, spread over every outcome. */
export function screeningFor(n: number): ScriptedScreening {
  const childAge = 10 + (n % 9); // 10..18: 18 is "not applicable"
  const partnerChoice = Math.floor(n / 9) % 4;
  const partnerAges =
    partnerChoice === 0 ? [] : partnerChoice === 1 ? null : [childAge + (n % 7), childAge + 1 + (n % 3)];
  return scriptScreening({
    childAge,
    partnerAges,
    missing: TRI[n % 3]!,
    controlling: TRI[Math.floor(n / 3) % 3]!,
    unsafePlaces: TRI[Math.floor(n / 36) % 3]!,
  });
}
