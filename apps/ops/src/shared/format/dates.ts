// Dates and times as Quebec reads them (fr-CA: « 26 nov. 2025 », « 14 h 05 »), always in
// America/Toronto, and Frappe's naive server timestamps (Toronto wall time) read correctly.
import { DEFAULT_LOCALE, TIME_ZONE, type AppLocale } from './locale';

export type DateInput = Date | string | number;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: AppLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** Milliseconds to add to a UTC instant to get Toronto wall-clock time at that instant. */
function torontoOffsetMs(utcMs: number): number {
  const parts = formatter('en-CA', {
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

const FRAPPE_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?$/;

/**
 * Reads Frappe's `YYYY-MM-DD[ HH:mm[:ss[.ffffff]]]` (Toronto wall time, no zone) as an instant.
 * Strings with an explicit zone (`Z`, `+02:00`) are read as such. Null when unreadable.
 */
export function parseServerDate(value: string): Date | null {
  const m = FRAPPE_DATETIME.exec(value.trim());
  if (!m) {
    const parsed = new Date(value);
    return /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) && !Number.isNaN(parsed.getTime()) ? parsed : null;
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0'] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3)));
  // Guess with the offset at the wall time read as UTC, then correct once (handles DST edges).
  let utc = wall - torontoOffsetMs(wall);
  utc = wall - torontoOffsetMs(utc);
  return new Date(utc);
}

function toDate(input: DateInput): Date | null {
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : input;
  if (typeof input === 'number') return new Date(input);
  return parseServerDate(input);
}

/** « 26 nov. 2025 » / "Nov 26, 2025". Empty for unreadable input. */
export function formatDate(input: DateInput, locale: AppLocale = DEFAULT_LOCALE): string {
  const d = toDate(input);
  return d ? formatter(locale, { dateStyle: 'medium' }).format(d) : '';
}

/** « mercredi 26 novembre 2025 ». */
export function formatLongDate(input: DateInput, locale: AppLocale = DEFAULT_LOCALE): string {
  const d = toDate(input);
  return d ? formatter(locale, { dateStyle: 'full' }).format(d) : '';
}

/** « 14 h 05 » / "2:05 p.m.". */
export function formatTime(input: DateInput, locale: AppLocale = DEFAULT_LOCALE): string {
  const d = toDate(input);
  return d ? formatter(locale, { timeStyle: 'short' }).format(d) : '';
}

/** « 26 nov. 2025, 14 h 05 ». */
export function formatDateTime(input: DateInput, locale: AppLocale = DEFAULT_LOCALE): string {
  const d = toDate(input);
  return d ? formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d) : '';
}

/** « il y a 3 heures », « dans 2 jours » relative to `now`. */
export function formatRelative(input: DateInput, locale: AppLocale = DEFAULT_LOCALE, now: number = Date.now()): string {
  const d = toDate(input);
  if (!d) return '';
  const seconds = Math.round((d.getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['second', 60],
    ['minute', 60],
    ['hour', 24],
    ['day', 30],
    ['month', 12],
  ];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return rtf.format(Math.round(value), unit);
    value /= size;
  }
  return rtf.format(Math.round(value), 'year');
}

/** Today's date in Toronto as Frappe writes dates: `YYYY-MM-DD`. */
export function todayInToronto(now: number = Date.now()): string {
  return formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
}
