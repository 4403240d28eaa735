import type { TurnContext } from 'botbuilder';

/** Where a turn found storage down: reading the conversation, or saving it after the turn had run. */
export type UnavailableAt = 'read' | 'write';

const KEY = Symbol('stateUnavailableAt');

/** The turn runner says so before it runs the turn again without state. */
export function markStateUnavailable(context: TurnContext, at: UnavailableAt): void {
  context.turnState.set(KEY, at);
}

export function stateUnavailableAt(context: TurnContext): UnavailableAt | null {
  return context.turnState.get<UnavailableAt | undefined>(KEY) ?? null;
}
