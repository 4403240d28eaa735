import type { ConversationState, TurnContext } from 'botbuilder';
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
  constructor(private readonly conversationState: ConversationState) {}

  /**
   * The conversation's state object, read once a turn (the conversation state
   * caches it). Its properties are read and written directly, as botbuilder's
   * property accessors do after loading it, without an async accessor call
   * (and its own load) for each of them.
   */
  private async stateOf(context: TurnContext): Promise<Record<string, unknown>> {
    return (await this.conversationState.load(context)) as Record<string, unknown>;
  }

  async read(context: TurnContext): Promise<Remembered> {
    const state = await this.stateOf(context);
    if (state[LEGACY] !== undefined) deleteProperty(state, LEGACY);
    const last = state[LAST_TURN_AT] as string | undefined;
    const remembered = {
      running: (state[FLOW] as RunningFlow | undefined) ?? null,
      recent: (state[RECENT] as Recent | undefined) ?? null,
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
    const state = await this.stateOf(context);
    setOrDelete(state, FLOW, remembered.running);
    setOrDelete(state, RECENT, remembered.recent);
    state[LAST_TURN_AT] = at.toISOString();
  }
}

/** The property names in conversation state, as the accessors an earlier version used named them. */
const FLOW = 'flow';
const RECENT = 'recent';
const LAST_TURN_AT = 'lastTurnAt';
/** The dialog stack an earlier version kept; dropped on first read so its answers do not linger. */
const LEGACY = 'dialogState';

/** As botbuilder's accessor deletes: only a property the object has of its own. */
function deleteProperty(state: Record<string, unknown>, name: string): void {
  if (Object.prototype.hasOwnProperty.call(state, name)) delete state[name];
}

function setOrDelete(state: Record<string, unknown>, name: string, value: unknown): void {
  if (value !== null) state[name] = value;
  else deleteProperty(state, name);
}
