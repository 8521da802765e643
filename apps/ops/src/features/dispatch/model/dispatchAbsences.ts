// Technicians' absences on the board's day: each Technician Absence cut to the day (a week of
// vacation is a whole-day block on each of its days), grouped per technician for the conflict
// rules and the rows; and the checks of the « Ajouter une absence » form, before anything is sent.
import { absenceMinutesOn, ABSENCE_TYPES, splitWallDatetime, wallDatetime, MAX_ABSENCE_DAYS, addDays, type AbsenceType } from '@gigafibre/contracts';
import type { AbsenceBlock, BoardAbsence } from './dispatchTypes';

/** The day's blocks, in start order. */
export function absenceBlocks(absences: readonly BoardAbsence[], day: string): AbsenceBlock[] {
  const out: AbsenceBlock[] = [];
  for (const a of absences) {
    const part = absenceMinutesOn(a, day);
    if (part) out.push({ name: a.name, technician: a.technician, start: part.start, end: part.end, reason: a.reason_type, note: a.note });
  }
  return out.sort((a, b) => a.start - b.start || a.name.localeCompare(b.name));
}

/** Blocks per technician. */
export function absencesByTechnician(blocks: readonly AbsenceBlock[]): Map<string, AbsenceBlock[]> {
  const out = new Map<string, AbsenceBlock[]>();
  for (const b of blocks) {
    const list = out.get(b.technician);
    if (list) list.push(b);
    else out.set(b.technician, [b]);
  }
  return out;
}

/** What the dispatcher fills in: dates `YYYY-MM-DD`, times `HH:mm`. */
export interface AbsenceForm {
  technician: string;
  reason: AbsenceType | null;
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
  note: string;
}

/** Why the form cannot be sent, as message keys (`dispatch.absence.errors.*`) per field. */
export type AbsenceFormErrors = Partial<Record<'reason' | 'from' | 'to' | 'note', string>>;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** A note fits the ERP's Text field and a dispatcher's screen. */
export const ABSENCE_NOTE_MAX = 500;

const datetimeOf = (date: string, time: string) => (TIME.test(time) ? splitWallDatetime(`${date} ${time}:00`) : null);

export function absenceFormErrors(form: AbsenceForm): AbsenceFormErrors {
  const errors: AbsenceFormErrors = {};
  if (!form.reason || !(ABSENCE_TYPES as readonly string[]).includes(form.reason)) errors.reason = 'reasonRequired';
  const from = datetimeOf(form.fromDate, form.fromTime);
  const to = datetimeOf(form.toDate, form.toTime);
  if (!from) errors.from = 'fromInvalid';
  if (!to) errors.to = 'toInvalid';
  if (from && to) {
    if (to.date < from.date || (to.date === from.date && to.minutes <= from.minutes)) errors.to = 'toBeforeFrom';
    else if (to.date > addDays(from.date, MAX_ABSENCE_DAYS)) errors.to = 'tooLong';
  }
  if (form.note.length > ABSENCE_NOTE_MAX) errors.note = 'noteTooLong';
  return errors;
}

/** The POST body of a valid form (the ends as Frappe Datetimes, Montréal wall time). */
export function absenceBody(form: AbsenceForm): Pick<BoardAbsence, 'technician' | 'from_datetime' | 'to_datetime' | 'reason_type' | 'note'> {
  const from = datetimeOf(form.fromDate, form.fromTime);
  const to = datetimeOf(form.toDate, form.toTime);
  if (!from || !to || !form.reason) throw new Error('absenceBody: the form is not valid');
  return {
    technician: form.technician,
    from_datetime: wallDatetime(from.date, from.minutes),
    to_datetime: wallDatetime(to.date, to.minutes),
    reason_type: form.reason,
    note: form.note.trim() || null,
  };
}
