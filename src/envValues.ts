/** Building blocks shared by every environment schema (src/config.ts, src/state/config.ts). */
import { z } from 'zod';

/** An empty variable (PORT=) means "not set", so its default applies. */
export const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A whole number in [min, max] from an environment string, with one message for every way it can be wrong. */
export function wholeNumberVar(
  min: number,
  max: number,
  fallback: number,
  message: string,
  wholeMessage = message,
) {
  return z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: message })
      .int({ error: wholeMessage })
      .min(min, { error: message })
      .max(max, { error: message })
      .default(fallback),
  );
}
