/**
 * The readiness check: 200 or 503 naming the failing part, one probe for
 * checks that arrive together, and a cached answer that never outlives what
 * the turns have since found.
 */
import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log';
import { StorageHealth } from '../../src/state/health';
import { createReadinessCheck } from '../../src/state/readiness';
import type { StateBackend } from '../../src/state/storage';

function backend(outcomes: Array<'ok' | Error>) {
  let probes = 0;
  const b: StateBackend = {
    kind: 'blob',
    storage: new MemoryStorage(),
    probe: async () => {
      probes++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      const next = outcomes.shift() ?? 'ok';
      if (next !== 'ok') throw next;
    },
  };
  return { b, probes: () => probes };
}

const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443 AccountKey=abc'), {
  code: 'ECONNREFUSED',
});

describe('the readiness check', () => {
  it('is 503 naming storage and a reason code while storage is down, and 200 once it is back', async () => {
    const { b } = backend([refused]);
    let now = 0;
    const check = createReadinessCheck(b, new StorageHealth(createLogger({ level: 'silent' })), () => now);
    const down = await check();
    expect(down).toEqual({
      status: 503,
      body: { status: 'unavailable', failing: 'storage', reason: 'unreachable' },
    });
    expect(JSON.stringify(down)).not.toMatch(/AccountKey|10\.0\.0\.1|ECONNREFUSED/);
    now += 1_000;
    expect(await check()).toEqual({ status: 200, body: { status: 'ready', storage: 'ok' } });
  });

  it('probes once for checks that arrive together, and reuses the answer for a second', async () => {
    const { b, probes } = backend([]);
    let now = 0;
    const check = createReadinessCheck(b, new StorageHealth(createLogger({ level: 'silent' })), () => now);
    await Promise.all([check(), check(), check()]);
    expect(probes()).toBe(1);
    now += 500;
    await check();
    expect(probes()).toBe(1);
    now += 600;
    await check();
    expect(probes()).toBe(2);
  });

  it('probes again at once when a turn has found storage down since the last answer', async () => {
    const { b, probes } = backend(['ok', refused]);
    const health = new StorageHealth(createLogger({ level: 'silent' }));
    const check = createReadinessCheck(b, health, () => 0);
    expect((await check()).status).toBe(200);
    health.failed('timeout');
    expect((await check()).status).toBe(503);
    expect(probes()).toBe(2);
  });
});
