// Reading an ERP request: auth token, acting user, body parameters.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createHash } from 'node:crypto';
import { BodyTooLargeError, mediaType, readBody } from '../http/body';
import { boundaryOf, parseMultipart, type Part } from '../http/multipart';
import { MAX_FILE_SIZE } from './routes/upload-file';
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

/** The raw body, its parsed parameters, whether it was JSON, and what identifies it for Idempotency-Key. */
export interface ParsedBody {
  raw: Buffer;
  params: Record<string, unknown>;
  json: boolean;
  /** What two sends of the same request share: the raw body, or a multipart form's fields and file hashes (the boundary differs on every send). */
  print: Buffer | string;
}

/** A multipart form's `file` part, as upload_file reads frappe.request.files['file']. */
export function uploadedFile(params: Record<string, unknown>): Part | undefined {
  const file = params.file as Part | undefined;
  return file && typeof file === 'object' && Buffer.isBuffer(file.data) ? file : undefined;
}

/** werkzeug's form parsing: text fields → form_dict, the `file` part → request.files. */
function readMultipart(raw: Buffer, contentType: string | undefined): ParsedBody {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw validationError('multipart/form-data sans boundary');
  let parts: Part[];
  try {
    parts = parseMultipart(raw, boundary);
  } catch (err) {
    throw validationError(`Corps multipart invalide : ${(err as Error).message}`);
  }
  const params: Record<string, unknown> = {};
  const print: string[] = [];
  for (const part of parts) {
    if (part.filename !== null) {
      params[part.name] = part;
      print.push(`${part.name}\0${part.filename}\0${createHash('sha256').update(part.data).digest('hex')}`);
    } else {
      params[part.name] = part.data.toString('utf8');
      print.push(`${part.name}\0${part.data.toString('utf8')}`);
    }
  }
  return { raw, params, json: false, print: print.sort().join('\n') };
}

/**
 * Reads a JSON or form body. Malformed JSON: frappe/app.py make_form_dict's json.loads raises and
 * Frappe answers 500 JSONDecodeError; the standin refuses it with a ValidationError (417), so that
 * a bad request stays a 4xx through the BFF (a deliberate deviation, see conformance/README.md).
 */
export async function readParams(req: IncomingMessage): Promise<ParsedBody> {
  const type = mediaType(req);
  const multipart = type === 'multipart/form-data';
  let raw: Buffer;
  try {
    // A form carrying a file may be as large as max_file_size, plus its fields.
    raw = await readBody(req, multipart ? MAX_FILE_SIZE + 64 * 1024 : BODY_LIMIT);
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      throw multipart ? new FrappeError('MaxFileSizeReachedError', `La taille du fichier dépasse le maximum permis de ${MAX_FILE_SIZE / (1024 * 1024)} Mo`) : validationError(err.message);
    }
    throw err;
  }
  if (raw.length === 0) return { raw, params: {}, json: false, print: raw };
  if (multipart) return readMultipart(raw, req.headers['content-type']);
  if (type === 'application/x-www-form-urlencoded') {
    return { raw, params: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))), json: false, print: raw };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw validationError('Corps JSON invalide');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw validationError('Le corps doit être un objet JSON');
  return { raw, params: parsed as Record<string, unknown>, json: true, print: raw };
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
