// Sends the texts waiting on this device, oldest first, each with its own idempotency key.
//
// - A record is written to IndexedDB before its first send and removed only after the hub's answer
//   (201 a new message, 200 the same key seen before): a closed tab or a reload loses nothing.
// - A transient failure (hub down, slow, 5xx, 429, an expired session) keeps the record « en
//   attente » and tries it again after a growing delay, with the same key; other records still go.
// - A refusal (4xx: opted out, invalid number…) is final: the record stays, marked refused with the
//   hub's reason, until the user dismisses it.
// - Two tabs may send the same record at the same moment: the hub answers both with the same
//   message (same key), so nothing is sent twice and no cross-tab lock is needed.
import { isApiError } from '@/shared/http';
import type { KeyedTable } from '@/shared/storage/idbTable';
import { isTransient, retryDelay, type SmsOutboxRecord } from '../model/smsOutboxRecord';

export interface SmsOutboxDeps<M> {
  table: KeyedTable<SmsOutboxRecord>;
  /** One send; resolves with the hub's message. */
  send(record: SmsOutboxRecord): Promise<M>;
  /** The signed-in user's e-mail: only their records leave from here. */
  user(): string | null;
  /** Every change of the records (after load, add, send, failure, dismiss). */
  onRecords(records: readonly SmsOutboxRecord[]): void;
  /** The hub acknowledged `record` with `message`. */
  onSent?(record: SmsOutboxRecord, message: M): void;
  now?: () => number;
  random?: () => number;
}

export class SmsOutbox<M> {
  private records = new Map<string, SmsOutboxRecord>();
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private loaded: Promise<void> | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: SmsOutboxDeps<M>) {
    this.now = deps.now ?? Date.now;
  }

  /** Reads what an earlier visit left, then sends what is due. */
  start(): Promise<void> {
    this.loaded ??= this.deps.table.all().then(({ rows }) => {
      for (const r of rows) this.records.set(r.key, r);
      this.changed();
    });
    return this.loaded.then(() => this.flush());
  }

  /** Re-reads the table (what other tabs added, sent or refused meanwhile), then sends what is due. */
  async refresh(): Promise<void> {
    await this.start();
    const { rows } = await this.deps.table.all();
    this.records = new Map(rows.map((r) => [r.key, r]));
    this.changed();
    await this.flush(true);
  }

  /** Keeps `record` (IndexedDB first), then sends it. */
  async add(record: SmsOutboxRecord): Promise<void> {
    await this.deps.table.put(record.key, record);
    this.records.set(record.key, record);
    this.changed();
    await this.flush();
  }

  /** Forgets a refused record (the user read why). */
  async dismiss(key: string): Promise<void> {
    const record = this.records.get(key);
    if (!record || record.state !== 'refused') return;
    await this.deps.table.remove(key);
    this.records.delete(key);
    this.changed();
  }

  /** Runs a pass now (or once more after the running one); `force` ignores the delays (network back). */
  flush(force = false): Promise<void> {
    if (force) for (const r of this.records.values()) if (r.state === 'waiting') r.nextAt = Math.min(r.nextAt, this.now());
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.pass();
      } while (this.again);
    })().finally(() => {
      this.running = null;
      this.schedule();
    });
    return this.running;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async pass(): Promise<void> {
    const user = this.deps.user();
    if (!user) return;
    const due = [...this.records.values()]
      .filter((r) => r.state === 'waiting' && r.user === user && r.nextAt <= this.now())
      .sort((a, b) => a.createdAt - b.createdAt);
    for (const record of due) await this.sendOne(record);
  }

  private async sendOne(record: SmsOutboxRecord): Promise<void> {
    let message: M;
    try {
      message = await this.deps.send(record);
    } catch (error) {
      const status = isApiError(error) ? error.status : 0;
      const code = isApiError(error) ? error.code : 'network';
      const next: SmsOutboxRecord = isTransient(status, code)
        ? { ...record, attempts: record.attempts + 1, nextAt: this.now() + Math.max(retryDelay(record.attempts + 1, this.deps.random), isApiError(error) ? (error.retryAfterMs ?? 0) : 0), reason: code }
        : { ...record, state: 'refused', reason: (isApiError(error) && error.serverMessages[0]) || code };
      await this.deps.table.put(record.key, next).catch(() => undefined);
      if (this.records.has(record.key)) this.records.set(record.key, next);
      this.changed();
      return;
    }
    await this.deps.table.remove(record.key).catch(() => undefined);
    this.records.delete(record.key);
    this.deps.onSent?.(record, message);
    this.changed();
  }

  private schedule(): void {
    this.stop();
    const waiting = [...this.records.values()].filter((r) => r.state === 'waiting');
    if (waiting.length === 0) return;
    const at = Math.min(...waiting.map((r) => r.nextAt));
    this.timer = setTimeout(() => void this.flush(), Math.max(0, at - this.now()));
  }

  private changed(): void {
    this.deps.onRecords([...this.records.values()].sort((a, b) => a.createdAt - b.createdAt));
  }
}
