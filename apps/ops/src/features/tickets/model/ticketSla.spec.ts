import { describe, expect, it } from 'vitest';
import { parseFrappeDatetime } from '@gigafibre/contracts';
import { durationParts, slaCountdown } from './ticketSla';

const at = (wall: string) => (parseFrappeDatetime(wall) as Date).getTime();

describe('slaCountdown', () => {
  const open = { status: 'Open', response_by: '2026-11-18 11:00:00', resolution_by: '2026-11-19 10:00:00', first_responded_on: null, resolution_date: null };

  it('counts down to the first response until there is one, then to the resolution', () => {
    expect(slaCountdown(open, at('2026-11-18 09:00:00'))).toMatchObject({ kind: 'response', minutes: 120, tone: 'ok' });
    expect(slaCountdown({ ...open, first_responded_on: '2026-11-18 09:30:00' }, at('2026-11-18 09:00:00'))).toMatchObject({ kind: 'resolution', minutes: 25 * 60, tone: 'ok' });
  });

  it('warns within the hour and says « en retard » once the deadline is passed', () => {
    expect(slaCountdown(open, at('2026-11-18 10:15:00'))).toMatchObject({ minutes: 45, tone: 'soon' });
    expect(slaCountdown(open, at('2026-11-18 11:00:00'))).toMatchObject({ minutes: 0, tone: 'overdue' });
    expect(slaCountdown(open, at('2026-11-18 11:20:30'))).toMatchObject({ minutes: -21, tone: 'overdue' });
  });

  it('has no countdown once resolved or closed, or without an SLA', () => {
    expect(slaCountdown({ ...open, status: 'Resolved' }, at('2026-11-18 09:00:00'))).toBeNull();
    expect(slaCountdown({ ...open, status: 'Closed' }, at('2026-11-18 09:00:00'))).toBeNull();
    expect(slaCountdown({ status: 'Open', response_by: null, resolution_by: null }, at('2026-11-18 09:00:00'))).toBeNull();
  });

  it('reads the deadlines as Montréal wall time, across the DST change', () => {
    // 2026-11-01 02:00 EDT → 01:00 EST: 01:30 happens twice; a deadline at 03:00 is 2.5 h after 01:30 EDT.
    const due = { status: 'Open', response_by: '2026-11-01 03:00:00', first_responded_on: null };
    expect(slaCountdown(due, Date.parse('2026-11-01T05:30:00Z'))?.minutes).toBe(150);
  });
});

describe('durationParts', () => {
  it('splits minutes into days, hours and minutes, late or not', () => {
    expect(durationParts(125)).toEqual({ days: 0, hours: 2, mins: 5 });
    expect(durationParts(-(3 * 1440 + 61))).toEqual({ days: 3, hours: 1, mins: 1 });
  });
});
