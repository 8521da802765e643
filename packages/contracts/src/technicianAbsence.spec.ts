import { describe, expect, it } from 'vitest';
import { absenceDatesError, absenceMinutesOn, splitWallDatetime, wallDatetime } from './technicianAbsence';

describe('Technician Absence times', () => {
  it('reads Frappe Datetimes as Montréal wall time', () => {
    expect(splitWallDatetime('2026-11-18 13:30:00')).toEqual({ date: '2026-11-18', minutes: 810 });
    expect(splitWallDatetime('2026-11-18T07:05')).toEqual({ date: '2026-11-18', minutes: 425 });
    expect(splitWallDatetime('2026-11-18 24:00:00')).toBeNull();
    expect(splitWallDatetime('demain')).toBeNull();
    expect(wallDatetime('2026-11-18', 810)).toBe('2026-11-18 13:30:00');
  });

  it('gives the part of an absence on one day', () => {
    const hours = { from_datetime: '2026-11-18 13:00:00', to_datetime: '2026-11-18 15:30:00' };
    expect(absenceMinutesOn(hours, '2026-11-18')).toEqual({ start: 780, end: 930 });
    expect(absenceMinutesOn(hours, '2026-11-19')).toBeNull();
    const week = { from_datetime: '2026-11-16 00:00:00', to_datetime: '2026-11-21 00:00:00' };
    expect(absenceMinutesOn(week, '2026-11-15')).toBeNull();
    expect(absenceMinutesOn(week, '2026-11-16')).toEqual({ start: 0, end: 1440 });
    expect(absenceMinutesOn(week, '2026-11-20')).toEqual({ start: 0, end: 1440 });
    // Ends at midnight: the 21st is not touched.
    expect(absenceMinutesOn(week, '2026-11-21')).toBeNull();
    expect(absenceMinutesOn({ from_datetime: '2026-11-17 18:00:00', to_datetime: '2026-11-18 09:00:00' }, '2026-11-18')).toEqual({ start: 0, end: 540 });
  });

  it('says in French why dates cannot be saved', () => {
    expect(absenceDatesError('2026-11-18 13:00:00', '2026-11-18 15:00:00')).toBeNull();
    expect(absenceDatesError('2026-11-18 13:00:00', '2026-11-18 13:00:00')).toMatch(/suivre son début/);
    expect(absenceDatesError('2026-11-18 13:00:00', '2026-11-17 15:00:00')).toMatch(/suivre son début/);
    expect(absenceDatesError('x', '2026-11-18 15:00:00')).toMatch(/début/);
    expect(absenceDatesError('2026-11-18 13:00:00', null)).toMatch(/fin/);
    expect(absenceDatesError('2026-01-01 00:00:00', '2026-06-01 00:00:00')).toMatch(/au plus 92 jours/);
  });
});
