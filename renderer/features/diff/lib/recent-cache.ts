// A small map that keeps only the most recently used entries (the last few diffs).

/** A least-recently-used cache of at most `limit` entries. */
export class RecentCache<V> {
  private readonly entries = new Map<string, V>();
  private readonly limit: number;

  /** Creates an empty cache that holds at most `limit` entries (at least one). */
  constructor(limit: number) {
    this.limit = Math.max(1, Math.floor(limit));
  }

  /** The value under `key`, marking it most recently used; undefined when absent. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores `value` under `key` as the most recently used, dropping the least recently used beyond the limit. */
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** The keys held, least recently used first. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
  }
}
