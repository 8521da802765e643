// Wall-clock arithmetic for the board. ERPNext stores a job's `scheduled_date` (`YYYY-MM-DD`) and
// `start_time` (`HH:mm:ss`) as Toronto wall time; the board works in minutes since local midnight
// and only turns them into instants where real elapsed time matters (the now-line, DST days:
// 2026-03-08 has 23 hours in Toronto, 2026-11-01 has 25).
import { isDstChangeDay, MINUTES_PER_DAY, montrealInstant, montrealWallClock } from '@gigafibre/contracts';

/** The board's slot: every placement snaps to a quarter hour. */
export const SLOT_MINUTES = 15;

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** Minutes since midnight of `HH:mm[:ss]`; null when absent or not a time of day. */
export function parseTime(value: string | null | undefined): number | null {
  if (!value) return null;
  const m = TIME.exec(value.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59 || Number(m[3] ?? 0) > 59) return null;
  return h * 60 + min;
}

/** `HH:mm:ss` as Frappe's Time fields hold it (seconds always 00 on the board). */
export function formatWireTime(minutes: number): string {
  const m = Math.max(0, Math.min(MINUTES_PER_DAY - 1, Math.round(minutes)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
}

const displayFormats = new Map<string, Intl.DateTimeFormat>();
/** « 13 h 30 » (fr-CA) / "1:30 p.m." (en-CA) for a wall-clock time, independent of any time zone. */
export function displayTime(minutes: number, locale: string): string {
  let f = displayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' });
    displayFormats.set(locale, f);
  }
  const m = ((Math.round(minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return f.format(Date.UTC(2000, 0, 1, Math.floor(m / 60), m % 60));
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();
/** « 7 h » (fr-CA) / "7 a.m." (en-CA): the time axis's labels. */
export function displayHour(hour: number, locale: string): string {
  // Intl pads French hours (« 07 h »); Quebec writes « 7 h ».
  if (locale.startsWith('fr')) return `${hour % 24} h`;
  let f = hourFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { hour: 'numeric', timeZone: 'UTC' });
    hourFormats.set(locale, f);
  }
  return f.format(Date.UTC(2000, 0, 1, hour % 24));
}

/** `minutes` rounded to the nearest slot (ties go later, like a dispatcher's eye). */
export function snapMinutes(minutes: number, step = SLOT_MINUTES): number {
  return Math.round(minutes / step) * step;
}

/**
 * Wall-clock end of a job starting at `start` on `date` and lasting `duration` real minutes. The
 * same as `start + duration` except across a clock change (01:30 + 60 min on 2026-03-08 ends at 03:30).
 */
export function wallEnd(date: string, start: number, duration: number, dstDay = isDstChangeDay(date)): number {
  if (!dstDay) return start + duration;
  const end = montrealWallClock(montrealInstant(date, start) + duration * 60_000);
  return end.date === date ? end.minutes : end.date > date ? MINUTES_PER_DAY + end.minutes : end.minutes - MINUTES_PER_DAY;
}

/** Real minutes elapsed between two wall-clock times of `date` (120 for 01:00→04:00 on 2026-03-08). */
export function elapsedMinutes(date: string, from: number, to: number): number {
  return Math.round((montrealInstant(date, to) - montrealInstant(date, from)) / 60_000);
}

/** Where the now-line goes on the board for `date`: minutes since midnight, or null on another day. */
export function nowLineMinutes(date: string, nowMs = Date.now()): number | null {
  const wall = montrealWallClock(nowMs);
  return wall.date === date ? wall.minutes : null;
}

/** A time range on the board, in minutes since midnight. */
export interface Axis {
  start: number;
  end: number;
}

/** 07:00–20:00 unless the day's jobs or shifts need more, widened to whole hours. */
export const DEFAULT_AXIS: Axis = { start: 7 * 60, end: 20 * 60 };

export function axisFor(ranges: Iterable<{ start: number; end: number }>, base: Axis = DEFAULT_AXIS): Axis {
  let start = base.start;
  let end = base.end;
  for (const r of ranges) {
    if (r.start < start) start = r.start;
    if (r.end > end) end = r.end;
  }
  return { start: Math.max(0, Math.floor(start / 60) * 60), end: Math.min(MINUTES_PER_DAY, Math.ceil(end / 60) * 60) };
}

/**
 * The slot a pointer designates: `offsetPx` into a row `widthPx` wide showing `axis`, minus where
 * the card was grabbed (`grabMinutes` from its start), snapped, and kept so the job fits the axis.
 */
export function slotAt(offsetPx: number, widthPx: number, axis: Axis, duration: number, grabMinutes = 0): number {
  const span = axis.end - axis.start;
  const raw = axis.start + (widthPx > 0 ? (offsetPx / widthPx) * span : 0) - grabMinutes;
  const latest = Math.max(axis.start, Math.floor((axis.end - Math.min(Math.max(duration, SLOT_MINUTES), span)) / SLOT_MINUTES) * SLOT_MINUTES);
  return Math.min(Math.max(snapMinutes(raw), axis.start), latest);
}

/**
 * The slot the pointer itself designates, before `slotAt` keeps the job within the axis: when the two
 * differ, the drop moved the start (a 4 h job dropped at 18:45 on a day ending at 21:00 starts at
 * 17:00), and the dispatcher must be told before booking.
 */
export function pointedSlot(offsetPx: number, widthPx: number, axis: Axis, grabMinutes = 0): number {
  const span = axis.end - axis.start;
  return snapMinutes(axis.start + (widthPx > 0 ? (offsetPx / widthPx) * span : 0) - grabMinutes);
}

/** Every slot start between `from` and `to` (exclusive), for pickers. */
export function slotsBetween(from: number, to: number, step = SLOT_MINUTES): number[] {
  const out: number[] = [];
  for (let m = Math.ceil(from / step) * step; m < to; m += step) out.push(m);
  return out;
}
