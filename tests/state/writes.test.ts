/**
 * Each turn reads the conversation's state once and writes it at most once,
 * and not at all when it changed nothing.
 */
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { OptimisticStorage } from '../../src/state/optimistic';
import { teamsMessage } from '../helpers/teams';
import { shippedBotOver } from '../helpers/turns';

function countingBot() {
  // The clock moves a minute a turn, as it does between messages, until stop() is called.
  let clock = new Date('2026-11-25T10:30:00Z');
  const inner = new MemoryStorage();
  const counts = { reads: 0, writes: 0 };
  const storage = new OptimisticStorage({
    read: (keys) => {
      counts.reads += 1;
      return inner.read(keys);
    },
    delete: (keys) => inner.delete(keys),
    write: (changes: StoreItems) => {
      counts.writes += 1;
      return inner.write(changes);
    },
  });
  const adapter = shippedBotOver(storage, { now: () => clock });
  let moving = true;
  /** Sends one message; returns the reads and writes it caused. */
  const say = async (text: string) => {
    if (moving) clock = new Date(clock.getTime() + 60_000);
    const before = { ...counts };
    await adapter.receiveActivity(teamsMessage('personal', text));
    return { reads: counts.reads - before.reads, writes: counts.writes - before.writes };
  };
  return {
    say,
    /** Stops the clock, so the next turn happens at the same instant as the last. */
    stop: () => (moving = false),
  };
}

describe('state reads and writes per turn', () => {
  it('reads once and writes at most once, whatever the turn', async () => {
    const { say } = countingBot();
    const turns = [
      'what are the warning signs of child sexual exploitation',
      'who do I call',
      'help',
      'screen',
      'yes',
      'who do I call',
      '15',
      'cancel',
      'what does MASH stand for',
    ];
    for (const text of turns) {
      const { reads, writes } = await say(text);
      expect(reads, text).toBe(1);
      expect(writes, text).toBeLessThanOrEqual(1);
    }
  });

  it('writes nothing when a turn changes nothing', async () => {
    const { say, stop } = countingBot();
    await say('help');
    // The same message at the same instant leaves the state exactly as it was: nothing to write.
    stop();
    expect(await say('help')).toEqual({ reads: 1, writes: 0 });
  });
});
