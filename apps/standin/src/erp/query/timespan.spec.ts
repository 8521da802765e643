import { describe, expect, it } from 'vitest';
import { TIMESPANS, isTimespan, timespanRange } from './timespan';

describe('timespanRange', () => {
  const today = '2026-06-17'; // a Wednesday

  it('computes days, Sunday-started weeks, months, quarters and years', () => {
    expect(timespanRange('yesterday', today)).toEqual(['2026-06-16', '2026-06-16']);
    expect(timespanRange('today', today)).toEqual([today, today]);
    expect(timespanRange('tomorrow', today)).toEqual(['2026-06-18', '2026-06-18']);
    expect(timespanRange('last week', today)).toEqual(['2026-06-07', '2026-06-13']);
    expect(timespanRange('this week', today)).toEqual(['2026-06-14', '2026-06-20']);
    expect(timespanRange('next week', today)).toEqual(['2026-06-21', '2026-06-27']);
    expect(timespanRange('last month', today)).toEqual(['2026-05-01', '2026-05-31']);
    expect(timespanRange('this month', today)).toEqual(['2026-06-01', '2026-06-30']);
    expect(timespanRange('next month', today)).toEqual(['2026-07-01', '2026-07-31']);
    expect(timespanRange('last quarter', today)).toEqual(['2026-01-01', '2026-03-31']);
    expect(timespanRange('this quarter', today)).toEqual(['2026-04-01', '2026-06-30']);
    expect(timespanRange('next quarter', today)).toEqual(['2026-07-01', '2026-09-30']);
    expect(timespanRange('last year', today)).toEqual(['2025-01-01', '2025-12-31']);
    expect(timespanRange('this year', today)).toEqual(['2026-01-01', '2026-12-31']);
    expect(timespanRange('last 7 days', today)).toEqual(['2026-06-10', today]);
  });

  it('crosses year ends and leap days', () => {
    expect(timespanRange('last month', '2026-01-10')).toEqual(['2025-12-01', '2025-12-31']);
    expect(timespanRange('next month', '2028-01-31')).toEqual(['2028-02-01', '2028-02-29']);
    expect(timespanRange('last quarter', '2026-02-01')).toEqual(['2025-10-01', '2025-12-31']);
  });

  it('has a range for every name it accepts, case-insensitively', () => {
    for (const span of TIMESPANS) expect(timespanRange(span, today)[0] <= timespanRange(span, today)[1]).toBe(true);
    expect(isTimespan('This Week')).toBe(true);
    expect(isTimespan('next decade')).toBe(false);
    expect(isTimespan(7)).toBe(false);
  });
});
