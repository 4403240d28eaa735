/**
 * When an unfinished screening (or information-sharing form) is too old to
 * keep. A practitioner who walks away part way through leaves answers about a
 * child in storage; they are cleared on the next turn once untouched this long.
 */
import type { Reply } from '../cards/reply';

export function isExpired(lastTouched: Date, now: Date, timeoutMinutes: number): boolean {
  return now.getTime() - lastTouched.getTime() > timeoutMinutes * 60_000;
}

/** What was cleared, and how to start it again. */
const CLEARED = {
  screening: { what: 'screening', restart: 'Type "screen" to start a new one.' },
  'info-sharing': { what: 'information-sharing form', restart: 'Type "share information" to start again.' },
} as const;

export type Expirable = keyof typeof CLEARED;

export function expiredReply(timeoutMinutes: number, kind: Expirable): Reply {
  const { what, restart } = CLEARED[kind];
  return {
    text:
      `Your ${what} had no activity for ${timeoutMinutes} minutes, so I cleared it and its answers. ` +
      `Nothing from it has been kept. ${restart}`,
  };
}
