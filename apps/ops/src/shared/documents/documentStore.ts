// The document cache: one entry per key (a document, a list, another read), each a reactive state
// every component watching the key shares. Reads share the request in flight; a write's answer and
// live events update entries in place or refetch them; what nobody watches is dropped past a bound.
// Plain TypeScript over Vue refs, so the rules are unit-tested without components.
import { shallowRef, type ShallowRef } from 'vue';
import type { DocChangeEvent } from '@gigafibre/contracts';

export interface EntryState<T> {
  /** The last answer (kept while a refetch runs or after it fails). */
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** When `data` was last read from the server (epoch ms), null before. */
  loadedAt: number | null;
}

/** What an entry holds, so writes and events can update it without knowing the caller. */
export type EntryKind = { kind: 'doc'; doctype: string; name: string } | { kind: 'list'; doctype: string } | { kind: 'query' };

export interface EntrySpec<T> {
  key: string;
  holds: EntryKind;
  load: (signal: AbortSignal) => Promise<T>;
  /** Whether a live change may make `data` wrong (then it is refetched). */
  concerns: (event: DocChangeEvent, data: T | undefined) => boolean;
  /** Wait this long after the last change of a burst before reading (default: the store's `batchMs`). */
  settleMs?: number;
}

export interface Entry<T = unknown> extends EntrySpec<T> {
  readonly state: ShallowRef<EntryState<T>>;
  watchers: number;
  lastUsed: number;
  inflight: Promise<void> | null;
  /** An event arrived during the read in flight: read again when it ends. */
  again: boolean;
  /** The read waiting for a burst of changes to end. */
  timer: ReturnType<typeof setTimeout> | null;
}

export interface DocumentStoreOptions {
  /** Entries nobody watches kept for a quick return (oldest dropped first). */
  maxIdle?: number;
  /** A watched entry older than this is read again when a new watcher comes (the stream may have been down). */
  maxAgeMs?: number;
  /** Live events are gathered this long, then their entries read once. */
  batchMs?: number;
  now?: () => number;
}

type Row = { name?: unknown; modified?: unknown };
const rowsOf = (data: unknown): Row[] => (Array.isArray(data) ? (data as Row[]) : []);

export class DocumentStore {
  private readonly entries = new Map<string, Entry>();
  private readonly maxIdle: number;
  private readonly maxAgeMs: number;
  private readonly batchMs: number;
  private readonly now: () => number;

  constructor(options: DocumentStoreOptions = {}) {
    this.maxIdle = options.maxIdle ?? 100;
    this.maxAgeMs = options.maxAgeMs ?? 30_000;
    this.batchMs = options.batchMs ?? 40;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  peek<T>(key: string): Entry<T> | undefined {
    return this.entries.get(key) as Entry<T> | undefined;
  }

  /** The entry for `spec.key`, created on first use (the first caller's loader serves everyone). */
  entry<T>(spec: EntrySpec<T>): Entry<T> {
    const found = this.entries.get(spec.key) as Entry<T> | undefined;
    if (found) return found;
    const created: Entry<T> = {
      ...spec,
      state: shallowRef<EntryState<T>>({ data: undefined, error: null, loading: false, loadedAt: null }),
      watchers: 0,
      lastUsed: this.now(),
      inflight: null,
      again: false,
      timer: null,
    };
    this.entries.set(spec.key, created as unknown as Entry);
    return created;
  }

  /** A component starts showing `entry`: read it unless it is current. Returns the release. */
  watch<T>(entry: Entry<T>): () => void {
    entry.watchers += 1;
    entry.lastUsed = this.now();
    const { loadedAt, error } = entry.state.value;
    if (loadedAt === null || error !== null || this.now() - loadedAt > this.maxAgeMs) void this.read(entry);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      entry.watchers -= 1;
      entry.lastUsed = this.now();
      this.evict();
    };
  }

  /** Reads `entry` from the server; a read already in flight is shared. */
  read<T>(entry: Entry<T>): Promise<void> {
    if (entry.inflight) return entry.inflight;
    const controller = new AbortController();
    this.set(entry, { loading: true });
    const run = entry
      .load(controller.signal)
      .then(
        (data) => this.set(entry, { data, error: null, loadedAt: this.now() }),
        (error: unknown) => this.set(entry, { error }),
      )
      .finally(() => {
        entry.inflight = null;
        this.set(entry, { loading: false });
        if (entry.again) {
          entry.again = false;
          void this.read(entry);
        }
      });
    entry.inflight = run;
    return run;
  }

  /** Reads `entry` again now, or right after the read in flight (whose answer may predate a change). */
  refresh<T>(entry: Entry<T>): Promise<void> {
    if (entry.inflight) {
      entry.again = true;
      return entry.inflight;
    }
    return this.read(entry);
  }

  /**
   * A live change: entries it may concern are read again once its burst is over (a drop, a flush of
   * a dozen scans: one read each), or dropped if nobody watches them.
   */
  onEvent(event: DocChangeEvent): void {
    for (const entry of [...this.entries.values()]) {
      const data = entry.state.value.data;
      if (!entry.concerns(event, data) || this.alreadyShows(entry, event)) continue;
      if (entry.watchers === 0) {
        this.forget(entry);
        continue;
      }
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = setTimeout(() => {
        entry.timer = null;
        if (this.entries.get(entry.key) === entry) void this.refresh(entry);
      }, entry.settleMs ?? this.batchMs);
    }
  }

  /** The stream came back after a cut: events may be lost, so every watched entry is read again. */
  onResumed(): void {
    for (const entry of [...this.entries.values()]) {
      if (entry.watchers === 0) this.forget(entry);
      else void this.refresh(entry);
    }
  }

  /** The server's answer to a write (or a method that returns the document): shown everywhere at once. */
  putDoc(doctype: string, doc: Record<string, unknown> & { name: string }): void {
    for (const entry of this.entries.values()) {
      const holds = entry.holds;
      if (holds.kind === 'doc' && holds.doctype === doctype && holds.name === doc.name) {
        this.set(entry, { data: doc, error: null, loadedAt: this.now() });
      } else if (holds.kind === 'list' && holds.doctype === doctype) {
        const rows = rowsOf(entry.state.value.data);
        if (!rows.some((r) => r.name === doc.name)) continue;
        // A row keeps its own fields (the list asked for those), with the saved values.
        const merged = rows.map((r) => (r.name === doc.name ? Object.fromEntries(Object.keys(r).map((k) => [k, k in doc ? doc[k] : (r as Record<string, unknown>)[k]])) : r));
        this.set(entry, { data: merged });
      }
    }
  }

  /** A document deleted by this user: gone from the lists, its own entry read again (a 404). */
  dropDoc(doctype: string, name: string): void {
    for (const entry of [...this.entries.values()]) {
      const holds = entry.holds;
      if (holds.kind === 'doc' && holds.doctype === doctype && holds.name === name) {
        if (entry.watchers === 0) this.forget(entry);
        else void this.refresh(entry);
      } else if (holds.kind === 'list' && holds.doctype === doctype) {
        const rows = rowsOf(entry.state.value.data);
        if (rows.some((r) => r.name === name)) this.set(entry, { data: rows.filter((r) => r.name !== name) });
      }
    }
  }

  /** Drops everything (sign-out, tests). */
  clear(): void {
    for (const entry of [...this.entries.values()]) this.forget(entry);
  }

  private forget(entry: Entry): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    this.entries.delete(entry.key);
  }

  /** Our own write already put this version in the entry: the event brings nothing new. */
  private alreadyShows(entry: Entry, event: DocChangeEvent): boolean {
    if (event.modified === undefined || event.action === 'delete') return false;
    const data = entry.state.value.data;
    if (entry.holds.kind === 'doc') return (data as Row | undefined)?.modified === event.modified;
    if (entry.holds.kind === 'list') return rowsOf(data).some((r) => r.name === event.name && r.modified === event.modified);
    return false;
  }

  private set<T>(entry: Entry<T>, patch: Partial<EntryState<T>>): void {
    entry.state.value = { ...entry.state.value, ...patch };
  }

  /** Keeps at most `maxIdle` unwatched entries, the most recently used. */
  private evict(): void {
    const idle = [...this.entries.values()].filter((e) => e.watchers === 0 && !e.inflight);
    if (idle.length <= this.maxIdle) return;
    idle.sort((a, b) => a.lastUsed - b.lastUsed);
    for (const entry of idle.slice(0, idle.length - this.maxIdle)) this.forget(entry);
  }
}
