// The hub's SMS reads, beyond the route policy: a thread is read one customer at a time, one
// capped page at a time (GET /messages), and an opt-out state one number at a time. The hub checks
// the same; the BFF refuses first so that no user can list everyone's messages, whatever the hub does.
import { MESSAGE_PAGE_MAX } from '@gigafibre/contracts';
import { HttpError } from '../errors';

const THREAD_PARAMS = new Set(['customer', 'limit', 'before']);

function badQuery(message: string, reason: string): HttpError {
  return new HttpError(400, 'bad_query', `Requête refusée : ${message}`, { reason });
}

function single(query: URLSearchParams, name: string, max: number): string | undefined {
  const values = query.getAll(name);
  if (values.length > 1) throw badQuery(`un seul paramètre « ${name} ».`, `repeated_${name}`);
  const value = values[0];
  if (value !== undefined && (value.trim() === '' || value.length > max)) throw badQuery(`paramètre « ${name} » vide ou trop long.`, `bad_${name}`);
  return value;
}

/** Throws 400 when a hub SMS read is not of one customer (GET /messages) or one number (opt-out). */
export function checkHubMessagesQuery(method: string, segments: readonly string[], query: URLSearchParams): void {
  if ((method !== 'GET' && method !== 'HEAD') || segments[0] !== 'messages') return;
  if (segments.length === 1) {
    for (const name of query.keys()) if (!THREAD_PARAMS.has(name)) throw badQuery(`paramètre « ${name} » inconnu.`, 'unknown_param');
    if (single(query, 'customer', 140) === undefined) throw badQuery('un fil de messages se lit client par client (customer requis).', 'customer_required');
    const limit = single(query, 'limit', 3);
    if (limit !== undefined && !(/^\d+$/.test(limit) && Number(limit) >= 1 && Number(limit) <= MESSAGE_PAGE_MAX)) {
      throw badQuery(`limit de 1 à ${MESSAGE_PAGE_MAX}.`, 'limit_out_of_range');
    }
    single(query, 'before', 200);
  } else if (segments.length === 2 && segments[1] === 'opt-out') {
    for (const name of query.keys()) if (name !== 'number') throw badQuery(`paramètre « ${name} » inconnu.`, 'unknown_param');
    if (single(query, 'number', 32) === undefined) throw badQuery('numéro requis (number).', 'number_required');
  }
}
