/**
 * The data a card button posts back. Every submission is parsed with this
 * schema before use; anything else (a tampered or foreign payload) is
 * rejected by the shell without touching the running dialog.
 */
import { z } from 'zod';

export const screeningAnswerSchema = z.strictObject({
  kind: z.literal('answer'),
  /** The screening the button belongs to: a button from an ended screening is stale. */
  screening: z.string().min(1).max(64),
  step: z.string().min(1).max(32),
  value: z.enum(['yes', 'no', 'unknown', 'not-known', 'cancel']),
});

/** A button of the information-sharing form: bound to one run of the form and one step, like the screening's. */
export const formAnswerSchema = z.strictObject({
  kind: z.literal('form'),
  form: z.string().min(1).max(64),
  step: z.string().min(1).max(32),
  value: z.enum(['yes', 'no', 'unknown', 'skip', 'cancel']),
});

export const commandSchema = z.strictObject({
  kind: z.literal('command'),
  command: z.enum([
    'start-screening',
    'start-info-sharing',
    'ask-expert',
    'contacts',
    'help',
    'none-of-these',
  ]),
});

/** A button of the "ask the safeguarding team" conversation: bound to one run of it, like the screening's. */
export const askActionSchema = z.strictObject({
  kind: z.literal('ask'),
  ask: z.string().min(1).max(64),
  value: z.enum(['send', 'change', 'cancel']),
});

/** A ticket's reference: "Q-" and six Crockford base-32 characters (no I, L, O or U to misread). */
export const TICKET_REFERENCE = /^Q-[0-9A-HJKMNP-TV-Z]{6}$/;

/** A button on a ticket card in the safeguarding team's channel. */
export const ticketActionSchema = z.strictObject({
  kind: z.literal('ticket'),
  ticket: z.string().regex(TICKET_REFERENCE),
  action: z.enum(['take', 'close']),
});

/** A follow-up or "Did you mean…" button: answer this knowledge-base topic. */
export const topicActionSchema = z.strictObject({
  kind: z.literal('topic'),
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(64),
});

export const cardActionSchema = z.discriminatedUnion('kind', [
  screeningAnswerSchema,
  formAnswerSchema,
  commandSchema,
  topicActionSchema,
  askActionSchema,
  ticketActionSchema,
]);
export type CardAction = z.infer<typeof cardActionSchema>;
export type ScreeningAnswerAction = z.infer<typeof screeningAnswerSchema>;
export type FormAnswerAction = z.infer<typeof formAnswerSchema>;
export type AskAction = z.infer<typeof askActionSchema>;
export type TicketAction = z.infer<typeof ticketActionSchema>;

/** The longest button title: Teams cuts longer ones off (tests/cards/teamsCards.test.ts checks every card). */
export const MAX_BUTTON_TITLE = 40;

/**
 * Keys a client may add to the data we sent, which are not ours to validate:
 * Teams' "msteams" in whatever case the client's Adaptive Cards library
 * writes it (the Agents Playground sends both "msteams" and "msTeams"), and
 * the button's own title, which `submit()` puts in `label` (see pressedLabel).
 */
function isWrapperKey(key: string): boolean {
  return key.toLowerCase() === 'msteams' || key === 'label';
}

/** Accepts an activity's value as sent by Teams, the Agents Playground or Web Chat (with or without an msteams key). */
export function parseCardAction(value: unknown): CardAction | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const rest = Object.fromEntries(Object.entries(value).filter(([key]) => !isWrapperKey(key)));
  const parsed = cardActionSchema.safeParse(rest);
  return parsed.success ? parsed.data : null;
}

/**
 * A label is echoed into the chat (a channel's too), so a tampered one may
 * only be short words: no Markdown, links or mentions can ride on it.
 */
const labelSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_BUTTON_TITLE)
  .regex(/^[\p{L}\p{N} '’?!,.()&-]+$/u);

/**
 * The title of the button that was pressed, read from a genuine submission's
 * `label`, or null (typed text, a tampered payload, no label). Neither Teams
 * nor the Playground shows anything in the chat when a plain Action.Submit is
 * pressed, so the reply says it instead (see docs/teams.md).
 */
export function pressedLabel(value: unknown): string | null {
  if (parseCardAction(value) === null) return null;
  const label = labelSchema.safeParse((value as Record<string, unknown>).label);
  return label.success ? label.data : null;
}
