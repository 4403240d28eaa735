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

/** Accepts an activity's value as sent by Teams or Web Chat (with or without the msteams wrapper). */
export function parseCardAction(value: unknown): CardAction | null {
  if (value === null || typeof value !== 'object') return null;
  // Teams adds its own "msteams" key to the data we sent; it is not ours to validate.
  const rest = Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'msteams'));
  const parsed = cardActionSchema.safeParse(rest);
  return parsed.success ? parsed.data : null;
}
