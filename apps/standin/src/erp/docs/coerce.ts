// A written field's value → what is stored, per Frappe field type; bad values are ValidationErrors.
import type { FieldSpec } from '@gigafibre/contracts';
import { validationError } from '../errors';

/** A value as stored in SQLite. */
export type Stored = string | number | null;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;

function validDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function normaliseTime(text: string): string | undefined {
  const m = TIME_RE.exec(text);
  if (!m) return undefined;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const base = `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return m[4] ? `${base}.${m[4].padEnd(6, '0')}` : base;
}

function text(value: unknown, field: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw validationError(`Valeur invalide pour ${field} : texte attendu`);
}

function number(value: unknown, field: string): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw validationError(`Valeur invalide pour ${field} : nombre attendu`);
  return n;
}

/** Coerces one value for `field`; null/empty clears it. */
export function coerceValue(spec: FieldSpec, field: string, value: unknown): Stored {
  if (value === null || value === undefined || value === '') return null;
  switch (spec.type) {
    case 'Data':
    case 'Link': {
      const t = text(value, field);
      if (t.length > 140) throw validationError(`Valeur trop longue pour ${field} (140 caractères au plus)`);
      return t;
    }
    case 'Text': {
      const t = text(value, field);
      if (t.length > 100_000) throw validationError(`Texte trop long pour ${field}`);
      return t;
    }
    case 'Select': {
      const t = text(value, field);
      const options = Array.isArray(spec.options) ? (spec.options as readonly string[]) : [];
      if (options.length > 0 && !options.includes(t)) {
        throw validationError(`${field} ne peut pas valoir « ${t} » : doit être l’une des valeurs ${options.join(', ')}`);
      }
      return t;
    }
    case 'Int': {
      const n = number(value, field);
      if (!Number.isSafeInteger(n)) throw validationError(`Valeur invalide pour ${field} : entier attendu`);
      return n;
    }
    case 'Float':
    case 'Currency':
      return number(value, field);
    case 'Check': {
      if (value === true || value === 1 || value === '1') return 1;
      if (value === false || value === 0 || value === '0') return 0;
      throw validationError(`Valeur invalide pour ${field} : 0 ou 1 attendu`);
    }
    case 'Date': {
      const t = text(value, field).trim();
      const d = t.length > 10 && validDate(t.slice(0, 10)) && /^[ T]00:00(:00)?/.test(t.slice(10)) ? t.slice(0, 10) : t;
      if (!validDate(d)) throw validationError(`Date invalide pour ${field} : ${t} (AAAA-MM-JJ attendu)`);
      return d;
    }
    case 'Time': {
      const t = normaliseTime(text(value, field).trim());
      if (!t) throw validationError(`Heure invalide pour ${field} (HH:mm:ss attendu)`);
      return t;
    }
    case 'Datetime': {
      const t = text(value, field).trim();
      const m = /^(\d{4}-\d{2}-\d{2})[ T](.+)$/.exec(t);
      const time = m ? normaliseTime((m[2] as string).replace(/Z$/, '')) : undefined;
      if (!m || !validDate(m[1] as string) || !time) throw validationError(`Date et heure invalides pour ${field} : ${t}`);
      return `${m[1] as string} ${time.includes('.') ? time : `${time}.000000`}`;
    }
    case 'Table':
      // Child rows are written by ChildRows, never as one column's value.
      throw validationError(`${field} est une table : une liste de lignes est attendue`);
  }
}
