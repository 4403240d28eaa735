/**
 * A cache of readings of single words (stems, spelling corrections) for the life of the process. Words
 * typed by practitioners are open-ended, so the cache is bounded: past its limit it starts again empty,
 * which costs a few look-ups and keeps memory flat however long the bot runs. A reading is a pure
 * function of the word, so starting again never changes an answer.
 */
export class WordCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit = 20_000) {}

  get size(): number {
    return this.entries.size;
  }

  get(word: string): V | undefined {
    return this.entries.get(word);
  }

  set(word: string, value: V): void {
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(word, value);
  }
}
