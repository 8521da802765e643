// Opens the standin's SQLite database (WAL for files so separate service processes can share it).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** The standin's database handle. */
export type Db = Database.Database;

/** Opens (creating its folder) `file`, or an in-memory database for `:memory:`. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 60000');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  return db;
}
