import { describe, expect, it } from 'vitest';
import { shownDay, stepDay, techJobDayWindow } from './techJobDays';

describe('the days « Mes tâches » shows', () => {
  const today = '2026-03-06';
  it('spans a week back and two ahead (the technician window), across a month and the spring DST change', () => {
    expect(techJobDayWindow(today)).toEqual({ first: '2026-02-27', last: '2026-03-20' });
  });
  it('takes the route’s day inside the window, today otherwise', () => {
    expect(shownDay(undefined, today)).toBe(today);
    expect(shownDay('2026-03-09', today)).toBe('2026-03-09');
    expect(shownDay('2026-03-21', today)).toBe(today);
    expect(shownDay('2026-02-26', today)).toBe(today);
    expect(shownDay('demain', today)).toBe(today);
    expect(shownDay(['2026-03-09'], today)).toBe(today);
  });
  it('steps a day at a time and stops at the ends', () => {
    expect(stepDay('2026-03-07', 1, today)).toBe('2026-03-08');
    expect(stepDay('2026-03-08', 1, today)).toBe('2026-03-09');
    expect(stepDay('2026-03-20', 1, today)).toBeNull();
    expect(stepDay('2026-02-27', -1, today)).toBeNull();
  });
});
