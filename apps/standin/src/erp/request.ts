// Reading an ERP request: auth token, acting user, body parameters.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, mediaType, readBody } from '../http/body';
import { FrappeError, validationError } from './errors';

const BODY_LIMIT = 2 * 1024 * 1024;

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Who a request acts as: the API key's user, or Guest (no usable credentials). */
export type Caller = 'token' | 'guest';

/**
 * frappe/auth.py validate_auth: an `Authorization` header of exactly two space-separated parts is
 * a credential (`token key:secret`, `Basic base64(key:secret)`, or an OAuth `Bearer`), and one that
 * does not authenticate is a bare AuthenticationError (401), whatever the route. Anything else (no
 * header, one part, three) is no credential at all: the request goes on as Guest, and Guest is
 * refused with 403 PermissionError by whatever it calls (see `guestRefusal`).
 */
export function authenticate(req: IncomingMessage, expected: string): Caller {
  const parts = (req.headers.authorization ?? '').split(' ');
  if (parts.length !== 2) return 'guest';
  const [scheme, value] = parts as [string, string];
  let presented = '';
  if (scheme.toLowerCase() === 'token') presented = value;
  else if (scheme.toLowerCase() === 'basic') presented = Buffer.from(value, 'base64').toString('utf8');
  if (!presented || !safeEqual(presented, expected)) throw new FrappeError('AuthenticationError', 'Jeton d’API invalide', 'bare');
  return 'token';
}

/** The email the BFF acts for (`X-Ops-User`), or null when absent or malformed. */
export function actingUser(req: IncomingMessage): string | null {
  const value = req.headers['x-ops-user'];
  if (typeof value !== 'string' || value.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return null;
  return value.toLowerCase();
}

/** The raw body (for idempotency fingerprints), its parsed parameters, and whether it was JSON. */
export interface ParsedBody {
  raw: Buffer;
  params: Record<string, unknown>;
  json: boolean;
}

/**
 * Reads a JSON or form body. Malformed JSON: frappe/app.py make_form_dict's json.loads raises and
 * Frappe answers 500 JSONDecodeError; the standin refuses it with a ValidationError (417), so that
 * a bad request stays a 4xx through the BFF (a deliberate deviation, see conformance/README.md).
 */
export async function readParams(req: IncomingMessage): Promise<ParsedBody> {
  let raw: Buffer;
  try {
    raw = await readBody(req, BODY_LIMIT);
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw validationError(err.message);
    throw err;
  }
  if (raw.length === 0) return { raw, params: {}, json: false };
  const type = mediaType(req);
  if (type === 'application/x-www-form-urlencoded') {
    return { raw, params: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))), json: false };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw validationError('Corps JSON invalide');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw validationError('Le corps doit être un objet JSON');
  return { raw, params: parsed as Record<string, unknown>, json: true };
}

/** A resource body: the document itself, or Frappe's form field `data` holding it as JSON. */
export function documentFrom(params: Record<string, unknown>): Record<string, unknown> {
  if (typeof params.data === 'string') {
    try {
      const doc: unknown = JSON.parse(params.data);
      if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) return doc as Record<string, unknown>;
    } catch {
      // falls through to the error below
    }
    throw validationError('Le champ data doit contenir un objet JSON');
  }
  return params;
}
