/**
 * The time a turn has left for storage, carried to every storage call made
 * on the turn's behalf. The turn runner puts the deadline in the turn's
 * state (`turnStorageDeadline`), and what stores state for a turn (the
 * conversation state, the hand-off's ticket store) hands it down the storage
 * stack as a trailing argument (`storageUntil`), which botbuilder's Storage
 * interface does not have but JavaScript allows: the retry layer starts no
 * try it cannot finish, and the blob store abandons a request when the
 * turn's time is up. A storage that knows nothing of it (MemoryStorage)
 * ignores the argument.
 *
 * Why not AsyncLocalStorage, which carried it before without any of this
 * wiring: on Node 20 it turns on V8's promise hooks for every promise the
 * process makes once it first runs, and botbuilder makes dozens per turn. In
 * the bench's knowledge question that cost about a tenth of the turn's CPU
 * (BENCHMARKS.md, section 11).
 */
import type { Storage, StoreItems, TurnContext } from 'botbuilder';

/**
 * Milliseconds left before `deadlineAt` (on the performance.now() clock), or
 * Infinity for a call made outside any turn.
 */
export function storageTimeLeft(now: number = performance.now(), deadlineAt?: number): number {
  return deadlineAt === undefined ? Infinity : deadlineAt - now;
}

/** A storage layer that takes the deadline of the turn it serves as a trailing argument. */
export interface DeadlineStorage extends Storage {
  read(keys: string[], deadlineAt?: number): Promise<StoreItems>;
  write(changes: StoreItems, deadlineAt?: number): Promise<void>;
  delete(keys: string[], deadlineAt?: number): Promise<void>;
}

/** The same storage, every call bounded to end by `deadlineAt`; the storage itself when there is none. */
export function storageUntil(storage: DeadlineStorage, deadlineAt: number | undefined): Storage {
  if (deadlineAt === undefined) return storage;
  return {
    read: (keys) => storage.read(keys, deadlineAt),
    write: (changes) => storage.write(changes, deadlineAt),
    delete: (keys) => storage.delete(keys, deadlineAt),
  };
}

const TURN_DEADLINE = Symbol('turnStorageDeadline');

/** Sets the turn's storage deadline (the turn runner does, as the turn begins). */
export function setTurnStorageDeadline(context: TurnContext, deadlineAt: number): void {
  context.turnState.set(TURN_DEADLINE, deadlineAt);
}

/** The turn's storage deadline; undefined outside the turn runner, or for a context with no turn state. */
export function turnStorageDeadline(context: TurnContext): number | undefined {
  // Code handed a bare object for a context (the hand-off's tests do) is outside any turn.
  const turnState = (context as Partial<TurnContext>).turnState;
  return turnState?.get<number | undefined>(TURN_DEADLINE);
}
