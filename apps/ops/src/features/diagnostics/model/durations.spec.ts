import { describe, expect, it } from 'vitest';
import { elapsedParts, uptimeParts } from './durations';

describe('elapsed time (one unit, rounded down)', () => {
  it('uses minutes, then hours under two days, then days', () => {
    expect(elapsedParts(0)).toEqual({ kind: 'lessThanMinute' });
    expect(elapsedParts(-30)).toEqual({ kind: 'lessThanMinute' });
    expect(elapsedParts(59)).toEqual({ kind: 'lessThanMinute' });
    expect(elapsedParts(60)).toEqual({ kind: 'minutes', m: 1 });
    expect(elapsedParts(3599)).toEqual({ kind: 'minutes', m: 59 });
    expect(elapsedParts(3 * 3600 + 125)).toEqual({ kind: 'hours', h: 3 });
    expect(elapsedParts(47 * 3600 + 3599)).toEqual({ kind: 'hours', h: 47 });
    expect(elapsedParts(48 * 3600)).toEqual({ kind: 'days', d: 2 });
  });
});

describe('uptime (two units)', () => {
  it('gives minutes, hours and minutes, or days and hours', () => {
    expect(uptimeParts(42)).toEqual({ kind: 'lessThanMinute' });
    expect(uptimeParts(12 * 60 + 5)).toEqual({ kind: 'minutes', m: 12 });
    expect(uptimeParts(4 * 3600 + 12 * 60)).toEqual({ kind: 'hoursMinutes', h: 4, m: 12 });
    expect(uptimeParts(3 * 86400 + 4 * 3600 + 59 * 60)).toEqual({ kind: 'daysHours', d: 3, h: 4 });
  });
});
