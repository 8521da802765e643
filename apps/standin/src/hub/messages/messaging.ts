// What the hub does with SMS, whoever asks (the REST routes, Twilio's inbound webhook, the « en
// route » watcher): refuse before sending, send once per idempotency key, play the carrier's
// lifecycle on timers (Twilio: queued → sending → sent → delivered, or failed / undelivered with
// an error code), file inbound texts in a thread, apply opt-out keywords, and tell /events.
import {
  MAX_SMS_SEGMENTS,
  NANP_E164,
  optKeyword,
  smsSegments,
  twilioErrorText,
  type Message,
  type MessageSender,
  type MessageStatus,
  type NumberOptState,
} from '@gigafibre/contracts';
import type { EventLog } from '../../db/events';
import type { Db } from '../../db/open';
import type { SmsFault } from '../../faults/types';
import { HubError } from '../errors';
import { MessageStore } from './store';

export interface MessagingOptions {
  db: Db;
  events: EventLog;
  now: () => Date;
  /** The hub's Twilio number. */
  number: string;
  /** Each lifecycle step, ms. */
  stepMs: number;
}

/** A send as the routes and the watcher ask for it (already shaped by sendMessageSchema). */
export interface SendOrder {
  customer: string;
  to: string;
  body: string;
  template: string | null;
  job: string | null;
  sentBy: MessageSender | null;
  idempotencyKey: string;
  /** What makes two sends "the same" under one key. */
  fingerprint: string;
  fault?: SmsFault;
}

function refuse(status: number, code: string, error: string, twilio?: number): HubError {
  return new HubError(status, error, undefined, { code, ...(twilio !== undefined && { twilio_code: twilio }) });
}

export class Messaging {
  readonly store: MessageStore;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly opts: MessagingOptions) {
    this.store = new MessageStore(opts.db);
  }

  /** Plays on the lifecycles a previous run left half-way (a restart must not strand « sending »). */
  resume(): void {
    for (const m of this.store.pending()) this.play(m.sid, m.status, undefined);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /**
   * Sends, or answers the message already sent under this key (`created` false). Refusals are
   * HubErrors with a code, checked before anything is stored; a refused send can be retried under
   * the same key once corrected (nothing was kept).
   */
  send(order: SendOrder): { created: boolean; message: Message } {
    const existing = this.store.byIdempotencyKey(order.idempotencyKey);
    if (existing) return this.replay(existing, order);
    if (!NANP_E164.test(order.to)) throw refuse(400, 'invalid_number', `Numéro invalide : « ${order.to} » (format attendu : +1 et 10 chiffres).`, 21211);
    if (order.body.trim() === '') throw refuse(400, 'empty_body', 'Le message est vide.', 21602);
    const seg = smsSegments(order.body);
    if (seg.segments > MAX_SMS_SEGMENTS) {
      throw refuse(400, 'too_many_segments', `Message trop long : ${seg.segments} segments (${MAX_SMS_SEGMENTS} au plus).`);
    }
    if (!this.store.customer(order.customer)) throw refuse(404, 'unknown_customer', `Client introuvable : ${order.customer}`);
    if (this.store.optState(order.to).opted_out) throw refuse(409, 'opted_out', twilioErrorText(21610), 21610);
    const at = this.opts.now().toISOString();
    const result = this.opts.db.transaction(() => {
      const r = this.store.insert({
        idempotencyKey: order.idempotencyKey,
        fingerprint: order.fingerprint,
        message: {
          customer: order.customer,
          direction: 'outbound-api',
          from: this.opts.number,
          to: order.to,
          body: order.body,
          status: 'queued',
          error_code: null,
          segments: seg.segments,
          encoding: seg.encoding,
          sent_by: order.sentBy,
          template: order.template,
          job: order.job,
          date_created: at,
          date_updated: at,
        },
      });
      if (r.created) this.emitMessage('created', r.message);
      return r;
    })();
    this.opts.events.flush();
    if (!result.created) return this.replay(result, order); // another replica won the insert
    this.play(result.message.sid, 'queued', order.fault);
    return { created: true, message: result.message };
  }

  private replay(existing: { message: Message; fingerprint: string | null }, order: SendOrder): { created: boolean; message: Message } {
    if (existing.fingerprint !== order.fingerprint) {
      throw refuse(422, 'idempotency_mismatch', 'Cette clé d’idempotence a déjà servi pour un autre message.');
    }
    return { created: false, message: existing.message };
  }

  /**
   * An inbound text from `from` to our number: filed in the thread of the customer last texted
   * at that number (the conversation it answers), else the first customer with that mobile; an
   * opt-out or opt-in keyword also sets the number's state.
   */
  receive(input: { from: string; to: string; body: string; sid?: string }): { message: Message; opt: NumberOptState | null } {
    const customers = this.store.customersWithMobile(input.from);
    const texted = this.store.lastCustomerTexted(input.from);
    const customer = texted && customers.includes(texted) ? texted : (customers[0] ?? texted);
    const at = this.opts.now().toISOString();
    const seg = smsSegments(input.body);
    const keyword = optKeyword(input.body);
    const out = this.opts.db.transaction(() => {
      const { created, message } = this.store.insert({
        // Twilio retries a webhook that timed out: the same MessageSid is filed once.
        ...(input.sid && { sid: input.sid }),
        idempotencyKey: input.sid ? `inbound:${input.sid}` : null,
        fingerprint: null,
        message: {
          customer,
          direction: 'inbound',
          from: input.from,
          to: input.to,
          body: input.body,
          status: 'received',
          error_code: null,
          segments: Math.max(1, seg.segments),
          encoding: seg.encoding,
          sent_by: null,
          template: null,
          job: null,
          date_created: at,
          date_updated: at,
        },
      });
      if (!created) return { message, opt: null };
      this.emitMessage('created', message);
      let opt: NumberOptState | null = null;
      if (keyword) {
        opt = this.store.setOptState(input.from, keyword === 'opt_out', input.body.trim(), at);
        this.opts.events.appendTyped('number_opt', { state: opt, customers }, at);
      }
      return { message, opt };
    })();
    this.opts.events.flush();
    return out;
  }

  private emitMessage(action: 'created' | 'updated', message: Message): void {
    this.opts.events.appendTyped('message', { action, customer: message.customer, message }, message.date_updated);
  }

  /** Schedules the next step of an outbound message's lifecycle from `status`. */
  private play(sid: string, status: MessageStatus, fault: SmsFault | undefined): void {
    const step = this.opts.stepMs;
    const next = (from: MessageStatus, to: MessageStatus, errorCode: number | null, delay: number, then?: () => void) =>
      this.after(delay, () => {
        const moved = this.opts.db.transaction(() => {
          const m = this.store.advance(sid, from, to, errorCode, this.opts.now().toISOString());
          if (m) this.emitMessage('updated', m);
          return m;
        })();
        this.opts.events.flush();
        if (moved) then?.();
      });
    const final = () => {
      if (fault?.outcome === 'undelivered') next('sent', 'undelivered', fault.errorCode ?? 30003, fault.delayMs ?? step);
      else next('sent', 'delivered', null, fault?.delayMs ?? step);
    };
    const sending = () => {
      if (fault?.outcome === 'failed') next('sending', 'failed', fault.errorCode ?? 30008, step);
      else next('sending', 'sent', null, step, final);
    };
    if (status === 'queued' || status === 'accepted') next(status, 'sending', null, step, sending);
    else if (status === 'sending') sending();
    else if (status === 'sent') final();
  }

  private after(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) run();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }
}
