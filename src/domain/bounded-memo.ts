/**
 * A map of at most `limit` entries that starts over when full. Capture looks up the same identifiers again and again
 * and the working set of a stream of documents is small: starting over costs one miss per entry and keeps bookkeeping
 * (as an LRU would need) off the hot path.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.limit && !this.has(key)) this.clear();
    return super.set(key, value);
  }
}

/** A pure function of a string, remembering up to `limit` answers. */
export function boundedMemo<V>(compute: (key: string) => V, limit: number): (key: string) => V {
  const memo = new BoundedMap<string, V>(limit);
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = compute(key);
      memo.set(key, value);
    }
    return value;
  };
}
