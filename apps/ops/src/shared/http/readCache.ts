// Reads keyed by URL: concurrent callers share one in-flight promise, and an answer may be kept a
// short while (ARCHITECTURE convention 4). Writes and live events invalidate by key prefix.

interface Entry {
  promise: Promise<unknown>;
  /** Epoch ms after which a settled answer is stale; Infinity while in flight. */
  expiresAt: number;
}

export class ReadCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The shared answer for `key`, loading it when absent or stale. Failures are never kept. */
  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.promise as Promise<T>;
    const entry: Entry = { promise: Promise.resolve(), expiresAt: Number.POSITIVE_INFINITY };
    entry.promise = load().then(
      (value) => {
        if (this.entries.get(key) === entry) {
          if (ttlMs > 0) entry.expiresAt = this.now() + ttlMs;
          else this.entries.delete(key);
        }
        return value;
      },
      (error: unknown) => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw error;
      },
    );
    this.entries.set(key, entry);
    return entry.promise as Promise<T>;
  }

  /** Forgets every entry whose key starts with `prefix` (all when omitted). */
  invalidate(prefix = ''): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
