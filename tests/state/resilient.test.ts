/**
 * Storage calls under the outage rules: short bounded retries for what may
 * pass, never a second write that may already have landed, eTag conflicts
 * untouched, and one log line when storage goes down and one when it is back.
 */
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log';
import { StorageHealth } from '../../src/state/health';
import {
  isStorageUnavailable,
  ResilientStorage,
  STORAGE_RETRY,
  StorageUnavailableError,
} from '../../src/state/resilient';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
const timedOut = () => Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
const forbidden = () => Object.assign(new Error('Server failed to authenticate'), { statusCode: 403 });
const conflict = () => new Error('Storage: error writing "k" due to eTag conflict.');

/**
 * A storage whose every call fails with what `failures` says next (then works),
 * on a simulated clock: each try takes `tryMs`, each wait what it asks for.
 */
function harness(failures: Array<() => Error>, tryMs = 5) {
  const inner = new MemoryStorage();
  let now = 0;
  const waits: number[] = [];
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger({
    destination: new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        cb();
      },
    }),
  });
  let tries = 0;
  const attempt = async <T>(run: () => Promise<T>): Promise<T> => {
    tries++;
    now += tryMs;
    const fail = failures.shift();
    if (fail) throw fail();
    return run();
  };
  const flaky: Storage = {
    read: (keys) => attempt(() => inner.read(keys)),
    write: (changes: StoreItems) => attempt(() => inner.write(changes)),
    delete: (keys) => attempt(() => inner.delete(keys)),
  };
  const health = new StorageHealth(log, () => now);
  const storage = new ResilientStorage(flaky, health, {
    clock: () => now,
    random: () => 1,
    wait: (ms) => {
      waits.push(ms);
      now += ms;
      return Promise.resolve();
    },
  });
  return {
    storage,
    health,
    waits,
    lines,
    tries: () => tries,
    elapsed: () => now,
    advance: (ms: number) => (now += ms),
    fail: (...more: Array<() => Error>) => failures.push(...more),
  };
}

async function failure(promise: Promise<unknown>): Promise<StorageUnavailableError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isStorageUnavailable(err), String(err)).toBe(true);
  return err as StorageUnavailableError;
}

describe('retrying storage calls', () => {
  it('tries a refused read again after a short backoff, and returns what it then reads', async () => {
    const h = harness([refused, refused]);
    expect(await h.storage.read(['k'])).toEqual({});
    expect(h.waits).toEqual([100, 300]);
    expect(h.tries()).toBe(3);
  });

  it('gives up on a read that keeps timing out within the budget, well inside the 15-second channel limit', async () => {
    const h = harness([timedOut, timedOut, timedOut, timedOut], STORAGE_RETRY.tryTimeoutMs);
    const err = await failure(h.storage.read(['k']));
    expect(err.reason).toBe('timeout');
    expect(err.operation).toBe('read');
    expect(h.tries()).toBe(3);
    expect(h.elapsed()).toBeLessThanOrEqual(STORAGE_RETRY.budgetMs);
    expect(STORAGE_RETRY.budgetMs).toBeLessThan(15_000);
  });

  it('sends a write again only when it surely never reached storage', async () => {
    const refusedTwice = harness([refused, refused]);
    await refusedTwice.storage.write({ k: { a: 1 } });
    expect(refusedTwice.tries()).toBe(3);

    // A write that timed out may have landed: a second one would meet its own eTag.
    const timedOutOnce = harness([timedOut]);
    expect((await failure(timedOutOnce.storage.write({ k: { a: 1 } }))).reason).toBe('timeout');
    expect(timedOutOnce.tries()).toBe(1);
  });

  it('does not retry what will not pass: a refused key is reported at once as forbidden', async () => {
    const h = harness([forbidden, forbidden]);
    expect((await failure(h.storage.read(['k']))).reason).toBe('forbidden');
    expect(h.tries()).toBe(1);
  });

  it('passes an eTag conflict through untouched, as storage answering', async () => {
    const h = harness([conflict]);
    await expect(h.storage.write({ k: { a: 1 } })).rejects.toThrow(/eTag conflict/);
    expect(h.tries()).toBe(1);
    expect(h.health.isDown).toBe(false);
  });

  it('tries once per call while storage is known to be down, so turns in an outage stay quick', async () => {
    const h = harness([refused, refused, refused, refused, refused]);
    await failure(h.storage.read(['k']));
    expect(h.tries()).toBe(3);
    await failure(h.storage.read(['k']));
    expect(h.tries()).toBe(4);
  });
});

describe("within a turn's storage time, passed with the call (as the turn runner's turns pass it)", () => {
  it('starts no try that could not finish before the turn must reply', async () => {
    const h = harness([timedOut, timedOut, timedOut], STORAGE_RETRY.tryTimeoutMs);
    await failure(h.storage.read(['k'], 5_000));
    expect(h.tries()).toBe(1);
    expect(h.elapsed()).toBeLessThanOrEqual(5_000);
  });

  it('fails a call at once, without asking storage or calling it down, when the time is already up', async () => {
    const h = harness([]);
    h.advance(6_000);
    const err = await failure(h.storage.write({ k: { a: 1 } }, 5_000));
    expect(err.reason).toBe('timeout');
    expect(h.tries()).toBe(0);
    expect(h.health.isDown).toBe(false);
  });
});

describe('the outage log', () => {
  it('says once that storage went down and once that it came back, with how long it was down', async () => {
    const h = harness([refused, refused, refused]);
    await failure(h.storage.read(['k']));
    h.fail(refused);
    await failure(h.storage.read(['k']));
    h.fail(timedOut);
    await failure(h.storage.write({ k: { a: 1 } }));
    h.advance(42_000);
    await h.storage.read(['k']);
    await h.storage.read(['k']);

    const events = h.lines.map((l) => l.event);
    expect(events).toEqual(['storage-down', 'storage-up']);
    const [down, up] = h.lines;
    expect(down).toMatchObject({ event: 'storage-down', reason: 'unreachable' });
    expect(up).toMatchObject({ event: 'storage-up' });
    expect(up!.downMs).toBeGreaterThanOrEqual(42_000);
    expect(up!.downMs).toBeLessThan(43_000);
    // A reason code, never the error's own words (which carry hosts and ports).
    expect(JSON.stringify(h.lines)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });
});
