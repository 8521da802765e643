// Words for the board's values in the UI language: statuses, job types, priorities, skills,
// times (« 13 h 30 »), durations (« 1 h 30 »), conflicts. The board asks for these thousands of
// times per render (800 cards), so each message is resolved once per language and reused.
import { useI18n } from 'vue-i18n';
import type { Conflict } from '../model/dispatchConflicts';
import { displayHour, displayTime } from '../model/dispatchTime';

const STATUS_KEYS: Record<string, string> = {
  Unscheduled: 'unscheduled',
  Scheduled: 'scheduled',
  'En Route': 'enRoute',
  'In Progress': 'inProgress',
  Completed: 'completed',
  'Not Completed': 'notCompleted',
  Cancelled: 'cancelled',
};
const TYPE_KEYS: Record<string, string> = { Installation: 'installation', Repair: 'repair', Relocation: 'relocation' };
const PRIORITY_KEYS: Record<string, string> = { Low: 'low', Medium: 'medium', High: 'high', Urgent: 'urgent' };
const ABSENCE_KEYS: Record<string, string> = { Vacation: 'vacation', Training: 'training', 'Sick Day': 'sick', Unavailable: 'unavailable' };
const SKILL_KEYS: Record<string, string> = { 'Fibre Splicing': 'splicing', Installation: 'installation', 'Wi-Fi/Mesh': 'wifi', Business: 'business' };

const CONFLICT_KIND_KEYS: Record<Conflict['kind'], string> = { overlap: 'kindOverlap', 'outside-shift': 'kindShift', absent: 'kindAbsent', 'missing-skill': 'kindSkill' };

/** A message with named placeholders, resolved once: `fill({ start, end })` only substitutes. */
type Template = (values: Record<string, string | number>) => string;

export function useDispatchLabels() {
  const { t, locale } = useI18n();
  const plain = new Map<string, string>();
  const templates = new Map<string, Template>();

  const message = (key: string) => {
    const cacheKey = `${locale.value}|${key}`;
    let text = plain.get(cacheKey);
    if (text === undefined) {
      text = t(key);
      plain.set(cacheKey, text);
    }
    return text;
  };
  const template = (key: string, names: readonly string[]): Template => {
    const cacheKey = `${locale.value}|${key}|${names.join()}`;
    let fill = templates.get(cacheKey);
    if (!fill) {
      // Resolve with markers, then split on them: later calls are plain concatenation.
      const marked = t(key, Object.fromEntries(names.map((n, i) => [n, `\u0000${i}\u0000`])));
      const parts = marked.split('\u0000');
      fill = (values) => parts.map((part, i) => (i % 2 === 1 ? String(values[names[Number(part)] as string] ?? '') : part)).join('');
      templates.set(cacheKey, fill);
    }
    return fill;
  };
  const lookup = (group: string, keys: Record<string, string>, value: string | null | undefined) => {
    if (!value) return '';
    const key = keys[value];
    return key ? message(`dispatch.${group}.${key}`) : value;
  };
  const time = (minutes: number) => displayTime(minutes, locale.value);
  const range = (start: number, end: number) => template('dispatch.timeRange', ['start', 'end'])({ start: time(start), end: time(end) });
  // A whole hour without its minutes (« 8 h », "8 a.m."): shifts fit the technicians' column in English too.
  const shortTime = (minutes: number) => (minutes % 60 === 0 ? displayHour(minutes / 60, locale.value) : time(minutes));
  const shortRange = (start: number, end: number) => `${shortTime(start)}–${shortTime(end)}`;
  const duration = (minutes: number) => {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    if (h === 0) return template('dispatch.durationMinutes', ['m'])({ m });
    return m === 0 ? template('dispatch.durationHours', ['h'])({ h }) : template('dispatch.durationHoursMinutes', ['h', 'm'])({ h, m: String(m).padStart(2, '0') });
  };
  const skill = (value: string | null | undefined) => lookup('skill', SKILL_KEYS, value);

  return {
    locale,
    /** A message without plural forms, from the per-language cache (hot paths: rows, cards). */
    format: (key: string, values: Record<string, string | number>) => template(key, Object.keys(values))(values),
    status: (value: string | null | undefined) => lookup('status', STATUS_KEYS, value),
    jobType: (value: string | null | undefined) => lookup('jobType', TYPE_KEYS, value),
    priority: (value: string | null | undefined) => lookup('priority', PRIORITY_KEYS, value),
    skill,
    time,
    range,
    /** « 8 h–16 h », "8 a.m.–4 p.m.": a shift in the technicians' column. */
    shortRange,
    duration,
    /** One conflict in a sentence; `describeJob` names the other job of an overlap. */
    conflict(c: Conflict, describeJob: (name: string) => string = (name) => name): string {
      if (c.kind === 'overlap') return t('dispatch.conflict.overlap', { job: describeJob(c.job), range: range(c.start, c.end) });
      if (c.kind === 'outside-shift') return t('dispatch.conflict.outsideShift', { range: range(c.shiftStart, c.shiftEnd) });
      if (c.kind === 'absent') return t('dispatch.conflict.absent', { reason: lookup('absence.reason', ABSENCE_KEYS, c.reason), range: range(c.start, Math.min(c.end, 24 * 60 - 1)) });
      return t('dispatch.conflict.missingSkill', { skill: skill(c.skill) });
    },
    conflictKind: (kind: Conflict['kind']) => message(`dispatch.conflict.${CONFLICT_KIND_KEYS[kind]}`),
    /** « Formation », "Training": a Technician Absence's reason. */
    absenceReason: (value: string | null | undefined) => lookup('absence.reason', ABSENCE_KEYS, value),
    /** « 19 nov. » / "Nov 19" for a `YYYY-MM-DD`. */
    shortDate: (date: string) => shortDateFormat(locale.value).format(new Date(`${date}T12:00:00Z`)),
    /** « jeu. 26 nov. » / "Thu, Nov 26". */
    shortDay: (date: string) => shortDayFormat(locale.value).format(new Date(`${date}T12:00:00Z`)),
  };
}

const formats = new Map<string, Intl.DateTimeFormat>();
function cachedFormat(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formats.get(`${key}|${locale}`);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(`${key}|${locale}`, f);
  }
  return f;
}
const shortDateFormat = (locale: string) => cachedFormat('date', locale, { day: 'numeric', month: 'short' });
const shortDayFormat = (locale: string) => cachedFormat('day', locale, { weekday: 'short', day: 'numeric', month: 'short' });

export type DispatchLabels = ReturnType<typeof useDispatchLabels>;
