// The hub's SMS rows (sms_messages, sms_opt_state in schema.ts) as Twilio Message resources.
import { randomBytes } from 'node:crypto';
import type { Message, MessageDirection, MessageStatus, NumberOptState, SmsEncoding } from '@gigafibre/contracts';
import type { Db } from '../../db/open';

interface MessageRow {
  seq: number;
  sid: string;
  idempotency_key: string | null;
  fingerprint: string | null;
  customer: string | null;
  direction: MessageDirection;
  from_number: string;
  to_number: string;
  body: string;
  status: MessageStatus;
  error_code: number | null;
  segments: number;
  encoding: SmsEncoding;
  sent_by_email: string | null;
  sent_by_name: string | null;
  template: string | null;
  job: string | null;
  date_created: string;
  date_updated: string;
}

/** What a new row holds (the store adds the sid and the sequence). */
export interface NewMessage {
  /** Twilio's SID when Twilio gave one (inbound); a new one otherwise. */
  sid?: string;
  idempotencyKey: string | null;
  fingerprint: string | null;
  message: Omit<Message, 'sid' | 'idempotency_key'>;
}

/** A customer as messaging needs it. */
export interface MessagingCustomer {
  name: string;
  customer_name: string;
  language: string | null;
  mobile_no: string | null;
}

/** Twilio's SID format for a Message: 'SM' and 32 hex digits. */
export function newMessageSid(): string {
  return `SM${randomBytes(16).toString('hex')}`;
}

function toMessage(r: MessageRow): Message {
  return {
    sid: r.sid,
    customer: r.customer,
    direction: r.direction,
    from: r.from_number,
    to: r.to_number,
    body: r.body,
    status: r.status,
    error_code: r.error_code,
    segments: r.segments,
    encoding: r.encoding,
    sent_by: r.sent_by_email ? { email: r.sent_by_email, name: r.sent_by_name ?? r.sent_by_email } : null,
    template: r.template,
    job: r.job,
    // Inbound rows are keyed by Twilio's MessageSid (a retried webhook is filed once): the hub's own
    // bookkeeping, not a key anyone sent under.
    idempotency_key: r.direction === 'inbound' ? null : r.idempotency_key,
    date_created: r.date_created,
    date_updated: r.date_updated,
  };
}

/** The cursor of a page: opaque to clients (base64url of `date_created|seq`). */
function encodeCursor(r: MessageRow): string {
  return Buffer.from(`${r.date_created}|${r.seq}`).toString('base64url');
}

/** A cursor back to (date_created, seq), or null when it is not one of ours. */
export function decodeCursor(cursor: string): [string, number] | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? [m[1] as string, Number(m[2])] : null;
}

export class MessageStore {
  private readonly insertStmt;
  private readonly byKey;
  private readonly bySid;
  private readonly firstPage;
  private readonly nextPage;
  private readonly advanceStmt;
  private readonly pendingStmt;
  private readonly lastTexted;
  private readonly optGet;
  private readonly optSet;
  private readonly customerStmt;
  private readonly byMobile;

  constructor(private readonly db: Db) {
    const cols = `seq, sid, idempotency_key, fingerprint, customer, direction, from_number, to_number, body, status, error_code, segments, encoding,
      sent_by_email, sent_by_name, template, job, date_created, date_updated`;
    // OR IGNORE: a second insert under the same key (a retry, another replica) adds nothing.
    this.insertStmt = db.prepare(
      `INSERT OR IGNORE INTO sms_messages (sid, idempotency_key, fingerprint, customer, direction, from_number, to_number, body, status,
         error_code, segments, encoding, sent_by_email, sent_by_name, template, job, date_created, date_updated)
       VALUES (@sid, @key, @fingerprint, @customer, @direction, @from, @to, @body, @status, @error_code, @segments, @encoding,
         @sent_by_email, @sent_by_name, @template, @job, @date_created, @date_updated)`,
    );
    this.byKey = db.prepare(`SELECT ${cols} FROM sms_messages WHERE idempotency_key = ?`);
    this.bySid = db.prepare(`SELECT ${cols} FROM sms_messages WHERE sid = ?`);
    this.firstPage = db.prepare(`SELECT ${cols} FROM sms_messages WHERE customer = ? ORDER BY date_created DESC, seq DESC LIMIT ?`);
    this.nextPage = db.prepare(
      `SELECT ${cols} FROM sms_messages WHERE customer = ? AND (date_created, seq) < (?, ?) ORDER BY date_created DESC, seq DESC LIMIT ?`,
    );
    // Compare-and-set: of two hub processes playing the same lifecycle, one moves the message.
    this.advanceStmt = db.prepare('UPDATE sms_messages SET status = ?, error_code = ?, date_updated = ? WHERE sid = ? AND status = ?');
    this.pendingStmt = db.prepare(`SELECT ${cols} FROM sms_messages WHERE direction = 'outbound-api' AND status IN ('accepted', 'queued', 'sending', 'sent')`);
    this.lastTexted = db.prepare(
      `SELECT customer FROM sms_messages WHERE to_number = ? AND direction = 'outbound-api' AND customer IS NOT NULL ORDER BY seq DESC LIMIT 1`,
    );
    this.optGet = db.prepare('SELECT number, opted_out, since, keyword FROM sms_opt_state WHERE number = ?');
    this.optSet = db.prepare(
      `INSERT INTO sms_opt_state (number, opted_out, since, keyword) VALUES (?, ?, ?, ?)
       ON CONFLICT(number) DO UPDATE SET opted_out = excluded.opted_out, since = excluded.since, keyword = excluded.keyword`,
    );
    this.customerStmt = db.prepare('SELECT name, customer_name, language, mobile_no FROM "tabCustomer" WHERE name = ?');
    this.byMobile = db.prepare('SELECT name FROM "tabCustomer" WHERE custom_phone_digits = ? ORDER BY customer_name, name');
  }

  /** Inserts a message; under a key already used, returns the existing row instead (`created` false). */
  insert(row: NewMessage): { created: boolean; message: Message; fingerprint: string | null } {
    const m = row.message;
    const info = this.insertStmt.run({
      sid: row.sid ?? newMessageSid(),
      key: row.idempotencyKey,
      fingerprint: row.fingerprint,
      customer: m.customer,
      direction: m.direction,
      from: m.from,
      to: m.to,
      body: m.body,
      status: m.status,
      error_code: m.error_code,
      segments: m.segments,
      encoding: m.encoding,
      sent_by_email: m.sent_by?.email ?? null,
      sent_by_name: m.sent_by?.name ?? null,
      template: m.template,
      job: m.job,
      date_created: m.date_created,
      date_updated: m.date_updated,
    });
    const stored =
      row.idempotencyKey === null
        ? (this.db.prepare('SELECT * FROM sms_messages WHERE seq = ?').get(info.lastInsertRowid) as MessageRow)
        : (this.byKey.get(row.idempotencyKey) as MessageRow);
    return { created: info.changes === 1, message: toMessage(stored), fingerprint: stored.fingerprint };
  }

  /** The message under an idempotency key, when any. */
  byIdempotencyKey(key: string): { message: Message; fingerprint: string | null } | undefined {
    const row = this.byKey.get(key) as MessageRow | undefined;
    return row && { message: toMessage(row), fingerprint: row.fingerprint };
  }

  get(sid: string): Message | undefined {
    const row = this.bySid.get(sid) as MessageRow | undefined;
    return row && toMessage(row);
  }

  /** One page of a customer's thread, newest first, and the cursor of the next one. */
  page(customer: string, limit: number, before: [string, number] | null): { messages: Message[]; next_before: string | null } {
    // One more than asked tells whether an older page exists.
    const rows = (before ? this.nextPage.all(customer, before[0], before[1], limit + 1) : this.firstPage.all(customer, limit + 1)) as MessageRow[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { messages: page.map(toMessage), next_before: rows.length > limit && last ? encodeCursor(last) : null };
  }

  /** Moves a message from `from` to `to`; the message after, or null when it was no longer at `from`. */
  advance(sid: string, from: MessageStatus, to: MessageStatus, errorCode: number | null, at: string): Message | null {
    return this.advanceStmt.run(to, errorCode, at, sid, from).changes === 1 ? (this.get(sid) ?? null) : null;
  }

  /** Outbound messages whose lifecycle is not over (resumed when the hub starts). */
  pending(): Message[] {
    return (this.pendingStmt.all() as MessageRow[]).map(toMessage);
  }

  /** The customer last texted at `number`, when any. */
  lastCustomerTexted(number: string): string | null {
    return (this.lastTexted.get(number) as { customer: string } | undefined)?.customer ?? null;
  }

  optState(number: string): NumberOptState {
    const row = this.optGet.get(number) as { number: string; opted_out: number; since: string; keyword: string } | undefined;
    return row ? { number, opted_out: row.opted_out === 1, since: row.since, keyword: row.keyword } : { number, opted_out: false, since: null, keyword: null };
  }

  setOptState(number: string, optedOut: boolean, keyword: string, at: string): NumberOptState {
    this.optSet.run(number, optedOut ? 1 : 0, at, keyword);
    return { number, opted_out: optedOut, since: at, keyword };
  }

  customer(name: string): MessagingCustomer | undefined {
    return this.customerStmt.get(name) as MessagingCustomer | undefined;
  }

  /** Customers whose mobile is `e164` (a NANP number), by name. */
  customersWithMobile(e164: string): string[] {
    return (this.byMobile.all(e164.slice(2)) as { name: string }[]).map((r) => r.name);
  }
}
