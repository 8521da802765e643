import { describe, expect, it } from 'vitest';
import { smsApproximateTime, smsClock, smsDate } from './smsWording';

describe('SMS wording in the customer’s language', () => {
  it('says a day in French or English', () => {
    expect(smsDate('2026-11-19', 'fr-CA')).toBe('jeudi 19 novembre');
    expect(smsDate('2026-11-19', 'en-CA')).toBe('Thursday, November 19');
    // A DST change day is still its own calendar day.
    expect(smsDate('2026-03-08', 'fr-CA')).toBe('dimanche 8 mars');
  });

  it('reads clocks the Quebec way in French, a.m./p.m. in English', () => {
    expect(smsClock(14 * 60 + 5, 'fr-CA')).toBe('14 h 05');
    expect(smsClock(14 * 60 + 5, 'en-CA')).toBe('2:05 p.m.');
    expect(smsClock(0, 'en-CA')).toBe('12:00 a.m.');
    expect(smsClock(12 * 60, 'en-CA')).toBe('12:00 p.m.');
    expect(smsClock(24 * 60 + 30, 'fr-CA')).toBe('0 h 30');
  });

  it('turns a start time into an approximate arrival, or null', () => {
    expect(smsApproximateTime('13:00:00', 'fr-CA')).toBe('vers 13 h 00');
    expect(smsApproximateTime('08:30', 'en-CA')).toBe('around 8:30 a.m.');
    expect(smsApproximateTime('bientôt', 'fr-CA')).toBeNull();
  });
});
