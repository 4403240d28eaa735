/**
 * The time a turn has left for storage, carried to every storage call made
 * on the turn's behalf without threading it through botbuilder's Storage
 * interface (which has no place for it). The turn runner sets it; the retry
 * layer starts no try it cannot finish, and the blob store abandons a
 * request when the turn's time is up.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const deadlines = new AsyncLocalStorage<number>();

/** Runs `work` with storage calls bounded to end by `deadlineAt` (on the performance.now() clock). */
export function withStorageDeadline<T>(deadlineAt: number, work: () => Promise<T>): Promise<T> {
  return deadlines.run(deadlineAt, work);
}

/** Milliseconds left before the current turn's storage deadline; Infinity outside a turn. */
export function storageTimeLeft(now: number = performance.now()): number {
  const deadlineAt = deadlines.getStore();
  return deadlineAt === undefined ? Infinity : deadlineAt - now;
}
