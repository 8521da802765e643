// Which day « Mes tâches » shows: today by default, or one the technician picked, within the days
// the BFF lets a technician read (TECHNICIAN_WINDOW: a week back, two ahead; Montréal days).
import { TECHNICIAN_WINDOW } from '@gigafibre/capabilities';
import { addDays, isIsoDate } from '@gigafibre/contracts';

export interface DayWindow {
  first: string;
  last: string;
}

/** The days a technician may look at, around `today` (both ends included). */
export function techJobDayWindow(today: string): DayWindow {
  return { first: addDays(today, -TECHNICIAN_WINDOW.daysBefore), last: addDays(today, TECHNICIAN_WINDOW.daysAfter) };
}

/** The day a route's `?day=` asks for: a date inside the window, else today. */
export function shownDay(query: unknown, today: string): string {
  if (!isIsoDate(query)) return today;
  const { first, last } = techJobDayWindow(today);
  return query < first || query > last ? today : query;
}

/** The day before or after, or null past the window's end. */
export function stepDay(day: string, step: -1 | 1, today: string): string | null {
  const next = addDays(day, step);
  const { first, last } = techJobDayWindow(today);
  return next < first || next > last ? null : next;
}
