// The fault-injection contract, shared by the standin and the tests that drive it (no runtime deps).

/** `POST /__faults` body: what to do to the next `count` requests whose path starts with `path`. */
export interface FaultRule {
  /** Only this method (any when absent). */
  method?: string;
  /** Path prefix on that service, e.g. `/api/resource/Dispatch Job` (ERP), `/vision/` (hub), `/ops/api/` (edge). */
  path: string;
  /** Wait this long before doing anything else (alone: the request then proceeds normally). */
  latencyMs?: number;
  /** Answer this status instead of handling the request. */
  status?: number;
  /** Body for `status` (JSON when not a string). */
  body?: unknown;
  /** Extra headers for `status`, e.g. `{ "Retry-After": "3" }` with a 429. */
  headers?: Record<string, string>;
  /** Destroy the connection (the client sees a reset / socket hang up). */
  reset?: true;
  /** Answer what an expired Authentik session gets: 302 to `/outpost.goauthentik.io/start`. */
  signIn?: true;
  /** How many requests it applies to (default 1). */
  count?: number;
  /** Only requests whose Cookie header contains this text: one browser's session, when tests run in parallel. */
  cookie?: string;
  /** Only requests whose query string contains this text, decoded (e.g. one customer's id in a filter). */
  query?: string;
  /**
   * The hub's `POST /messages`: the request is handled, and the message's carrier lifecycle goes
   * this way instead (alone, or with latencyMs).
   */
  sms?: SmsFault;
}

/**
 * What the carrier does with a message sent under an `sms` fault, as Twilio reports it:
 * - `{ delayMs }`: delivered, but only after this long at `sent` (a slow carrier);
 * - `{ outcome: 'undelivered', errorCode }`: sent, then undelivered (30003 unreachable handset,
 *   30005 unknown handset, 30006 landline, 30007 filtered);
 * - `{ outcome: 'failed', errorCode }`: failed while sending (30008 carrier failure).
 */
export interface SmsFault {
  outcome?: 'undelivered' | 'failed';
  errorCode?: number;
  /** Time spent at `sent` before the final status (default: the lifecycle's step). */
  delayMs?: number;
}

/** A fault waiting to fire, as `GET /__faults` lists it. */
export interface ActiveFault extends FaultRule {
  id: number;
  /** Requests it still applies to. */
  remaining: number;
}
