// Customer SMS through targo-hub, which is the Twilio router: the hub owns the messages (Twilio's
// Message resource, trimmed to what the ops app needs, plus who sent it and why), the opt-out state
// of each number, and tells browsers about both on its `/events` stream. The standin plays it.
//
// Timeline: the SPA reads a customer's thread here (GET /messages?customer=) and merges it into the
// client's timeline; no Frappe Communication is written, so a message lives in one place and its
// delivery status is never stale in a copy.
//
// Twilio references (looked up, not remembered):
// - Message resource, `status`: queued, sending, sent, failed, delivered, undelivered, receiving,
//   received, accepted (Messaging Services), plus scheduled/read/partially_delivered/canceled that
//   SMS without scheduling never reaches (twilio.com/docs/messaging/api/message-resource).
// - Error codes (twilio.com/docs/api/errors/NNNNN): 21211 invalid 'To' number, 21602 body required,
//   21610 attempt to send to an unsubscribed recipient, 30003 unreachable destination handset,
//   30005 unknown destination handset, 30006 landline or unreachable carrier, 30007 message
//   filtered, 30008 unknown error (carrier).
// - Opt-out: Twilio's default keywords STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT opt out; START,
//   YES, UNSTOP opt back in (Twilio support « opt-out keywords / STOP filtering »). Canadian numbers
//   also honour the French ARRET (CRTC / CWTA); we take ARRÊT too.
// - Inbound webhook: application/x-www-form-urlencoded (MessageSid, AccountSid, From, To, Body,
//   NumSegments…), signed with X-Twilio-Signature = base64(HMAC-SHA1(auth token, URL + each POST
//   parameter sorted by name as name+value)) (twilio.com/docs/usage/webhooks/webhooks-security).
import { z } from 'zod';
import { MAX_SMS_SEGMENTS, type SmsEncoding } from './smsSegments';

/** Twilio's Message `status` values an SMS goes through. */
export const MESSAGE_STATUSES = ['accepted', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'receiving', 'received'] as const;
/** Twilio's Message `status`. */
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Statuses after which an outbound message changes no more (Twilio sends no later callback). */
export const FINAL_MESSAGE_STATUSES: readonly MessageStatus[] = ['delivered', 'undelivered', 'failed', 'received'];

/** True when `status` is final (no later status callback will come). */
export function isFinalMessageStatus(status: MessageStatus): boolean {
  return FINAL_MESSAGE_STATUSES.includes(status);
}

/** Twilio's Message `direction` for what the hub sends (REST API) and what customers send. */
export type MessageDirection = 'outbound-api' | 'inbound';

/** Twilio error codes the hub reports on a message (`error_code`) or when refusing one. */
export const TWILIO_ERRORS = {
  21211: "Le numéro du destinataire n'est pas un numéro valide.",
  21602: 'Le message est vide.',
  21610: 'Ce numéro a demandé à ne plus recevoir de textos (STOP) : il doit répondre START pour les recevoir de nouveau.',
  30003: "Le téléphone du destinataire est injoignable (éteint ou hors réseau).",
  30005: "Le numéro du destinataire n'existe pas ou n'est plus en service chez son opérateur.",
  30006: 'Le numéro ne peut pas recevoir de textos (ligne fixe ou opérateur injoignable).',
  30007: "L'opérateur a filtré le message (pourriel présumé).",
  30008: "Échec chez l'opérateur, cause inconnue : réessayer plus tard.",
} as const satisfies Record<number, string>;
/** A Twilio error code the hub knows. */
export type TwilioErrorCode = keyof typeof TWILIO_ERRORS;

/** A French explanation of a Twilio error code, for people (unknown codes get a generic one). */
export function twilioErrorText(code: number): string {
  return (TWILIO_ERRORS as Record<number, string>)[code] ?? `Échec d'envoi (code Twilio ${code}).`;
}

/** Who sent an outbound message, as the BFF vouched for it; null for automatic texts and inbound. */
export interface MessageSender {
  email: string;
  name: string;
}

/** A message as the hub keeps it: Twilio's Message resource plus its customer, sender and purpose. */
export interface Message {
  /** Twilio's SID: 'SM' + 32 lowercase hex digits. */
  sid: string;
  /**
   * The customer whose thread it belongs to: the one it was sent for; for an inbound message the
   * customer last texted at that number, else the first (by name) with that mobile; null when the
   * number is no customer's.
   */
  customer: string | null;
  direction: MessageDirection;
  /** E.164. */
  from: string;
  /** E.164. */
  to: string;
  body: string;
  status: MessageStatus;
  /** Twilio's error code when undelivered/failed, else null. */
  error_code: number | null;
  segments: number;
  encoding: SmsEncoding;
  sent_by: MessageSender | null;
  /** The template it was written from (`SMS_TEMPLATE_IDS`, free text for the caller), null when typed freely or inbound. */
  template: string | null;
  /** The Dispatch Job it is about, when any. */
  job: string | null;
  /** The Idempotency-Key it was sent under (null for inbound): how a sender knows its waiting text among the thread's. */
  idempotency_key: string | null;
  /** ISO 8601 (UTC, milliseconds). */
  date_created: string;
  /** ISO 8601: the last status change. */
  date_updated: string;
}

/** The request header that makes a POST /messages safe to retry. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Longest accepted Idempotency-Key. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 100;
/** Messages a thread page holds at most (and by default). */
export const MESSAGE_PAGE_MAX = 100;
/** Default thread page size. */
export const MESSAGE_PAGE_DEFAULT = 50;

/** A North American (NANP) number in E.164: +1, then area code and exchange not starting with 0 or 1. */
export const NANP_E164 = /^\+1[2-9]\d{2}[2-9]\d{6}$/;

/** A NANP number as E.164, or null: accepts `514-555-0142`, `(514) 555 0142`, `15145550142`, `+15145550142`. */
export function toE164(raw: string): string | null {
  const digits = raw.replace(/[\s().-]/g, '');
  const m = /^\+?1?(\d{10})$/.exec(digits);
  if (!m) return null;
  const e164 = `+1${m[1] as string}`;
  return NANP_E164.test(e164) ? e164 : null;
}

/** Longest body accepted before counting segments (Twilio's own cap is 1,600 characters). */
const MAX_BODY_CHARS = 1600;

// Built on first use, not at import: a top-level zod call would pull zod into the SPA's first load
// (the shell imports this module for its types' helpers).
function buildSendMessageSchema() {
  return z
    .object({
      customer: z.string().trim().min(1).max(140),
      to: z.string().max(32),
      body: z.string().max(MAX_BODY_CHARS),
      template: z.string().min(1).max(64).nullish(),
      job: z.string().min(1).max(140).nullish(),
    })
    .strict();
}
let sendSchema: ReturnType<typeof buildSendMessageSchema> | undefined;

/**
 * `POST /messages` body (with `Idempotency-Key`). The shape only: the hub then refuses, with the
 * codes of `MessageRefusalCode`, an invalid number, an empty body, more than MAX_SMS_SEGMENTS
 * segments and an opted-out number, before anything is sent.
 */
export function sendMessageSchema(): ReturnType<typeof buildSendMessageSchema> {
  return (sendSchema ??= buildSendMessageSchema());
}

/** `POST /messages` body. */
export type SendMessageRequest = z.infer<ReturnType<typeof buildSendMessageSchema>>;

/** Why the hub refused a message before sending it (`code` of the 4xx body). */
export type MessageRefusalCode =
  /** 400: `to` is not a NANP E.164 number (Twilio 21211). */
  | 'invalid_number'
  /** 400: empty or blank body (Twilio 21602). */
  | 'empty_body'
  /** 400: more than MAX_SMS_SEGMENTS segments. */
  | 'too_many_segments'
  /** 409: the number opted out (Twilio 21610). */
  | 'opted_out'
  /** 400: missing or malformed Idempotency-Key. */
  | 'idempotency_key'
  /** 422: the key was already used for another message. */
  | 'idempotency_mismatch'
  /** 404: no such customer. */
  | 'unknown_customer'
  /** 400: body not of the schema. */
  | 'invalid_request';

/** The 4xx body of a refused POST /messages. */
export interface MessageRefusal {
  /** French, for people. */
  error: string;
  code: MessageRefusalCode;
  /** Twilio's code for the same refusal, when it has one. */
  twilio_code?: number;
  issues?: Record<string, string[]>;
}

/** The segments limit, restated for readers of this contract. */
export const MESSAGE_MAX_SEGMENTS = MAX_SMS_SEGMENTS;

/** `GET /messages?customer=X&limit=N&before=<cursor>` answer: newest first. */
export interface MessagePage {
  messages: Message[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  next_before: string | null;
}

/** `GET /messages/opt-out?number=E164` answer: whether the number may be texted. */
export interface NumberOptState {
  number: string;
  opted_out: boolean;
  /** ISO 8601 of the last opt-out or opt-in, null when the number never sent a keyword. */
  since: string | null;
  /** The keyword as the customer typed it, null when none. */
  keyword: string | null;
}

/** `event: message` on the hub's `/events` stream: a message created (sent or received) or its status changed. */
export interface MessageEvent {
  action: 'created' | 'updated';
  /** The customer whose thread it belongs to (= message.customer), for routing. */
  customer: string | null;
  message: Message;
}

/** `event: number_opt` on the hub's `/events` stream: a number opted out or back in. */
export interface NumberOptEvent {
  state: NumberOptState;
  /** Every customer with that mobile (all their composers must know). */
  customers: string[];
}

/** Opt-out keywords (Twilio defaults, and the French ones Canadian carriers honour), normalised. */
export const OPT_OUT_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'ARRET'] as const;
/** Opt-in keywords (Twilio defaults), normalised. */
export const OPT_IN_KEYWORDS = ['START', 'YES', 'UNSTOP'] as const;

/**
 * What an inbound body does to the number's state: the whole body, trimmed, any case, accents
 * dropped (« Arrêt » = ARRET), must be a keyword, as Twilio matches it (« stop please » is no keyword).
 */
export function optKeyword(body: string): 'opt_out' | 'opt_in' | null {
  const word = body.normalize('NFD').replace(/\p{M}/gu, '').trim().toUpperCase();
  if ((OPT_OUT_KEYWORDS as readonly string[]).includes(word)) return 'opt_out';
  if ((OPT_IN_KEYWORDS as readonly string[]).includes(word)) return 'opt_in';
  return null;
}

/**
 * Headers the BFF sets from the verified identity (client-sent ones are dropped): the sender of a
 * message. `X-Ops-User` is the e-mail (as for every hub call); the name travels percent-encoded
 * (UTF-8), since header values are latin1.
 */
export const OPS_USER_NAME_HEADER = 'X-Ops-User-Name';

/** Path of Twilio's inbound-SMS webhook on the hub (never proxied by the BFF). */
export const TWILIO_INBOUND_PATH = '/twilio/sms';
