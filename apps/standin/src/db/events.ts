// The change log behind the hub's `/events` stream: the row id is the SSE `id:`.
import type { DocChangeEvent, IncidentEvent } from '@gigafibre/contracts';
import type { Db } from './open';

/** What the log holds: its SSE `event:` name and its data. */
export type LoggedEvent = { type: 'doc_change'; data: DocChangeEvent } | { type: 'incident'; data: IncidentEvent };

/** One stored event. */
export type StoredEvent = LoggedEvent & { id: number };

type Listener = () => void;

/**
 * Appends change events (inside the writer's transaction) and tells in-process listeners
 * once something new is committed. Another process sharing the file polls `since()`.
 */
export class EventLog {
  private readonly insert;
  private readonly selectSince;
  private readonly selectMax;
  private readonly listeners = new Set<Listener>();
  private appended = 0;

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO events (at, type, data) VALUES (?, ?, ?)');
    this.selectSince = db.prepare('SELECT id, type, data FROM events WHERE id > ? ORDER BY id LIMIT ?');
    this.selectMax = db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM events');
  }

  /** Appends an event; call inside the write's transaction, then `flush()` after commit. */
  append(event: DocChangeEvent): number {
    return this.appendTyped({ type: 'doc_change', data: event });
  }

  /** Appends an event of any type (an incident change); same transaction rule as `append`. */
  appendTyped(event: LoggedEvent): number {
    this.appended++;
    const at = event.type === 'doc_change' ? event.data.at : event.data.change.at;
    return Number(this.insert.run(at, event.type, JSON.stringify(event.data)).lastInsertRowid);
  }

  /** Wakes listeners if anything was appended since the last flush. */
  flush(): void {
    if (this.appended === 0) return;
    this.appended = 0;
    for (const listener of this.listeners) listener();
  }

  /** Events with an id above `afterId`, oldest first. */
  since(afterId: number, limit = 1000): StoredEvent[] {
    const rows = this.selectSince.all(afterId, limit) as { id: number; type: string; data: string }[];
    return rows.map((r) =>
      r.type === 'incident' ? { id: r.id, type: 'incident', data: JSON.parse(r.data) as IncidentEvent } : { id: r.id, type: 'doc_change', data: JSON.parse(r.data) as DocChangeEvent },
    );
  }

  /** The newest event id (0 when none). */
  lastId(): number {
    return (this.selectMax.get() as { id: number }).id;
  }

  /** Keeps the newest `keep` events (the soak test writes many). */
  prune(keep = 50_000): void {
    this.db.prepare('DELETE FROM events WHERE id <= ?').run(this.lastId() - keep);
  }

  onAppend(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
