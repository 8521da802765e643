// Request bodies on proxied routes: size per route (413), content type (415), and for JSON a
// check that it is what it says (400) — all before a single byte is sent upstream.
//
// How "before anything reaches an upstream" holds:
// - JSON bodies (small by definition) are read in full, checked, and sent with their length;
// - uploads with a Content-Length are checked up front and streamed: Node's parser never lets a
//   body run past its declared length;
// - chunked uploads (no length up front; browsers do not send them) are read in full up to the cap
//   before the upstream request starts. Memory: at most the cap per such upload in flight.
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../errors';
import type { SecurityConfig } from './securityConfig';

/**
 * How a route's body is judged: JSON (small), an image upload streamed on (vision), or a
 * multipart form read in full so the access step can read its fields (Frappe's upload_file).
 */
export type BodyKind = 'json' | 'upload' | 'form';

/** Deepest JSON nesting accepted: Frappe filters need 3; Python parsers fail around 1,000. */
export const MAX_JSON_DEPTH = 32;

const JSON_TYPE = /^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i;
const UPLOAD_TYPE = /^(?:multipart\/form-data\s*;.*\bboundary=\S|image\/[a-z0-9][a-z0-9.+-]*\s*$)/i;
const FORM_TYPE = /^multipart\/form-data\s*;.*\bboundary=\S/i;
const ACCEPTED: Record<BodyKind, string[]> = { json: ['application/json'], upload: ['multipart/form-data', 'image/*'], form: ['multipart/form-data'] };
const TYPES: Record<BodyKind, RegExp> = { json: JSON_TYPE, upload: UPLOAD_TYPE, form: FORM_TYPE };
// ignoreBOM: a BOM is kept, so JSON.parse refuses it as the upstream would.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The route kind of a proxied call from its upstream path's segments: the hub's vision routes take
 * images, ERPNext's upload_file a form, everything else JSON.
 */
export function bodyKindOf(upstream: 'erp' | 'hub', segments: readonly (string | undefined)[]): BodyKind {
  if (upstream === 'hub') return segments[0] === 'vision' ? 'upload' : 'json';
  return segments[0] === 'api' && segments[1] === 'method' && segments[2] === 'upload_file' && segments.length === 3 ? 'form' : 'json';
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'body_too_large', `Corps de requête trop volumineux : au plus ${formatBytes(limit)}.`, { limitBytes: limit });
}

function badBody(reason: string, message: string): HttpError {
  return new HttpError(400, 'bad_body', `Corps de requête refusé : ${message}`, { reason });
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toLocaleString('fr-CA', { maximumFractionDigits: 1 })} Mo` : `${Math.round(n / 1024)} Ko`;
}

/**
 * Checks a proxied request's body and returns what to send upstream: `undefined` to stream the
 * request as is (no body, or an upload of declared length), or the body read in full.
 * Synchronous (no promise) for the common bodyless GET.
 * @throws HttpError 400 (a body on GET/HEAD, bad JSON), 413 (too large), 415 (wrong content type
 *   or an encoded body).
 */
export function checkRequestBody(req: IncomingMessage, kind: BodyKind, config: SecurityConfig): undefined | Promise<Buffer> {
  const { headers } = req;
  const declared = headers['content-length'];
  const framing = headers['transfer-encoding'];
  const chunked = framing !== undefined;
  if (!chunked && (declared === undefined || declared === '0')) return undefined;
  if (chunked && framing.trim().toLowerCase() !== 'chunked') {
    // Node only undoes `chunked`: the bytes of a `gzip, chunked` body are still compressed.
    throw badBody('transfer_coding', `codage de transfert « ${framing.slice(0, 40)} » non pris en charge (seul « chunked » l’est).`);
  }

  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') throw badBody('body_not_allowed', `pas de corps sur ${method}.`);
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    // A compressed body would be inflated past any limit by whoever decodes it.
    throw new HttpError(415, 'unsupported_media_type', 'Corps compressé refusé (Content-Encoding).', { reason: 'encoded_body' });
  }
  const type = headers['content-type'] ?? '';
  if (!TYPES[kind].test(type)) {
    throw new HttpError(415, 'unsupported_media_type', `Type de contenu refusé : attendu ${ACCEPTED[kind].join(' ou ')}.`, {
      reason: 'content_type',
      accepted: ACCEPTED[kind],
    });
  }
  const limit = kind === 'json' ? config.bodyLimitBytes : config.uploadLimitBytes;
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit);
  if (kind === 'upload' && !chunked) return undefined;
  const body = readLimited(req, limit);
  return kind === 'json' ? body.then(checkJson) : body;
}

function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (err: HttpError | null) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      if (err) {
        req.resume(); // what is still arriving is dropped (guardEarlyAnswers decides drain or close)
        reject(err);
      } else {
        resolve(Buffer.concat(chunks, size));
      }
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settle(tooLarge(limit));
      } else {
        chunks.push(chunk);
      }
    };
    req.on('data', onData);
    req.once('end', () => settle(null));
    req.once('error', () => settle(badBody('incomplete', 'corps interrompu.')));
    req.once('close', () => settle(badBody('incomplete', 'corps interrompu.')));
  });
}

/** Valid UTF-8, valid JSON, nesting within MAX_JSON_DEPTH, no NUL character anywhere. */
function checkJson(body: Buffer): Buffer {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw badBody('bad_encoding', 'UTF-8 invalide.');
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw badBody('too_deep', `JSON imbriqué à plus de ${MAX_JSON_DEPTH} niveaux.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badBody('bad_json', 'JSON invalide.');
  }
  // A raw NUL is already invalid JSON; an escaped one would end a C string in some layer below.
  if (text.includes('\\u0000') && containsNul(value)) throw badBody('nul_character', 'caractère nul (\\u0000) interdit.');
  return body;
}

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\0') || containsNul(v));
  return false;
}

/** The deepest `[`/`{` nesting of a JSON text, ignoring brackets inside strings (linear, no parse). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return max;
}
