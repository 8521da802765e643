// Frappe's `timespan` operator values → a date range, computed from Toronto's today.
import { addDays, dayOfWeek } from '@gigafibre/contracts';

/** The timespans Frappe's filter UI offers. */
export const TIMESPANS = [
  'yesterday',
  'today',
  'tomorrow',
  'last week',
  'this week',
  'next week',
  'last month',
  'this month',
  'next month',
  'last quarter',
  'this quarter',
  'next quarter',
  'last 6 months',
  'next 6 months',
  'last year',
  'this year',
  'next year',
  'last 7 days',
  'last 14 days',
  'last 30 days',
  'last 90 days',
] as const;

export type Timespan = (typeof TIMESPANS)[number];

/** True when `value` is a timespan Frappe knows. */
export function isTimespan(value: unknown): value is Timespan {
  return typeof value === 'string' && (TIMESPANS as readonly string[]).includes(value.toLowerCase());
}

function monthStart(isoDate: string, offsetMonths: number): string {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + offsetMonths, 1)).toISOString().slice(0, 10);
}

function quarterStart(isoDate: string, offsetQuarters: number): string {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3);
  return new Date(Date.UTC(y, q * 3 + offsetQuarters * 3, 1)).toISOString().slice(0, 10);
}

function yearStart(isoDate: string, offsetYears: number): string {
  return `${Number(isoDate.slice(0, 4)) + offsetYears}-01-01`;
}

/**
 * `[from, to]` (inclusive calendar dates) for a timespan. Weeks start on Sunday, as Frappe's
 * System Settings default.
 */
export function timespanRange(span: Timespan, today: string): [string, string] {
  const weekStart = addDays(today, -dayOfWeek(today));
  switch (span.toLowerCase() as Timespan) {
    case 'yesterday':
      return [addDays(today, -1), addDays(today, -1)];
    case 'today':
      return [today, today];
    case 'tomorrow':
      return [addDays(today, 1), addDays(today, 1)];
    case 'last week':
      return [addDays(weekStart, -7), addDays(weekStart, -1)];
    case 'this week':
      return [weekStart, addDays(weekStart, 6)];
    case 'next week':
      return [addDays(weekStart, 7), addDays(weekStart, 13)];
    case 'last month':
      return [monthStart(today, -1), addDays(monthStart(today, 0), -1)];
    case 'this month':
      return [monthStart(today, 0), addDays(monthStart(today, 1), -1)];
    case 'next month':
      return [monthStart(today, 1), addDays(monthStart(today, 2), -1)];
    case 'last quarter':
      return [quarterStart(today, -1), addDays(quarterStart(today, 0), -1)];
    case 'this quarter':
      return [quarterStart(today, 0), addDays(quarterStart(today, 1), -1)];
    case 'next quarter':
      return [quarterStart(today, 1), addDays(quarterStart(today, 2), -1)];
    case 'last 6 months':
      return [monthStart(today, -6), today];
    case 'next 6 months':
      return [today, addDays(monthStart(today, 7), -1)];
    case 'last year':
      return [yearStart(today, -1), addDays(yearStart(today, 0), -1)];
    case 'this year':
      return [yearStart(today, 0), addDays(yearStart(today, 1), -1)];
    case 'next year':
      return [yearStart(today, 1), addDays(yearStart(today, 2), -1)];
    case 'last 7 days':
      return [addDays(today, -7), today];
    case 'last 14 days':
      return [addDays(today, -14), today];
    case 'last 30 days':
      return [addDays(today, -30), today];
    case 'last 90 days':
      return [addDays(today, -90), today];
  }
}
