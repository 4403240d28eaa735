import { createHash } from 'node:crypto';

/** Crockford's base 32: digits and capitals without I, L, O and U, so a reference read aloud is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The short reference of the question asked in one run of the flow: "Q-" and
 * six characters, from a hash of the run's random id. It is fixed when the
 * flow starts, so a turn that is run again (two saves racing) names the same
 * ticket and cannot post a second card.
 */
export function referenceFor(runId: string): string {
  const bytes = createHash('sha256').update(runId).digest();
  let out = '';
  for (let i = 0; i < 6; i++) out += ALPHABET[bytes[i]! & 31];
  return `Q-${out}`;
}
