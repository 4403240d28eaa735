/**
 * Batch-testing for curators: each line of a JSONL file is a question and
 * what the bot should do with it, a topic id, a route, either of two topic
 * ids, or null when the bot must decline. Each question is routed exactly as
 * the bot routes it (999 net, flows, then the knowledge answer). Pure: the
 * CLI and the test suite both call it.
 */
import { z } from 'zod';
import type { AnswerContext } from '../knowledge/answer';
import { routeConversation, type TextRoute } from './routeText';

/** Routes an eval line may name instead of a topic id. */
export const EXPECTABLE_ROUTES = [
  'emergency',
  'contacts',
  'screening',
  'glossary',
  'help',
  'smalltalk',
] as const;
/** Lines that must all be right whatever the overall figure: the routes that tell people who to call. */
export const SAFETY_EXPECTATIONS = ['emergency', 'contacts'] as const;

const ABSTAINING: ReadonlySet<string> = new Set<TextRoute>(['not-found', 'did-you-mean']);

/**
 * Topics whose question a rule route already serves in full: asking for the
 * AD362 form starts the guided form (route 'info-sharing'), which is the
 * right answer to "sharing information with the police".
 */
const SERVED_BY_ROUTE: Readonly<Record<string, TextRoute>> = {
  'sharing-information-with-police': 'info-sharing',
};

const expectation = z.union([z.string().min(1), z.array(z.string().min(1)).min(1), z.null()]);
const questionSchema = z.strictObject({ q: z.string().trim().min(1), expect: expectation });

/** A short conversation: each turn is routed with what the turns before it left. */
const conversationSchema = z.strictObject({ turns: z.array(questionSchema).min(2).max(6) });

/** A line is a question, or a conversation when it has "turns" (so errors name the fields that line lacks). */
export const evalLineSchema = {
  safeParse: (json: unknown) =>
    json !== null && typeof json === 'object' && 'turns' in json
      ? conversationSchema.safeParse(json)
      : questionSchema.safeParse(json),
};
export type Expectation = z.infer<typeof expectation>;

export interface EvalCase {
  line: number;
  q: string;
  expect: Expectation;
  /** For a conversation's turns: the turn's index (0 for the first). */
  turn?: number;
}

export function parseEvalFile(text: string): { cases: EvalCase[]; errors: string[] } {
  const cases: EvalCase[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      errors.push(`line ${i + 1}: not valid JSON`);
      return;
    }
    const parsed = evalLineSchema.safeParse(json);
    if (parsed.success) {
      const data = parsed.data;
      if ('turns' in data) data.turns.forEach((t, turn) => cases.push({ line: i + 1, ...t, turn }));
      else cases.push({ line: i + 1, ...data });
    } else
      errors.push(
        `line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      );
  });
  return { cases, errors };
}

function expectedNames(expect: Expectation): string[] {
  if (expect === null) return [];
  return Array.isArray(expect) ? expect : [expect];
}

/**
 * Splits off the lines that name a topic the content does not have yet
 * (kept in a corpus for when the topic is written).
 */
export function setAsideUnknown(
  cases: EvalCase[],
  topicIds: ReadonlySet<string>,
): { kept: EvalCase[]; setAside: number } {
  const routes: ReadonlySet<string> = new Set(EXPECTABLE_ROUTES);
  const kept = cases.filter((c) => expectedNames(c.expect).every((n) => routes.has(n) || topicIds.has(n)));
  return { kept, setAside: cases.length - kept.length };
}

/** Topic ids or route names the eval file names that the content does not have. */
export function unknownExpectations(cases: EvalCase[], topicIds: ReadonlySet<string>): string[] {
  const routes: ReadonlySet<string> = new Set(EXPECTABLE_ROUTES);
  return cases.flatMap((c) =>
    expectedNames(c.expect)
      .filter((n) => !routes.has(n) && !topicIds.has(n))
      .map((n) => `line ${c.line}: "${n}" is neither a topic id nor a route`),
  );
}

export interface Got {
  route: TextRoute;
  topic: string | null;
  confidence: number;
}

export function isRight(expect: Expectation, got: Got): boolean {
  if (expect === null) return ABSTAINING.has(got.route);
  return expectedNames(expect).some((name) => {
    if (name === 'screening') return got.route === 'screening' || got.route === 'screening-offer';
    // A question about 999 ("when should I ring 999") is not an alarm (issue 13): the emergency topic answers
    // it, and its answer opens with the same line as the 999 reply.
    if (name === 'emergency')
      return got.route === 'emergency' || (got.route === 'topic' && got.topic === 'emergency');
    if ((EXPECTABLE_ROUTES as readonly string[]).includes(name)) return got.route === name;
    // After a 999 reply the bot still answers the question: the topic counts when it is the one given.
    const answered = got.route === 'topic' || got.route === 'emergency';
    return (answered && got.topic === name) || SERVED_BY_ROUTE[name] === got.route;
  });
}

export interface Miss extends EvalCase {
  got: Got;
}

export interface EvalReport {
  total: number;
  right: number;
  accuracy: number;
  misses: Miss[];
  abstention: {
    abstained: number;
    shouldAbstain: number;
    rightlyAbstained: number;
    precision: number;
    recall: number;
    /** Lines to decline that got the honest "I can't help with that" (with what the bot can do), not "did you mean". */
    declinedOutright: number;
  };
  safety: { total: number; right: number; accuracy: number };
  /** Later turns of conversations (a follow-up, a "yes" to an offer), counted apart as well. */
  followUps: { total: number; right: number; accuracy: number };
  /** Lines set aside because the route they expect is not built yet (--pending). */
  pending: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function evaluate(cases: EvalCase[], ctx: AnswerContext, pendingRoutes: string[] = []): EvalReport {
  const pending = new Set(pendingRoutes);
  const counted = cases.filter((c) => !expectedNames(c.expect).some((n) => pending.has(n)));
  const misses: Miss[] = [];
  let abstained = 0;
  let rightlyAbstained = 0;
  let declinedOutright = 0;
  let safetyTotal = 0;
  let safetyRight = 0;
  let followUpTotal = 0;
  let followUpRight = 0;
  const routed = routeCases(counted, ctx);
  counted.forEach((c, i) => {
    const a = routed[i]!;
    const got: Got = { route: a.route, topic: a.topic, confidence: a.confidence };
    const right = isRight(c.expect, got);
    if (!right) misses.push({ ...c, got });
    if (ABSTAINING.has(got.route)) {
      abstained++;
      if (c.expect === null) rightlyAbstained++;
    }
    if (c.expect === null && got.route === 'not-found') declinedOutright++;
    if (expectedNames(c.expect).some((n) => (SAFETY_EXPECTATIONS as readonly string[]).includes(n))) {
      safetyTotal++;
      if (right) safetyRight++;
    }
    if ((c.turn ?? 0) > 0) {
      followUpTotal++;
      if (right) followUpRight++;
    }
  });
  const shouldAbstain = counted.filter((c) => c.expect === null).length;
  return {
    total: counted.length,
    right: counted.length - misses.length,
    accuracy: ratio(counted.length - misses.length, counted.length),
    misses,
    abstention: {
      abstained,
      shouldAbstain,
      rightlyAbstained,
      precision: ratio(rightlyAbstained, abstained),
      recall: ratio(rightlyAbstained, shouldAbstain),
      declinedOutright,
    },
    safety: { total: safetyTotal, right: safetyRight, accuracy: ratio(safetyRight, safetyTotal) },
    followUps: { total: followUpTotal, right: followUpRight, accuracy: ratio(followUpRight, followUpTotal) },
    pending: cases.length - counted.length,
  };
}

/** Routes each case; the turns of one conversation in order, each with what the earlier turns left. */
function routeCases(cases: EvalCase[], ctx: AnswerContext) {
  const routed: ReturnType<typeof routeConversation> = [];
  let i = 0;
  while (i < cases.length) {
    let j = i + 1;
    while (j < cases.length && cases[j]!.line === cases[i]!.line && (cases[j]!.turn ?? 0) > 0) j++;
    routed.push(
      ...routeConversation(
        cases.slice(i, j).map((c) => c.q),
        ctx,
      ),
    );
    i = j;
  }
  return routed;
}
