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

/** A turn's readings of a few texts at once; past this many they all start again (they are cheap to make again). */
const MAX_READINGS = 32;

/**
 * One reader's readings of every text it was asked about this turn: for a reader asked about the message
 * and, in between, about other texts (topic titles), which would push the message out of a single slot.
 */
export class TurnReadings<V> {
  private readonly readings = new Map<string, V>();
  private madeIn = -1;

  constructor(private readonly read: (text: string) => V) {}

  of(text: string): V {
    this.startIfNew();
    let value = this.readings.get(text);
    if (value === undefined) {
      value = this.read(text);
      this.readings.set(text, value);
    }
    return value;
  }

  /** A reading known without making it (what the reader would give, and nothing else). */
  know(text: string, value: V): void {
    this.startIfNew();
    this.readings.set(text, value);
  }

  private startIfNew(): void {
    if (this.madeIn !== turn || this.readings.size >= MAX_READINGS) {
      this.readings.clear();
      this.madeIn = turn;
    }
  }
}
