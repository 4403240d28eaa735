import type { TurnContext } from 'botbuilder';
import type { TurnMeta } from '../router/planTurn';

export type { TurnMeta };

const KEY = Symbol('turnMeta');

/** The message handler describes the turn; the turn runner logs it once the turn is saved. */
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
