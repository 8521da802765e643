import { describe, expect, it } from 'vitest';
import { anchorClockSetting, clockFromSetting, clockStartingAt, parseClockSetting } from './clock';
import { montrealWallClock } from './montrealTime';

describe('parseClockSetting', () => {
  it('reads a Montréal wall time, whatever the machine’s zone', () => {
    expect(new Date(parseClockSetting('2026-11-18T23:30')).toISOString()).toBe('2026-11-19T04:30:00.000Z');
    expect(new Date(parseClockSetting('2026-07-01 06:00:30')).toISOString()).toBe('2026-07-01T10:00:30.000Z');
    // The DST days of 2026, late in the evening.
    expect(montrealWallClock(parseClockSetting('2026-03-08T23:30'))).toMatchObject({ date: '2026-03-08', time: '23:30:00' });
    expect(montrealWallClock(parseClockSetting('2026-11-01T23:30'))).toMatchObject({ date: '2026-11-01', time: '23:30:00' });
  });

  it('reads an ISO instant with its zone', () => {
    expect(parseClockSetting('2026-11-18T12:00:00Z')).toBe(Date.parse('2026-11-18T12:00:00Z'));
    expect(parseClockSetting('2026-11-18T12:00:00-05:00')).toBe(Date.parse('2026-11-18T17:00:00Z'));
  });

  it('refuses anything else with a French reason', () => {
    for (const bad of ['', 'demain', '2026-02-30T10:00', '2026-11-18T25:00', '2026-11-18', '1700000000000']) {
      expect(() => parseClockSetting(bad), bad).toThrow(/heure invalide/);
    }
  });
});

describe('clocks', () => {
  it('starts at the chosen moment and runs at real pace', () => {
    let real = 1_000_000;
    const clock = clockStartingAt(Date.parse('2026-11-18T17:00:00Z'), () => real);
    expect(new Date(clock()).toISOString()).toBe('2026-11-18T17:00:00.000Z');
    real += 90_000;
    expect(new Date(clock()).toISOString()).toBe('2026-11-18T17:01:30.000Z');
  });

  it('an anchored setting gives every process the same clock, whenever it starts', () => {
    const setting = anchorClockSetting('2026-11-18T12:00', 5_000_000);
    expect(setting).toBe('2026-11-18T12:00@5000000');
    expect(anchorClockSetting(setting, 9)).toBe(setting); // anchored once
    const early = clockFromSetting(setting, () => 5_000_000);
    const late = clockFromSetting(setting, () => 5_004_000); // a process started 4 s later
    expect(late()).toBe(early() + 4_000);
    expect(early()).toBe(Date.parse('2026-11-18T17:00:00Z'));
  });

  it('an unanchored setting starts when read', () => {
    const clock = clockFromSetting('2026-11-18T12:00', () => 42);
    expect(clock()).toBe(Date.parse('2026-11-18T17:00:00Z'));
    expect(() => clockFromSetting('2026-11-18T12:00@soon')).toThrow(/heure invalide/);
  });
});
