/**
 * Small talk: a greeting, thanks, "ok", a goodbye, "who are you", "are you a
 * real person". The words and replies are content (smalltalk.yaml); this is
 * the matcher. A message is small talk only when every word of it belongs to
 * a small-talk phrase or is a filler word, so a question that opens with
 * "thanks" or "hi" is still read as a question.
 */
import { z } from 'zod';
import type { Reply } from '../cards/reply';
import { spokenWords } from './text';

export const smalltalkSchema = z.strictObject({
  /** Words that may come with small talk without changing it: "thanks so much x". */
  fillers: z.array(z.string().trim().min(1)).default([]),
  /** Kinds of small talk, first listed first chosen when a message has phrases of two kinds. */
  kinds: z
    .array(
      z
        .strictObject({
          id: z
            .string()
            .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected a kebab-case id such as "thanks"' }),
          phrases: z.array(z.string().trim().min(1)).min(1, { error: 'a kind needs at least one phrase' }),
          /** What the bot says. The kind "help" has none: it gets the bot's help reply. */
          reply: z.string().trim().min(1, { error: 'the reply is empty' }).optional(),
          /**
           * How a plan of the practitioner's own may begin after this kind's phrase, the message still
           * being this kind when it asks nothing: "thank you, I'll speak to my line manager".
           */
          plans: z.array(z.string().trim().min(1)).default([]),
        })
        .refine((k) => k.id === 'help' || k.reply !== undefined, {
          error: 'every kind but "help" needs a reply',
          path: ['reply'],
        }),
    )
    .min(1),
});
export type SmalltalkContent = z.infer<typeof smalltalkSchema>;

/** The kind that asks what the bot can do: answered with the help reply, not small talk. */
export const HELP = 'help';
/** The kind whose phrases open a message: among other words, only there are they small talk. */
const GREETING = 'greeting';

export interface SmalltalkMatch {
  kind: string;
  /** Empty for the kind "help". */
  reply: string;
}

/**
 * The same reading for phrases and messages: lower case, no punctuation, text-speak spelt out
 * (spokenWords, which the rules and the search read the message by too).
 */
function tokens(text: string): readonly string[] {
  return spokenWords(text);
}

export class Smalltalk {
  private readonly fillers: ReadonlySet<string>;
  /** Every phrase as tokens with its kind's rank, longest first so "thank you" beats "you". */
  private readonly phrases: Array<{ tokens: readonly string[]; rank: number }>;
  /**
   * The same phrases by their first token, each list in the order above: a message's word is only
   * compared with the phrases that can start with it (every message is checked, on every turn).
   */
  private readonly byFirst = new Map<string, Array<{ tokens: readonly string[]; rank: number }>>();

  /** Each kind's plan openings as tokens, by the kind's rank. */
  private readonly plans: (readonly string[])[][];

  /** The rank of the greetings, which count among other words only where they open the message. */
  private readonly greeting: number;

  constructor(private readonly content: SmalltalkContent) {
    this.fillers = new Set(content.fillers.flatMap(tokens));
    this.plans = content.kinds.map((k) => k.plans.map(tokens).filter((p) => p.length > 0));
    this.greeting = content.kinds.findIndex((k) => k.id === GREETING);
    this.phrases = content.kinds
      .flatMap((k, rank) => k.phrases.map((p) => ({ tokens: tokens(p), rank })))
      .filter((p) => p.tokens.length > 0)
      .sort((a, b) => b.tokens.length - a.tokens.length || a.rank - b.rank);
    for (const p of this.phrases) {
      const first = p.tokens[0]!;
      const list = this.byFirst.get(first);
      if (list) list.push(p);
      else this.byFirst.set(first, [p]);
    }
  }

  /** The first phrase, in the order of `phrases`, that the message's words spell out from position i. */
  private phraseAt(
    ws: readonly string[],
    i: number,
  ): { tokens: readonly string[]; rank: number } | undefined {
    const candidates = this.byFirst.get(ws[i]!);
    if (!candidates) return undefined;
    for (const p of candidates) {
      let j = 1;
      while (j < p.tokens.length && ws[i + j] === p.tokens[j]) j++;
      if (j === p.tokens.length) return p;
    }
    return undefined;
  }

  /** The reply when the whole message is small talk, or null. */
  match(message: string): SmalltalkMatch | null {
    const ws = tokens(message);
    if (ws.length === 0 || ws.length > 16) return null;
    let best = Infinity;
    let i = 0;
    while (i < ws.length) {
      const phrase = this.phraseAt(ws, i);
      if (phrase) {
        best = Math.min(best, phrase.rank);
        i += phrase.tokens.length;
      } else if (this.fillers.has(ws[i]!)) {
        i++;
      } else if (best !== Infinity && this.plansFrom(ws, i, best) && !asks(message, ws.slice(i))) {
        break;
      } else {
        return null;
      }
    }
    const kind = this.content.kinds[best];
    return kind ? { kind: kind.id, reply: kind.reply ?? '' } : null;
  }

  /** How many of these words are not fillers. */
  private saidBesides(words: readonly string[]): number {
    return words.filter((w) => !this.fillers.has(w)).length;
  }

  /** A plan of the kind ranked `rank` begins at position i: "i ll speak to my line manager". */
  private plansFrom(ws: readonly string[], i: number, rank: number): boolean {
    return (this.plans[rank] ?? []).some((p) => p.every((t, j) => ws[i + j] === t));
  }

  /**
   * The reply for a message that has small talk in it among other words
   * ("great thanks, got to run to period 4"), for when the classifier reads
   * it as small talk; null when it has no small-talk phrase at all.
   */
  within(message: string): SmalltalkMatch | null {
    const ws = tokens(message);
    let best = Infinity;
    const rest: string[] = [];
    // A phrase's words are read once, as that phrase: "thanks for your help" is thanks, not a call for help.
    for (let i = 0; i < ws.length;) {
      const phrase = this.phraseAt(ws, i);
      // A greeting opens a message ("gd afternoon hope ur well") or follows other small talk ("good
      // afternoon, I hope you are well"): the "morning" of "night staff say wait til morning?" is no greeting.
      const counts =
        phrase !== undefined &&
        (phrase.rank !== this.greeting || best !== Infinity || this.saidBesides(rest) < 2);
      if (phrase && counts) best = Math.min(best, phrase.rank);
      else if (phrase) rest.push(...phrase.tokens);
      else rest.push(ws[i]!);
      i += phrase?.tokens.length ?? 1;
    }
    // "thanks, i'll do that. who else should i tell" asks something besides the thanks.
    if (rest.some((w) => QUESTION_WORDS.has(w))) return null;
    const kind = this.content.kinds[best];
    return kind ? { kind: kind.id, reply: kind.reply ?? '' } : null;
  }
}

const QUESTION_WORDS = new Set(
  'what whats how who whos where when why which can could should would is are do does did if'.split(' '),
);

/** The plan asks something after all: a question mark, or a question word anywhere in it. */
function asks(message: string, rest: string[]): boolean {
  return message.includes('?') || rest.some((w) => QUESTION_WORDS.has(w));
}

/** Small talk is plain text: no card, no buttons, no contacts block. */
export function smalltalkReply(reply: string): Reply {
  return { text: reply };
}
