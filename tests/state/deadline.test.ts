/**
 * A turn's storage deadline reaches every storage call made for the turn, as
 * an argument: the conversation state's reads and saves, and the hand-off's
 * ticket store, without AsyncLocalStorage (whose promise hooks cost every
 * promise of the process; see src/state/deadline.ts).
 */
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { storageTimeLeft, storageUntil, type DeadlineStorage } from '../../src/state/deadline';
import { OptimisticStorage } from '../../src/state/optimistic';
import { TicketStore } from '../../src/state/tickets';
import { TURN_STORAGE_BUDGET_MS } from '../../src/turn/runner';
import { teamsMessage } from '../helpers/teams';
import { shippedBotOver } from '../helpers/turns';

/** A MemoryStorage that notes the deadline each call was given. */
function recordingStorage() {
  const inner = new MemoryStorage();
  const calls: Array<{ op: string; deadlineAt: number | undefined }> = [];
  const storage: DeadlineStorage = {
    read(keys: string[], deadlineAt?: number) {
      calls.push({ op: 'read', deadlineAt });
      return inner.read(keys);
    },
    write(changes: StoreItems, deadlineAt?: number) {
      calls.push({ op: 'write', deadlineAt });
      return inner.write(changes);
    },
    delete(keys: string[], deadlineAt?: number) {
      calls.push({ op: 'delete', deadlineAt });
      return inner.delete(keys);
    },
  };
  return { storage, calls };
}

describe("a turn's storage deadline", () => {
  it('is passed to every read and save of the conversation state, TURN_STORAGE_BUDGET_MS after the turn began', async () => {
    const { storage, calls } = recordingStorage();
    const adapter = shippedBotOver(new OptimisticStorage(storage));
    const before = performance.now();
    await adapter.receiveActivity(teamsMessage('personal', 'screen'));
    const after = performance.now();
    expect(calls.map((c) => c.op)).toEqual(['read', 'write']);
    for (const { deadlineAt } of calls) {
      expect(deadlineAt).toBeGreaterThanOrEqual(before + TURN_STORAGE_BUDGET_MS);
      expect(deadlineAt).toBeLessThanOrEqual(after + TURN_STORAGE_BUDGET_MS);
    }
  });

  it("is passed by the ticket store to each of its calls once bound to the turn's deadline", async () => {
    const { storage, calls } = recordingStorage();
    const store = new TicketStore(storage);
    await store.until(1_234).claim('ref', { owner: 'run-1', askedAt: '2026-11-25T10:30:00Z' });
    await store.readSetup();
    expect(calls).toEqual([
      { op: 'read', deadlineAt: 1_234 },
      { op: 'read', deadlineAt: undefined },
    ]);
  });

  it('leaves a storage call unbounded outside a turn', () => {
    expect(storageTimeLeft(0)).toBe(Infinity);
    expect(storageTimeLeft(1_000, 5_000)).toBe(4_000);
    const { storage } = recordingStorage();
    expect(storageUntil(storage, undefined)).toBe(storage);
  });
});
