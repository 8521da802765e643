// Dates and times as Quebec reads them (fr-CA: « 26 nov. 2025 », « 14 h 05 »), always in
// Montréal's zone. Frappe's naive timestamps are read by packages/contracts (montrealTime.ts).
import { MONTREAL_TIME_ZONE, parseFrappeDatetime } from '@gigafibre/contracts';
import { DEFAULT_LOCALE, type AppLocale } from './locale';

export type DateInput = Date | string | number;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: AppLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: MONTREAL_TIME_ZONE, ...options });
    formatters.set(key, f);
  }
  return f;
}

function toDate(input: DateInput): Date | null {
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : input;
  if (typeof input === 'number') return new Date(input);
  return parseFrappeDatetime(input);
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
