import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayLengthMinutes,
  dayOfWeek,
  frappeTimestamp,
  isDstChangeDay,
  isIsoDate,
  minutesOf,
  montrealInstant,
  montrealToday,
  montrealWallClock,
  parseFrappeDatetime,
  timeOf,
} from './montrealTime';

const SPRING = '2026-03-08'; // 02:00 EST → 03:00 EDT
const AUTUMN = '2026-11-01'; // 02:00 EDT → 01:00 EST
const iso = (ms: number) => new Date(ms).toISOString();
const utc = (text: string) => Date.parse(text);

describe('montrealToday: Montréal’s day, never UTC’s nor the machine’s', () => {
  it('is still the same day in the UTC evening (19:00–23:59 Montréal is the next UTC day)', () => {
    // Winter (EST, UTC−5): 19:00 → 00:00Z next day; 23:59 → 04:59Z.
    expect(montrealToday(utc('2026-12-07T00:00:00Z'))).toBe('2026-12-06');
    expect(montrealToday(utc('2026-12-07T04:59:59Z'))).toBe('2026-12-06');
    expect(montrealToday(utc('2026-12-07T05:00:00Z'))).toBe('2026-12-07');
    // Summer (EDT, UTC−4): the day turns at 04:00Z.
    expect(montrealToday(utc('2026-07-02T03:59:59Z'))).toBe('2026-07-01');
    expect(montrealToday(utc('2026-07-02T04:00:00Z'))).toBe('2026-07-02');
    // Year end: 23:30 on 31 December is still last year.
    expect(montrealToday(utc('2027-01-01T04:30:00Z'))).toBe('2026-12-31');
  });

  it('does not depend on the machine’s zone (CI may run in UTC, a laptop in Vancouver)', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/Vancouver', 'Asia/Tokyo', 'America/Toronto']) {
        process.env.TZ = zone;
        expect(montrealToday(utc('2026-12-07T02:30:00Z')), zone).toBe('2026-12-06');
        expect(parseFrappeDatetime('2026-12-06 21:30:00')?.toISOString(), zone).toBe('2026-12-07T02:30:00.000Z');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('is the same day at the five hours the e2e suite runs at', () => {
    for (const [hour, z] of [
      ['06:00', '2026-11-18T11:00:00Z'],
      ['12:00', '2026-11-18T17:00:00Z'],
      ['18:30', '2026-11-18T23:30:00Z'],
      ['23:30', '2026-11-19T04:30:00Z'],
      ['00:30', '2026-11-18T05:30:00Z'],
    ] as const) {
      const wall = montrealWallClock(utc(z));
      expect(wall.date, hour).toBe('2026-11-18');
      expect(wall.time.slice(0, 5), hour).toBe(hour);
    }
  });

  it('follows the wall clock across both changes', () => {
    // Spring: at 23:30 EDT the UTC date is already the 9th.
    expect(montrealToday(utc('2026-03-09T03:30:00Z'))).toBe(SPRING);
    expect(montrealToday(utc('2026-03-08T04:59:00Z'))).toBe('2026-03-07'); // 23:59 EST the day before
    // Autumn: 23:30 EST is 04:30Z on the 2nd.
    expect(montrealToday(utc('2026-11-02T04:30:00Z'))).toBe(AUTUMN);
    expect(montrealToday(utc('2026-11-01T03:59:00Z'))).toBe('2026-10-31'); // 23:59 EDT the day before
  });
});

describe('wall clock ↔ instants', () => {
  it('knows how long each day is', () => {
    expect(dayLengthMinutes('2026-03-07')).toBe(1440);
    expect(dayLengthMinutes(SPRING)).toBe(23 * 60);
    expect(dayLengthMinutes(AUTUMN)).toBe(25 * 60);
    expect(isDstChangeDay(SPRING)).toBe(true);
    expect(isDstChangeDay(AUTUMN)).toBe(true);
    expect(isDstChangeDay('2026-07-01')).toBe(false);
  });

  it('turns wall-clock times into instants on either side of a change', () => {
    expect(iso(montrealInstant('2026-03-07', 420))).toBe('2026-03-07T12:00:00.000Z'); // EST
    expect(iso(montrealInstant(SPRING, 60))).toBe('2026-03-08T06:00:00.000Z'); // 01:00 EST
    expect(iso(montrealInstant(SPRING, 180))).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(iso(montrealInstant(SPRING, 420))).toBe('2026-03-08T11:00:00.000Z'); // 07:00 EDT
    // 02:30 does not exist that night: read as 03:30 EDT.
    expect(iso(montrealInstant(SPRING, 150))).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice in the autumn: the first one (EDT).
    expect(iso(montrealInstant(AUTUMN, 90))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(montrealInstant(AUTUMN, 180))).toBe('2026-11-01T08:00:00.000Z'); // 03:00 EST
    expect(iso(montrealInstant(AUTUMN, 420))).toBe('2026-11-01T12:00:00.000Z'); // 07:00 EST
    expect(iso(montrealInstant(AUTUMN, 23 * 60 + 30))).toBe('2026-11-02T04:30:00.000Z'); // 23:30 EST
  });

  it('reads instants back on the wall clock', () => {
    expect(montrealWallClock(utc('2026-03-08T06:59:00Z'))).toEqual({ date: SPRING, time: '01:59:00', minutes: 119 });
    expect(montrealWallClock(utc('2026-03-08T07:00:00Z'))).toEqual({ date: SPRING, time: '03:00:00', minutes: 180 });
    expect(montrealWallClock(utc('2026-11-01T05:59:00Z'))).toEqual({ date: AUTUMN, time: '01:59:00', minutes: 119 });
    expect(montrealWallClock(utc('2026-11-01T06:00:00Z'))).toEqual({ date: AUTUMN, time: '01:00:00', minutes: 60 });
    expect(montrealWallClock(new Date('2026-11-18T17:00:30Z')).minutes).toBe(12 * 60 + 0.5);
  });
});

describe('Frappe’s naive timestamps (Montréal wall time)', () => {
  it('reads them across DST', () => {
    expect(parseFrappeDatetime('2025-07-15 09:30:00.000000')?.toISOString()).toBe('2025-07-15T13:30:00.000Z'); // EDT −4
    expect(parseFrappeDatetime('2025-01-15 09:30:00')?.toISOString()).toBe('2025-01-15T14:30:00.000Z'); // EST −5
    expect(parseFrappeDatetime('2025-03-09 03:30')?.toISOString()).toBe('2025-03-09T07:30:00.000Z'); // just after spring-forward
    expect(parseFrappeDatetime('2025-11-02 00:30:00')?.toISOString()).toBe('2025-11-02T04:30:00.000Z');
    expect(parseFrappeDatetime('2025-11-26')?.toISOString()).toBe('2025-11-26T05:00:00.000Z');
    expect(parseFrappeDatetime('2025-11-26 23:45:10.250000')?.toISOString()).toBe('2025-11-27T04:45:10.250Z');
    expect(parseFrappeDatetime('2025-11-26T14:00:00Z')?.toISOString()).toBe('2025-11-26T14:00:00.000Z');
  });

  it('refuses what is not a timestamp', () => {
    expect(parseFrappeDatetime('demain')).toBeNull();
    expect(parseFrappeDatetime('2025-02-30 10:00:00')).toBeNull();
    expect(parseFrappeDatetime('2025-11-26 24:10:00')).toBeNull();
  });

  it('writes them, and reads back what it wrote', () => {
    const at = utc('2026-11-19T04:30:15.042Z'); // 23:30:15 EST on the 18th
    expect(frappeTimestamp(at)).toBe('2026-11-18 23:30:15.042000');
    expect(frappeTimestamp(new Date(at))).toBe('2026-11-18 23:30:15.042000');
    expect(parseFrappeDatetime(frappeTimestamp(at))?.getTime()).toBe(at);
  });
});

describe('calendar dates and times of day', () => {
  it('adds days across months, years and DST changes', () => {
    expect(addDays('2026-03-07', 1)).toBe(SPRING);
    expect(addDays(SPRING, 1)).toBe('2026-03-09');
    expect(addDays('2026-10-31', 1)).toBe(AUTUMN);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(dayOfWeek('2026-11-18')).toBe(3); // a Wednesday
  });

  it('accepts real dates only', () => {
    expect(isIsoDate('2026-03-08')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-3-8')).toBe(false);
    expect(isIsoDate(20260308)).toBe(false);
  });

  it('converts times of day', () => {
    expect(minutesOf('13:30:00')).toBe(810);
    expect(timeOf(810)).toBe('13:30:00');
    expect(timeOf(0)).toBe('00:00:00');
  });
});
