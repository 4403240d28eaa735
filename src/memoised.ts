/**
 * What is worked out once per key and kept: a value made from content that does not change while the
 * bot runs (a topic's normalised title, a contacts file's patterns), held in a Map or, keyed by the
 * content object itself, a WeakMap. A stored null or false is a result like any other; only a key never
 * seen is made.
 */
interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

export function memoised<K, V>(store: Store<K, V>, key: K, make: () => V): V {
  let value = store.get(key);
  if (value === undefined) {
    value = make();
    store.set(key, value);
  }
  return value;
}
