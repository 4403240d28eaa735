import { ConversationState, type TurnContext } from 'botbuilder';
import { storageUntil, turnStorageDeadline } from './deadline';

const CACHED = Symbol('conversationStateRead');

interface Cached {
  state: Record<string, unknown>;
  /** The state's JSON (eTag left out) as read or last saved; '' when the state must be saved. */
  json: string;
}

/** What is compared to tell whether a turn changed the state: its JSON, without the storage's eTag. */
function jsonOf(state: Record<string, unknown>): string {
  // JSON leaves out a property whose value is undefined.
  return JSON.stringify({ ...state, eTag: undefined });
}

/**
 * botbuilder's ConversationState, same storage key and same read-once,
 * save-if-changed behaviour, telling a changed state from an unchanged one
 * by comparing its JSON. BotState hashes a key-sorted copy with SHA-256
 * three times a turn (after reading, before saving and after saving), which
 * was about 4% of a turn's CPU time (BENCHMARKS.md). The JSON comparison can
 * only err towards saving: the same values with their keys in another order
 * are saved again, and nothing changed is ever reported unchanged.
 */
export class JsonCheckedConversationState extends ConversationState {
  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = context.turnState.get<Cached | undefined>(CACHED);
    if (cached && !force) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storageFor(context).read([key]);
    const state = (items[key] as Record<string, unknown> | undefined) ?? {};
    context.turnState.set(CACHED, { state, json: jsonOf(state) } satisfies Cached);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const read = context.turnState.get<Cached | undefined>(CACHED);
    if (!read && !force) return;
    const cached = read ?? { state: {}, json: '' };
    // The eTag set below is left out of the JSON, so what is compared is also what is saved.
    const json = jsonOf(cached.state);
    if (!force && cached.json === json) return;
    const key = await this.storageKey(context);
    cached.state.eTag = '*';
    await this.storageFor(context).write({ [key]: cached.state });
    cached.json = json;
    context.turnState.set(CACHED, cached);
  }

  override clear(context: TurnContext): Promise<void> {
    context.turnState.set(CACHED, { state: {}, json: '' } satisfies Cached);
    return Promise.resolve();
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(CACHED);
    await this.storageFor(context).delete([await this.storageKey(context)]);
  }

  /** The storage, bounded by the turn's storage deadline when the turn runner set one. */
  private storageFor(context: TurnContext) {
    return storageUntil(this.storage, turnStorageDeadline(context));
  }

  override get(context: TurnContext): Record<string, unknown> | undefined {
    return context.turnState.get<Cached | undefined>(CACHED)?.state;
  }
}
