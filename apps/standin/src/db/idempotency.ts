// `Idempotency-Key`: the same key replays the stored answer, so a retried POST creates nothing twice.
import { createHash } from 'node:crypto';
import type { Db } from './open';

/** A stored answer. */
export interface StoredAnswer {
  status: number;
  body: string;
}

/** What a lookup found. */
export type IdempotencyHit = { kind: 'miss' } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'mismatch' };

const TTL_MS = 24 * 3600 * 1000;
const KEY_RE = /^[\w.:-]{1,200}$/;

/** True when `key` is an acceptable Idempotency-Key (UUIDs and the like). */
export function isValidIdempotencyKey(key: string): boolean {
  return KEY_RE.test(key);
}

/** Hash of what makes two requests "the same" (method, path, body). */
export function fingerprint(method: string, path: string, body: Buffer | string): string {
  return createHash('sha256').update(method).update('\0').update(path).update('\0').update(body).digest('hex');
}

export class IdempotencyStore {
  private readonly select;
  private readonly upsert;
  private readonly purge;
  private writes = 0;

  constructor(db: Db, private readonly now: () => number = Date.now) {
    this.select = db.prepare('SELECT fingerprint, status, body, created_at FROM idempotency WHERE scope = ? AND key = ?');
    this.upsert = db.prepare(
      `INSERT INTO idempotency (scope, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, status = excluded.status,
         body = excluded.body, created_at = excluded.created_at`,
    );
    this.purge = db.prepare('DELETE FROM idempotency WHERE created_at < ?');
  }

  /** Looks a key up: a replay only for the same request; another request under the same key is a mismatch. */
  lookup(scope: string, key: string, print: string): IdempotencyHit {
    const row = this.select.get(scope, key) as { fingerprint: string; status: number; body: string; created_at: number } | undefined;
    if (!row || row.created_at < this.now() - TTL_MS) return { kind: 'miss' };
    if (row.fingerprint !== print) return { kind: 'mismatch' };
    return { kind: 'replay', answer: { status: row.status, body: row.body } };
  }

  /** Remembers a successful answer (failures are not stored, so a corrected retry can succeed). */
  remember(scope: string, key: string, print: string, answer: StoredAnswer): void {
    this.upsert.run(scope, key, print, answer.status, answer.body, this.now());
    if (++this.writes % 500 === 0) this.purge.run(this.now() - TTL_MS);
  }
}
