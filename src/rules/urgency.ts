/**
 * The 999 safety net: does this message say a child may be in immediate
 * danger? Checked on every message, in every state, before anything else.
 * isUrgent() is the one entry point: the bot, the router and the CLI all call
 * it, so what the CLI measures is what the bot does.
 *
 * Two halves:
 *   - readable rules (urgencyRules.ts): explicit alarms ("999", "call the
 *     police now", "she is in danger right now") that always fire, and
 *     overrides for harm that needs no score;
 *   - a learned classifier (urgencyModel.ts) that decides everything else: a
 *     logistic regression over word and character n-grams, trained on
 *     messages by several independent writers (content/urgency/corpus/), with
 *     a threshold chosen on writers it was not trained on, leaning towards
 *     firing. A false alarm costs one line ("if a child is in immediate
 *     danger, call 999"); a miss could cost a life.
 *
 * The model is read once, when this module is first loaded (at start-up), and
 * a missing or malformed model file stops the bot from starting rather than
 * leaving it without a net. Nothing here logs; callers log only that it fired.
 */
import { normaliseMessage, scoreNormalised } from './urgencyFeatures';
import { loadUrgencyModel, modelReadsNormalised, sigmoid, type UrgencyModel } from './urgencyModel';
import {
  notForTheModelNormalised,
  normaliseForRules,
  ruleForNormalised,
  type RuleKind,
} from './urgencyRules';

let model: UrgencyModel = loadUrgencyModel();

/** For tests and tools that train a model and then check the net with it. */
export function useUrgencyModel(next: UrgencyModel): UrgencyModel {
  const before = model;
  model = next;
  return before;
}

export function currentUrgencyModel(): UrgencyModel {
  return model;
}

export interface UrgencyFinding {
  urgent: boolean;
  /** Why it fired: the rule's name, or "model"; null when it did not. */
  reason: string | null;
  /** Which half fired. */
  kind: RuleKind | 'model' | null;
  /** The classifier's score (0 to 1), or null when a rule fired first or the message is too short for it. */
  score: number | null;
}

/**
 * Each half normalises the message once: the rules' form serves the rules and
 * the "answer to the bot" check, the model's form its length check and its
 * features. The same steps as ruleFor, modelAsked and urgencyScore, which the
 * trainer uses, so the same findings and the same score to the last bit.
 */
export function checkUrgency(text: string): UrgencyFinding {
  const forRules = normaliseForRules(text);
  const rule = ruleForNormalised(forRules);
  if (rule) return { urgent: true, reason: rule.name, kind: rule.kind, score: null };
  const { features, bias } = model.file;
  const t = normaliseMessage(text, features.maxChars);
  if (!modelReadsNormalised(t) || notForTheModelNormalised(forRules))
    return { urgent: false, reason: null, kind: null, score: null };
  const score = sigmoid(scoreNormalised(t, features, model.weights, bias));
  const urgent = score >= model.file.threshold;
  return { urgent, reason: urgent ? 'model' : null, kind: urgent ? 'model' : null, score };
}

/** Why the net fired on this message (a rule's name, or "model"), or null if it did not. Never logs the text. */
export function urgencyReason(text: string): string | null {
  return checkUrgency(text).reason;
}

export function isUrgent(text: string): boolean {
  return checkUrgency(text).urgent;
}
