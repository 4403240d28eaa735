import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Recent } from '../router/followUp';
import type { RunningFlow } from '../router/routeTurn';

const LAST_READ = Symbol('turnStoreLastRead');

/** What a conversation keeps between turns. */
export interface Remembered {
  running: RunningFlow | null;
  recent: Recent | null;
  lastTurnAt: Date | null;
}

/**
 * What a conversation keeps between turns, in conversation state: the
 * running guided flow (its id and pure state, deleted when the flow ends
 * however it ends, so no answer about a child outlives its flow), what the
 * last answer offered (ids only, never text) and when the last turn was.
 * The flows are pure state machines, so botbuilder's dialog stack (and the
 * DialogContext it builds on every turn) would add nothing but cost.
 */
export class TurnStore {
  private readonly flow: StatePropertyAccessor<RunningFlow | undefined>;
  private readonly recent: StatePropertyAccessor<Recent | undefined>;
  private readonly lastTurnAt: StatePropertyAccessor<string | undefined>;
  /** The dialog stack an earlier version kept; dropped on first read so its answers do not linger. */
  private readonly legacy: StatePropertyAccessor<unknown>;

  constructor(conversationState: ConversationState) {
    this.flow = conversationState.createProperty('flow');
    this.recent = conversationState.createProperty('recent');
    this.lastTurnAt = conversationState.createProperty('lastTurnAt');
    this.legacy = conversationState.createProperty('dialogState');
  }

  async read(context: TurnContext): Promise<Remembered> {
    if ((await this.legacy.get(context)) !== undefined) await this.legacy.delete(context);
    const last = await this.lastTurnAt.get(context);
    const remembered = {
      running: (await this.flow.get(context)) ?? null,
      recent: (await this.recent.get(context)) ?? null,
      lastTurnAt: last ? new Date(last) : null,
    };
    context.turnState.set(LAST_READ, remembered);
    return remembered;
  }

  /**
   * What this turn last read from storage, before the turn changed it: when
   * the save then fails, the turn runs again knowing which flow was stored.
   */
  lastRead(context: TurnContext): Remembered | undefined {
    return context.turnState.get<Remembered | undefined>(LAST_READ);
  }

  async write(context: TurnContext, remembered: Remembered, at: Date): Promise<void> {
    await setOrDelete(this.flow, context, remembered.running);
    await setOrDelete(this.recent, context, remembered.recent);
    await this.lastTurnAt.set(context, at.toISOString());
  }
}

async function setOrDelete<T>(
  property: StatePropertyAccessor<T | undefined>,
  context: TurnContext,
  value: T | null,
): Promise<void> {
  if (value !== null) await property.set(context, value);
  else await property.delete(context);
}
