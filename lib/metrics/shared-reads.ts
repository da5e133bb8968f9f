/**
 * A short-lived, per-process cache of reads with in-flight de-duplication: N operators watching the same stage
 * cost one GetMetricData per refresh interval, not N. The first caller for a key starts the read; callers that
 * arrive while it runs get the same promise; callers within `ttlMs` after it finished get its result. Failures are
 * shared with the callers already waiting but never cached, so the next caller tries again.
 *
 * Only for data every caller may see alike (operator metrics): check permissions before asking the cache.
 */
type Entry<T> = { promise: Promise<T>; expiresAt: number | undefined };

export type SharedReadStats = { reads: number; joined: number; cached: number; entries: number };

export class SharedReads<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly counts = { reads: 0, joined: 0, cached: 0 };

  constructor(
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit) {
      if (hit.expiresAt === undefined) {
        this.counts.joined++;
        return hit.promise;
      }
      if (hit.expiresAt > t) {
        this.counts.cached++;
        return hit.promise;
      }
      this.entries.delete(key);
    }
    this.counts.reads++;
    const entry: Entry<T> = { promise: load(), expiresAt: undefined };
    entry.promise.then(
      () => {
        if (this.entries.get(key) === entry) entry.expiresAt = this.now() + ttlMs;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.entries.set(key, entry);
    this.evict(t);
    return entry.promise;
  }

  stats(): SharedReadStats {
    return { ...this.counts, entries: this.entries.size };
  }

  // Expired entries go first; past the cap the oldest settled ones (Map order is insertion order).
  private evict(t: number): void {
    if (this.entries.size <= this.maxEntries) return;
    for (const [k, e] of this.entries)
      if (e.expiresAt !== undefined && e.expiresAt <= t) this.entries.delete(k);
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries) break;
      if (e.expiresAt !== undefined) this.entries.delete(k);
    }
  }
}
