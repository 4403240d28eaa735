import type { StoreItem, StoreItems } from 'botbuilder';
import type { DeadlineStorage } from './deadline';

const SEEN = Symbol('eTagSeenAtRead');

type Tracked = StoreItem & { [SEEN]?: string };

/**
 * Makes conversation state saves conditional on the version that was read.
 *
 * botbuilder's BotState.saveChanges sets `eTag = "*"` on every write, so two
 * turns of one conversation (on two instances, or two requests at once) both
 * succeed and the later one silently overwrites the earlier: an answer is
 * lost while the practitioner has already been shown the next question.
 * This wrapper remembers, out of sight of JSON and of BotState's change
 * hash, the eTag each item had when it was read, and writes with that eTag
 * instead of "*". The storage then rejects the stale write (the blob store
 * with HTTP 412, MemoryStorage alike) and the turn runner runs the turn again
 * on the newer state.
 *
 * A conversation's very first save has no eTag to check, and the blob store
 * writes it as BlobsStorage did, with no "create only if absent", so two
 * first turns racing still end last-writer-wins; neither carries an answer yet.
 */
export class OptimisticStorage implements DeadlineStorage {
  /** Any Storage will do: one that takes no deadline ignores the argument. */
  constructor(private readonly inner: DeadlineStorage) {}

  async read(keys: string[], deadlineAt?: number): Promise<StoreItems> {
    const items = await this.inner.read(keys, deadlineAt);
    for (const item of Object.values(items) as Tracked[]) {
      if (item && typeof item.eTag === 'string' && item.eTag !== '*') {
        Object.defineProperty(item, SEEN, { value: item.eTag, enumerable: false, writable: true });
      }
    }
    return items;
  }

  async write(changes: StoreItems, deadlineAt?: number): Promise<void> {
    const checked: StoreItems = {};
    for (const [key, item] of Object.entries(changes) as Array<[string, Tracked]>) {
      const seen = item[SEEN];
      checked[key] = { ...item, eTag: item.eTag === '*' && seen ? seen : item.eTag };
    }
    await this.inner.write(checked, deadlineAt);
    // The version just written has a new eTag this wrapper cannot see; a second save in the
    // same turn is that turn's own and goes through unconditionally, as botbuilder intends.
    for (const item of Object.values(changes) as Tracked[]) if (item[SEEN]) item[SEEN] = undefined;
  }

  delete(keys: string[], deadlineAt?: number): Promise<void> {
    return this.inner.delete(keys, deadlineAt);
  }
}
