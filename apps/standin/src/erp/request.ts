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

/** Checks `Authorization: token key:secret` (or Basic key:secret, which Frappe also takes). */
export function checkToken(req: IncomingMessage, expected: string): void {
  const header = req.headers.authorization ?? '';
  const [scheme, value = ''] = header.split(/\s+/, 2) as [string, string?];
  let presented = '';
  if (scheme?.toLowerCase() === 'token') presented = value;
  else if (scheme?.toLowerCase() === 'basic') presented = Buffer.from(value, 'base64').toString('utf8');
  if (!presented || !safeEqual(presented, expected)) {
    throw new FrappeError('AuthenticationError', header ? 'Jeton d’API invalide' : 'Authentification requise (Authorization: token clé:secret)');
  }
}

/** The email the BFF acts for (`X-Ops-User`), or null when absent or malformed. */
export function actingUser(req: IncomingMessage): string | null {
  const value = req.headers['x-ops-user'];
  if (typeof value !== 'string' || value.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return null;
  return value.toLowerCase();
}

/** The raw body (for idempotency fingerprints) and its parsed parameters. */
export interface ParsedBody {
  raw: Buffer;
  params: Record<string, unknown>;
}

/** Reads a JSON or form body; malformed JSON is a ValidationError (417), never a 500. */
export async function readParams(req: IncomingMessage): Promise<ParsedBody> {
  let raw: Buffer;
  try {
    raw = await readBody(req, BODY_LIMIT);
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw validationError(err.message);
    throw err;
  }
  if (raw.length === 0) return { raw, params: {} };
  const type = mediaType(req);
  if (type === 'application/x-www-form-urlencoded') {
    return { raw, params: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw validationError('Corps JSON invalide');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw validationError('Le corps doit être un objet JSON');
  return { raw, params: parsed as Record<string, unknown> };
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
