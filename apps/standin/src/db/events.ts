// The change log behind the hub's `/events` stream: the row id is the SSE `id:`.
import type { DocChangeEvent, IncidentEvent, MessageEvent, NumberOptEvent } from '@gigafibre/contracts';
import type { Db } from './open';

/** The events of the hub's stream, by SSE `event:` name. */
export interface HubEventTypes {
  doc_change: DocChangeEvent;
  message: MessageEvent;
  number_opt: NumberOptEvent;
  incident: IncidentEvent;
}

/** An SSE `event:` name of the hub's stream. */
export type HubEventType = keyof HubEventTypes;

/** One stored event. */
export type StoredEvent = { [T in HubEventType]: { id: number; type: T; data: HubEventTypes[T] } }[HubEventType];

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
    return this.appendTyped('doc_change', event, event.at);
  }

  /** Appends an event of any type (same rules as `append`). */
  appendTyped<T extends HubEventType>(type: T, data: HubEventTypes[T], at: string): number {
    this.appended++;
    return Number(this.insert.run(at, type, JSON.stringify(data)).lastInsertRowid);
  }

  /** Wakes listeners if anything was appended since the last flush. */
  flush(): void {
    if (this.appended === 0) return;
    this.appended = 0;
    for (const listener of this.listeners) listener();
  }

  /** Events with an id above `afterId`, oldest first. */
  since(afterId: number, limit = 1000): StoredEvent[] {
    const rows = this.selectSince.all(afterId, limit) as { id: number; type: HubEventType; data: string }[];
    return rows.map((r) => ({ id: r.id, type: r.type, data: JSON.parse(r.data) }) as StoredEvent);
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
