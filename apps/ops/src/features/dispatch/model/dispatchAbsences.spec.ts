import type { AbsenceType } from '@gigafibre/contracts';
import { describe, expect, it } from 'vitest';
import { absenceBlocks, absenceBody, absenceFormErrors, absencesByTechnician, type AbsenceForm } from './dispatchAbsences';
import type { BoardAbsence } from './dispatchTypes';

const abs = (name: string, technician: string, from: string, to: string, reason: AbsenceType = 'Training'): BoardAbsence => ({ name, technician, from_datetime: from, to_datetime: to, reason_type: reason, note: null });

describe('absences on the board’s day', () => {
  it('cuts each absence to the day and groups them per technician', () => {
    const all = [
      abs('ABS-3', 'TECH-002', '2026-11-18 15:30:00.000000', '2026-11-18 17:30:00.000000'),
      abs('ABS-1', 'TECH-007', '2026-11-16 00:00:00', '2026-11-21 00:00:00', 'Vacation'),
      abs('ABS-2', 'TECH-002', '2026-11-19 07:00:00', '2026-11-19 09:00:00'),
    ];
    const blocks = absenceBlocks(all, '2026-11-18');
    expect(blocks.map((b) => [b.name, b.start, b.end])).toEqual([
      ['ABS-1', 0, 1440],
      ['ABS-3', 930, 1050],
    ]);
    expect([...absencesByTechnician(blocks).keys()]).toEqual(['TECH-007', 'TECH-002']);
  });
});

describe('the absence form', () => {
  const form: AbsenceForm = { technician: 'TECH-002', reason: 'Training', fromDate: '2026-11-18', fromTime: '13:00', toDate: '2026-11-18', toTime: '15:00', note: ' Formation ' };

  it('builds the POST body of a valid form', () => {
    expect(absenceFormErrors(form)).toEqual({});
    expect(absenceBody(form)).toEqual({ technician: 'TECH-002', from_datetime: '2026-11-18 13:00:00', to_datetime: '2026-11-18 15:00:00', reason_type: 'Training', note: 'Formation' });
    expect(absenceBody({ ...form, note: '  ' }).note).toBeNull();
  });

  it('names each wrong field', () => {
    expect(absenceFormErrors({ ...form, reason: null })).toEqual({ reason: 'reasonRequired' });
    expect(absenceFormErrors({ ...form, fromTime: '25:00' })).toEqual({ from: 'fromInvalid' });
    expect(absenceFormErrors({ ...form, toDate: '' })).toEqual({ to: 'toInvalid' });
    expect(absenceFormErrors({ ...form, toTime: '13:00' })).toEqual({ to: 'toBeforeFrom' });
    expect(absenceFormErrors({ ...form, toDate: '2026-11-17', toTime: '18:00' })).toEqual({ to: 'toBeforeFrom' });
    expect(absenceFormErrors({ ...form, toDate: '2027-03-01' })).toEqual({ to: 'tooLong' });
    expect(absenceFormErrors({ ...form, note: 'x'.repeat(501) })).toEqual({ note: 'noteTooLong' });
    expect(() => absenceBody({ ...form, reason: null })).toThrow();
  });
});
