// A text the user pressed « Envoyer » on, kept on this device until the hub acknowledged it.
// Its idempotency key is chosen at once and never changes: a retry after a lost answer, a reload, or
// a second tab sending the same record all reach the hub with the same key, which sends it once.

/** Bumped when the stored shape changes; a row of another version is left alone, never guessed. */
export const SMS_OUTBOX_SCHEMA = 1;
export const SMS_OUTBOX_IDB = { database: 'gigafibre-ops-sms-outbox', store: 'records' } as const;

export interface SmsOutboxRecord {
  schema: typeof SMS_OUTBOX_SCHEMA;
  /** UUID: the `Idempotency-Key` of every send of this record. */
  key: string;
  customer: string;
  /** E.164. */
  to: string;
  body: string;
  template: string | null;
  /** Who pressed send (e-mail): only their records are sent from this device. */
  user: string;
  createdAt: number;
  attempts: number;
  /** Not sent again before this time (ms). */
  nextAt: number;
  /** `waiting`: will be sent (again); `refused`: the hub said no, the reason is kept for the user. */
  state: 'waiting' | 'refused';
  /** The hub's French reason for a refusal, or the last transient failure's code. */
  reason: string | null;
}

export function newOutboxRecord(draft: { customer: string; to: string; body: string; template: string | null; user: string }, now: number, key: string = crypto.randomUUID()): SmsOutboxRecord {
  return { schema: SMS_OUTBOX_SCHEMA, key, ...draft, createdAt: now, attempts: 0, nextAt: now, state: 'waiting', reason: null };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A stored row as a record; null for a row of another schema or a damaged one. */
export function readOutboxRecord(raw: unknown): SmsOutboxRecord | null {
  const r = raw as Partial<SmsOutboxRecord> | null;
  if (typeof r !== 'object' || r === null || r.schema !== SMS_OUTBOX_SCHEMA) return null;
  if (![r.key, r.customer, r.to, r.body, r.user].every(isString) || ![r.createdAt, r.attempts, r.nextAt].every(isNumber)) return null;
  if (r.state !== 'waiting' && r.state !== 'refused') return null;
  return r as SmsOutboxRecord;
}

/** Waits between tries: 2 s, 4 s, 8 s … up to a minute, with ±20 % jitter so tabs do not march together. */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 2_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Failures worth trying again with the same key (the hub down, slow, or asking to wait); any other answer is final. */
export function isTransient(status: number, code: string): boolean {
  return ['timeout', 'network', 'unavailable', 'server', 'rate-limited', 'session-expired'].includes(code) || status >= 500 || status === 0;
}
