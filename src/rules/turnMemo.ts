/**
 * The readings of the message a turn routes (its normal form, its words with text-speak spelt out, the
 * case it describes, its analysed units, how much of it is the domain's) are shared by every rule that
 * reads it: each reader keeps its reading of the last message it was asked about. Those readings last
 * one turn only. planTurn() starts a new turn, and a reading made in an earlier turn is not used again,
 * even for the same text, so a question asked again costs what a new question costs (and a benchmark
 * that asks one question over and over measures what a real conversation pays).
 */
let turn = 0;

/** A new turn: readings made before it are not used again. */
export function beginTurn(): void {
  turn++;
}

/** Which turn this is, for a reader that keeps its last reading itself. */
export function currentTurn(): number {
  return turn;
}

/** One reader's reading of the last message it was asked about, kept for the rest of the turn. */
export class LastReading<K, V> {
  private key: K | undefined;
  private value: V | undefined;
  private madeIn = -1;

  constructor(private readonly read: (key: K) => V) {}

  of(key: K): V {
    if (this.madeIn !== turn || this.key !== key) {
      this.value = this.read(key);
      this.key = key;
      this.madeIn = turn;
    }
    return this.value!;
  }
}
