/**
 * Every storage call under one rule: retry what may pass (no connection, a
 * timeout, storage busy) with a short backoff, inside a fixed budget, and
 * report anything else as StorageUnavailableError, which the turn runner
 * answers by running the turn without state. An eTag conflict is not a
 * failure (storage answered) and passes through untouched.
 *
 * Two budgets keep a turn inside the channel's 15-second limit: a call
 * gives up within `budgetMs` of its start, and no try starts that could
 * not finish before the turn's own storage deadline (see deadline.ts);
 * after either, the turn runs without state in milliseconds. A write is tried again only when it surely
 * never reached storage (no connection): a write that timed out may have
 * landed, and sending it again would meet its own eTag and apply the answer
 * twice. While storage is known to be down, each call is tried once, so
 * turns during an outage stay quick and the first one after it ends
 * notices at once.
 */
import type { StoreItems } from 'botbuilder';
import { setTimeout as sleep } from 'node:timers/promises';
import { storageTimeLeft, type DeadlineStorage } from './deadline';
import { classifyStorageError, type FailureReason, type StorageHealth } from './health';
import { isETagConflict } from './storage';

export interface RetryPolicy {
  maxTries: number;
  /** The first backoff; each later one is three times the last, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The most one request may take (the storage abandons it then). */
  tryTimeoutMs: number;
  /** No try starts unless it can finish, at its timeout, within this much of the call's start. */
  budgetMs: number;
}

/**
 * Up to three tries of at most 3 s each, with their backoff, within 10 s. A
 * healthy blob request takes milliseconds; 3 s allows for a slow moment
 * without letting one request eat the turn.
 */
export const STORAGE_RETRY: RetryPolicy = {
  maxTries: 3,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  tryTimeoutMs: 3_000,
  budgetMs: 10_000,
};

export type StorageOperation = 'read' | 'write' | 'delete';

export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';

  constructor(
    readonly operation: StorageOperation,
    readonly reason: FailureReason,
    options?: { cause?: unknown },
  ) {
    super(`conversation storage is unavailable (${operation}: ${reason})`, options);
  }
}

export function isStorageUnavailable(err: unknown): err is StorageUnavailableError {
  return err instanceof StorageUnavailableError;
}

export interface ResilientOptions {
  policy?: RetryPolicy;
  /** For tests: how to wait, and the clock the budget is measured by. */
  wait?: (ms: number) => Promise<void>;
  clock?: () => number;
  random?: () => number;
}

export class ResilientStorage implements DeadlineStorage {
  private readonly policy: RetryPolicy;
  private readonly wait: (ms: number) => Promise<void>;
  private readonly clock: () => number;
  private readonly random: () => number;

  constructor(
    /** Any Storage will do: one that takes no deadline ignores the argument. */
    private readonly inner: DeadlineStorage,
    private readonly health: StorageHealth,
    options: ResilientOptions = {},
  ) {
    this.policy = options.policy ?? STORAGE_RETRY;
    this.wait = options.wait ?? ((ms) => sleep(ms));
    this.clock = options.clock ?? (() => performance.now());
    this.random = options.random ?? Math.random;
  }

  read(keys: string[], deadlineAt?: number): Promise<StoreItems> {
    return this.call('read', () => this.inner.read(keys, deadlineAt), deadlineAt);
  }

  write(changes: StoreItems, deadlineAt?: number): Promise<void> {
    return this.call('write', () => this.inner.write(changes, deadlineAt), deadlineAt);
  }

  delete(keys: string[], deadlineAt?: number): Promise<void> {
    return this.call('delete', () => this.inner.delete(keys, deadlineAt), deadlineAt);
  }

  /** The wait before try `attempt + 1`: 100 ms, then 300 ms, each between half and all of that. */
  private backoff(attempt: number): number {
    const full = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 3 ** (attempt - 1));
    return Math.round(full / 2 + (this.random() * full) / 2);
  }

  private async call<T>(operation: StorageOperation, run: () => Promise<T>, deadlineAt?: number): Promise<T> {
    const { maxTries, tryTimeoutMs, budgetMs } = this.policy;
    const started = this.clock();
    const tries = this.health.isDown ? 1 : maxTries;
    for (let attempt = 1; ; attempt++) {
      // The turn's time is up (a slow storage and a busy conversation together): not storage's failure.
      if (storageTimeLeft(this.clock(), deadlineAt) <= 0)
        throw new StorageUnavailableError(operation, 'timeout');
      try {
        const result = await run();
        this.health.succeeded();
        return result;
      } catch (err) {
        if (isETagConflict(err)) {
          this.health.succeeded();
          throw err;
        }
        const failure = classifyStorageError(err);
        const delay = this.backoff(attempt);
        const again =
          attempt < tries &&
          failure.transient &&
          (operation !== 'write' || failure.notSent) &&
          this.clock() - started + delay + tryTimeoutMs <= budgetMs &&
          delay + tryTimeoutMs <= storageTimeLeft(this.clock(), deadlineAt);
        if (!again) {
          this.health.failed(failure.reason);
          throw new StorageUnavailableError(operation, failure.reason, { cause: err });
        }
        await this.wait(delay);
      }
    }
  }
}
