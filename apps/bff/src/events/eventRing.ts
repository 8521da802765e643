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
  /** What a user who may not read it gets (eventAccess.ts), when it is restricted. */
  readonly redacted: Buffer | undefined;
  readonly at: number;
  /** Position in the order of pushes (its slot is `seq % maxEvents`). */
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
  /**
   * A circular buffer of `maxEvents` slots (grown on demand): the event pushed `seq`-th sits in
   * slot `seq % maxEvents`, and a slot is emptied when its event is let go, so the ring never
   * holds more than its limits (an array trimmed in batches kept up to as many evicted events
   * again: measured, 12,600 pushes kept all 12,600 frames with maxEvents 10,000).
   */
  private readonly slots: (Entry | undefined)[] = [];
  /** `seq` of the oldest event held (== `pushed` when empty). */
  private oldest = 0;
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
    return this.pushed - this.oldest;
  }

  /** Slots that still reference an event (== `size`; the bound a leak would break). */
  get held(): number {
    return this.slots.reduce((n, slot) => (slot === undefined ? n : n + 1), 0);
  }

  /** Appends an event (and its redacted frame, when restricted); an id already held now stands for this newer one. */
  push(id: string, pooled: Buffer, redacted?: Buffer): void {
    if (this.limits.maxEvents === 0) return;
    // A small Buffer is a slice of one of Node's 8 KiB pool slabs, which stays alive as long as
    // the slice does: kept for minutes, a 300-byte event would hold its whole slab. Keep a copy
    // of its own size (a worst-case script: 10,000 events as slices held ~75 MB more RSS).
    const frame = Buffer.allocUnsafeSlow(pooled.length);
    pooled.copy(frame);
    this.expire();
    if (this.size === this.limits.maxEvents) this.evictOldest();
    this.pushedBytes += frame.length;
    const entry: Entry = { id, frame, redacted, at: this.now(), seq: this.pushed++, total: this.pushedBytes };
    this.slots[entry.seq % this.limits.maxEvents] = entry;
    this.index.set(id, entry);
  }

  /**
   * The events after `id` when the ring can tell (it holds `id`, or `id` is the last one let go);
   * undefined otherwise: the hub has to answer. `readsAll` false: restricted events come redacted
   * (`bytes` still counts them whole: an upper bound).
   */
  after(id: string, readsAll = true): RingTail | undefined {
    this.expire();
    const entry = this.index.get(id);
    if (!entry) return id === this.floorId ? this.tailFrom(this.oldest, readsAll) : undefined;
    const tail = this.tailFrom(entry.seq + 1, readsAll);
    return { frames: tail.frames, bytes: this.pushedBytes - entry.total };
  }

  private at(seq: number): Entry {
    return this.slots[seq % this.limits.maxEvents] as Entry;
  }

  private tailFrom(start: number, readsAll: boolean): RingTail {
    const frames: Buffer[] = [];
    let bytes = 0;
    for (let seq = start; seq < this.pushed; seq++) {
      const { frame, redacted } = this.at(seq);
      frames.push(readsAll || redacted === undefined ? frame : redacted);
      bytes += frame.length;
    }
    return { frames, bytes };
  }

  private expire(): void {
    const oldest = this.now() - this.limits.maxAgeMs;
    while (this.size > 0 && this.at(this.oldest).at < oldest) this.evictOldest();
  }

  private evictOldest(): void {
    const entry = this.at(this.oldest);
    this.slots[this.oldest % this.limits.maxEvents] = undefined;
    // An id pushed again later (a hub whose ids restarted) keeps pointing at its newest entry.
    if (this.index.get(entry.id) === entry) this.index.delete(entry.id);
    this.floorId = entry.id;
    this.oldest++;
  }
}
