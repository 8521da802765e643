// Technician Absence: a technician's time off or unavailable block (vacation, training, a sick day,
// a few hours at the garage), a custom doctype of the Gigafibre app rather than ERPNext HR's
// Leave Application, because:
// - technicians are not all Employees in this ERP (subcontractors have a Technician record and no
//   Employee), and Leave Application needs an Employee and a Leave Type with allocations;
// - a dispatcher blocks a few hours (a training from 13:00 to 15:00), while Leave Application counts
//   whole or half days (`half_day`), never a time of day;
// - dispatch writes them directly, without HR's approval workflow (Leave Application's
//   Open → Approved by a leave approver).
// Both ends are Montréal wall time as Frappe stores a Datetime (`YYYY-MM-DD HH:mm:ss`); the block
// runs from `from_datetime` (included) to `to_datetime` (excluded).
import { MINUTES_PER_DAY, addDays } from './montrealTime';

/** Why the technician is away. */
export const ABSENCE_TYPES = ['Vacation', 'Training', 'Sick Day', 'Unavailable'] as const;
/** A kind of absence. */
export type AbsenceType = (typeof ABSENCE_TYPES)[number];

/** Fields of a Technician Absence the board reads and the dispatcher writes. */
export const ABSENCE_WRITE_FIELDS = ['technician', 'from_datetime', 'to_datetime', 'reason_type', 'note'] as const;

/** Longest absence one record may hold (a long leave is several records): 92 days. */
export const MAX_ABSENCE_DAYS = 92;

const DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** `2026-11-18 13:30:00` → { date: '2026-11-18', minutes: 810 }; null when it is not a Datetime. */
export function splitWallDatetime(value: string | null | undefined): { date: string; minutes: number } | null {
  const m = DATETIME.exec(value ?? '');
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 23 || minutes > 59) return null;
  return { date: m[1] as string, minutes: hours * 60 + minutes };
}

/** `2026-11-18`, 810 → `2026-11-18 13:30:00`. */
export function wallDatetime(date: string, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const mm = minutes % 60;
  return `${date} ${String(h).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00`;
}

/**
 * The part of an absence that falls on `day`, in minutes since that day's midnight (end excluded,
 * up to 1440), or null when it does not touch the day (or its ends are not Datetimes).
 */
export function absenceMinutesOn(absence: { from_datetime: string | null; to_datetime: string | null }, day: string): { start: number; end: number } | null {
  const from = splitWallDatetime(absence.from_datetime);
  const to = splitWallDatetime(absence.to_datetime);
  if (!from || !to) return null;
  if (from.date > day || to.date < day) return null;
  const start = from.date < day ? 0 : from.minutes;
  const end = to.date > day ? MINUTES_PER_DAY : to.minutes;
  return end > start ? { start, end } : null;
}

/** Why an absence's dates cannot be saved (French, for the dispatcher and the ERP's error), or null. */
export function absenceDatesError(from: string | null | undefined, to: string | null | undefined): string | null {
  const a = splitWallDatetime(from);
  const b = splitWallDatetime(to);
  if (!a) return 'Le début de l’absence n’est pas une date et heure valides';
  if (!b) return 'La fin de l’absence n’est pas une date et heure valides';
  if (b.date < a.date || (b.date === a.date && b.minutes <= a.minutes)) return 'La fin de l’absence doit suivre son début';
  if (b.date > addDays(a.date, MAX_ABSENCE_DAYS)) return `Une absence dure au plus ${MAX_ABSENCE_DAYS} jours : saisissez-en plusieurs`;
  return null;
}
