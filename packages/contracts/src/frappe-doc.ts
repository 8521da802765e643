// What the SPA and the BFF do to an ERPNext document before reading it, so that nothing downstream
// has to know how Frappe serialises: a single read leaves empty fields out (list rows carry them as
// null), and a Time comes back as `H:MM:SS` with the hour unpadded (`8:00:00`).
import type { DoctypeSpec, FieldSpec } from './doctype-spec';
import { DOCTYPES, type DocRead, type Doctype, type FullDoc } from './doctypes';

const TIME = /^(\d{1,2}):(\d{2})(:\d{2}(?:\.\d+)?)?$/;

/**
 * `HH:MM:SS` from a Time as Frappe answers it: MariaDB's TIME reaches Python as a timedelta, which
 * frappe/utils/data.py format_timedelta writes `8:00:00` (hour not padded); a value just written
 * comes back as it was sent (`08:00`). Anything that is not a time of day is returned unchanged.
 */
export function padTime(value: string): string {
  const m = TIME.exec(value);
  if (!m) return value;
  return `${(m[1] as string).padStart(2, '0')}:${m[2] as string}${m[3] ?? ':00'}`;
}

function fieldsOf(doctype: Doctype): [string, FieldSpec][] {
  return Object.entries((DOCTYPES[doctype] as DoctypeSpec).fields);
}

function timesPadded(doctype: Doctype, row: Record<string, unknown>): void {
  for (const [field, spec] of fieldsOf(doctype)) {
    const value = row[field];
    if (spec.type === 'Time' && typeof value === 'string') row[field] = padTime(value);
  }
}

/** A list row of `doctype` with its Time fields as `HH:MM:SS` (a copy; other keys untouched). */
export function normalizeRow<T extends object>(doctype: Doctype, row: T): T {
  const out = { ...row } as Record<string, unknown>;
  timesPadded(doctype, out);
  return out as T;
}

/**
 * A single read (GET, or the answer to POST/PUT) with every field Frappe left out because it was
 * empty (`as_dict(no_nulls=True)`) set to null, child rows likewise, and times as `HH:MM:SS`: the
 * same shape as a list row, so that "absent" and "null" never mean two things downstream.
 */
export function completeDoc<D extends Doctype>(doctype: D, read: DocRead<D>): FullDoc<D> {
  const out: Record<string, unknown> = { ...read };
  for (const [field, spec] of fieldsOf(doctype)) {
    if (spec.type === 'Table') {
      const rows = out[field];
      const child = spec.options as Doctype;
      out[field] = Array.isArray(rows) ? rows.map((r) => completeDoc(child, r as DocRead<typeof child>)) : [];
    } else if (out[field] === undefined) {
      out[field] = null;
    }
  }
  out._user_tags ??= null;
  timesPadded(doctype, out);
  return out as FullDoc<D>;
}

/** A point on the map. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/**
 * The point of two Float fields (latitude, longitude), or null. A Frappe Float is never null (stored
 * `not null default 0`), so a document without coordinates has 0, 0 — open sea off Africa, no
 * address of ours — which means "none" here, as does a missing or non-finite value.
 */
export function geoPoint(lat: number | null | undefined, lng: number | null | undefined): GeoPoint | null {
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  return lat === 0 && lng === 0 ? null : { lat, lng };
}
