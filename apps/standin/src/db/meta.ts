// Small key/value facts about the database (schema version, when and how it was seeded).
import type { Db } from './open';

/** Reads a meta value, or undefined when absent or when the table does not exist yet. */
export function getMeta(db: Db, key: string): string | undefined {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'`).get();
  if (!exists) return undefined;
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

/** Writes a meta value. */
export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
