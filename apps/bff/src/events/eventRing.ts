// The recent events of the shared subscription, so a browser that reconnects with Last-Event-ID
// is served from memory instead of opening its own stream to the hub. Bounded by count and age;
// ids are looked up, never compared, so nothing is assumed about their format or order.

export interface EventRingLimits {
  /** Events kept at most (0: none, every resume goes to the hub). */
  readonly maxEvents: number;
  /** Events older than this are let go. */
  readonly maxAgeMs: number;
}

interface Entry {
  readonly id: string;
  readonly frame: Buffer;
  readonly at: number;
  /** Position in the order of pushes (its index in `entries` is `seq - firstSeq`). */
  readonly seq: number;
  /** Bytes of every frame pushed up to and including this one (tail sizes in O(1)). */
  readonly total: number;
}

/** What the ring holds after an id: the frames to send, and their size. */
export interface RingTail {
  readonly frames: Buffer[];
  readonly bytes: number;
}

export class EventRing {
  private entries: Entry[] = [];
  /** Index of the oldest live entry in `entries` (evicted ones are dropped in batches). */
  private head = 0;
  /** `seq` of `entries[0]`. */
  private firstSeq = 0;
  private pushed = 0;
  private readonly index = new Map<string, Entry>();
  private pushedBytes = 0;
  /**
   * The id of the newest event let go: the ring holds every event after it. Undefined until
   * something is evicted (then the ring's knowledge starts at its first entry).
   */
  private floorId: string | undefined;

  constructor(
    private readonly limits: EventRingLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.length - this.head;
  }

  /** Appends an event; an id already held now stands for this newer one. */
  push(id: string, pooled: Buffer): void {
    if (this.limits.maxEvents === 0) return;
    // A small Buffer is a slice of one of Node's 8 KiB pool slabs, which stays alive as long as
    // the slice does: kept for minutes, a 300-byte event would hold its whole slab. Keep a copy
    // of its own size (a worst-case script: 10,000 events as slices held ~75 MB more RSS).
    const frame = Buffer.allocUnsafeSlow(pooled.length);
    pooled.copy(frame);
    this.pushedBytes += frame.length;
    const entry: Entry = { id, frame, at: this.now(), seq: this.pushed++, total: this.pushedBytes };
    this.entries.push(entry);
    this.index.set(id, entry);
    while (this.size > this.limits.maxEvents) this.evictOldest();
    this.expire();
  }

  /**
   * The events after `id` when the ring can tell (it holds `id`, or `id` is the last one let go);
   * undefined otherwise: the hub has to answer.
   */
  after(id: string): RingTail | undefined {
    this.expire();
    const entry = this.index.get(id);
    if (!entry) return id === this.floorId ? this.tailFrom(this.head) : undefined;
    const last = this.entries[this.entries.length - 1] as Entry;
    const frames = this.entries.slice(entry.seq - this.firstSeq + 1).map((e) => e.frame);
    return { frames, bytes: last.total - entry.total };
  }

  private tailFrom(start: number): RingTail {
    const frames = this.entries.slice(start).map((e) => e.frame);
    return { frames, bytes: frames.reduce((n, f) => n + f.length, 0) };
  }

  private expire(): void {
    const oldest = this.now() - this.limits.maxAgeMs;
    while (this.size > 0 && (this.entries[this.head] as Entry).at < oldest) this.evictOldest();
  }

  private evictOldest(): void {
    const entry = this.entries[this.head] as Entry;
    // An id pushed again later (a hub whose ids restarted) keeps pointing at its newest entry.
    if (this.index.get(entry.id) === entry) this.index.delete(entry.id);
    this.floorId = entry.id;
    this.head++;
    // Drop evicted entries in batches: `shift()` per eviction would copy the array each time.
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.firstSeq += this.head;
      this.head = 0;
    }
  }
}
