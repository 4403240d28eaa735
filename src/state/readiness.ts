/**
 * The readiness check (/readyz): can this instance reach conversation
 * storage? 200 or 503 with a short JSON body naming the failing part and a
 * reason code. Never an error message, URL, account name or key.
 *
 * A check probes storage (a missing container is created again, as on any
 * first use after an outage) and feeds the same up/down record the turns
 * do, so the outage log lines come from whichever notices first. Checks
 * arriving together share one probe, and a result is reused for a second
 * (unless a turn has found storage the other way since), so polling cannot
 * flood storage.
 */
import { classifyStorageError, type FailureReason, type StorageHealth } from './health';
import type { StateBackend } from './storage';

export type ReadinessBody =
  | { status: 'ready'; storage: 'ok' | 'memory' }
  | { status: 'unavailable'; failing: 'storage'; reason: FailureReason };

export interface Readiness {
  status: 200 | 503;
  body: ReadinessBody;
}

export const READINESS_CACHE_MS = 1_000;

export function createReadinessCheck(
  backend: StateBackend,
  health: StorageHealth,
  clock: () => number = () => Date.now(),
): () => Promise<Readiness> {
  let pending: Promise<Readiness> | null = null;
  let last: { at: number; result: Readiness } | null = null;

  async function probe(): Promise<Readiness> {
    try {
      await backend.probe();
      health.succeeded();
      return { status: 200, body: { status: 'ready', storage: backend.kind === 'memory' ? 'memory' : 'ok' } };
    } catch (err) {
      const { reason } = classifyStorageError(err);
      health.failed(reason);
      return { status: 503, body: { status: 'unavailable', failing: 'storage', reason } };
    }
  }

  return () => {
    // A recent result stands unless a turn has since found storage the other way.
    const agrees = last && (last.result.status === 200) === !health.isDown;
    if (last && agrees && clock() - last.at < READINESS_CACHE_MS) return Promise.resolve(last.result);
    pending ??= probe().then((result) => {
      last = { at: clock(), result };
      pending = null;
      return result;
    });
    return pending;
  };
}
