import { HttpError } from '../errors';

/** A request path that passed every check, split into decoded segments. */
export interface OpsPath {
  /** The path as received (still percent-encoded), without the query: `/ops/api/erp/resource/Dispatch%20Job`. */
  readonly raw: string;
  /** Decoded segments: `['ops', 'api', 'erp', 'resource', 'Dispatch Job']` (no empty segment). */
  readonly segments: readonly string[];
  /** True when the raw path ended with `/` (only static paths may). */
  readonly trailingSlash: boolean;
  /** The raw query with its `?`, or ''. */
  readonly search: string;
}

/** Longest path accepted, in characters of the raw (encoded) path. */
export const MAX_PATH_LENGTH = 2048;
/** Most segments a path may have. */
export const MAX_SEGMENTS = 32;

// Raw bytes outside visible ASCII (spaces, controls, raw UTF-8) must have been percent-encoded;
// a raw `#` would be a fragment to one parser and a character to another.
const RAW_FORBIDDEN = /[^\x21-\x7e]|#/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const DECODED_FORBIDDEN = /[\x00-\x1f\x7f/\\]/;
// GenieACS device ids are themselves percent-encoded (`A4E31B-G%2D010G%2DQ-…`), so a segment may
// legitimately decode to `%XX`; it is accepted only if decoding it AGAIN is still harmless, so no
// layer that decodes once more can find a separator or a dot segment in it.
const ONCE_ENCODED = /^(?:[^%]|%[0-9A-Fa-f]{2})*$/;

function refuse(reason: string, message: string): HttpError {
  return new HttpError(400, 'bad_path', `Chemin refusé : ${message}`, { reason });
}

/**
 * Checks and decodes a request target before anything routes on it, so that the BFF and an
 * upstream can never read the same path two ways: dot segments, encoded slashes or backslashes
 * (`%2F`, `%5C`), backslashes, double encoding of any of those (`%252F`, `%252e%252e`), NUL and control characters, empty
 * segments and overlong paths are refused with 400.
 * @param url the raw request target (`req.originalUrl`).
 */
export function normalizePath(url: string): OpsPath {
  const q = url.indexOf('?');
  const raw = q === -1 ? url : url.slice(0, q);
  const search = q === -1 ? '' : url.slice(q);
  if (raw.length > MAX_PATH_LENGTH) throw refuse('too_long', `plus de ${MAX_PATH_LENGTH} caractères.`);
  if (raw[0] !== '/') throw refuse('not_absolute', 'il doit commencer par « / ».');
  if (raw.includes('\\')) throw refuse('backslash', 'barre oblique inversée interdite.');
  if (RAW_FORBIDDEN.test(raw)) throw refuse('raw_character', 'caractère non encodé ou de contrôle.');
  if (/%00/.test(search) || RAW_FORBIDDEN.test(search)) throw refuse('query_character', 'caractère nul ou de contrôle dans la requête.');

  const parts = raw.split('/');
  const trailingSlash = parts.length > 2 && parts[parts.length - 1] === '';
  const last = trailingSlash ? parts.length - 1 : parts.length;
  if (last - 1 > MAX_SEGMENTS) throw refuse('too_many_segments', `plus de ${MAX_SEGMENTS} segments.`);
  const segments: string[] = [];
  for (let i = 1; i < last; i++) {
    const part = parts[i] as string;
    if (part === '') {
      if (raw === '/') break;
      throw refuse('empty_segment', 'segment vide (« // »).');
    }
    let decoded = part;
    if (part.includes('%')) {
      try {
        decoded = decodeURIComponent(part);
      } catch {
        throw refuse('bad_encoding', 'encodage « % » invalide.');
      }
    }
    if (DECODED_FORBIDDEN.test(decoded)) {
      throw refuse('encoded_separator', 'barre oblique ou caractère de contrôle encodé interdit.');
    }
    if (decoded.includes('%')) checkSecondDecoding(decoded);
    if (decoded === '.' || decoded === '..') throw refuse('dot_segment', 'segment « . » ou « .. » interdit.');
    segments.push(decoded);
  }
  return { raw, segments, trailingSlash, search };
}

function checkSecondDecoding(decoded: string): void {
  const twice = ONCE_ENCODED.test(decoded) ? decodeURIComponent(decoded) : null;
  if (twice === null || twice.includes('%') || DECODED_FORBIDDEN.test(twice) || twice === '.' || twice === '..') {
    throw refuse('encoded_separator', 'double encodage d’un séparateur, d’un « % » ou d’un segment « .. » interdit.');
  }
}
