import type { TurnContext } from 'botbuilder';

/**
 * What a turn's log line may say about it. Every field is a name chosen by
 * the code (a route, a knowledge topic id, a screening step, an outcome
 * kind), never anything the practitioner typed or pressed.
 */
export interface TurnMeta {
  route?: string;
  topic?: string | null;
  step?: string;
  outcome?: string;
}

const KEY = Symbol('turnMeta');

/** Dialogs call this to describe the turn; the turn runner logs it once the turn is saved. */
export function noteTurn(context: TurnContext, meta: TurnMeta): void {
  const current = context.turnState.get<TurnMeta | undefined>(KEY);
  context.turnState.set(KEY, { ...current, ...meta });
}

export function turnMeta(context: TurnContext): TurnMeta {
  return context.turnState.get<TurnMeta | undefined>(KEY) ?? {};
}

/** Forgets what an abandoned attempt noted, so a retried turn is described by the attempt that was kept. */
export function resetTurnMeta(context: TurnContext): void {
  context.turnState.delete(KEY);
}
