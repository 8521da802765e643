import { describe, expect, it } from 'vitest';
import { DEFAULT_DENSITY, DEFAULT_ZOOM, HOUR_PX, parseDensity, parseZoom, stepZoom } from './dispatchZoom';

describe('dispatchZoom', () => {
  it('reads remembered choices, falling back to the defaults on anything else', () => {
    expect(parseZoom('detail')).toBe('detail');
    expect(parseZoom(null)).toBe(DEFAULT_ZOOM);
    expect(parseZoom('huge')).toBe(DEFAULT_ZOOM);
    expect(parseDensity('compact')).toBe('compact');
    expect(parseDensity('')).toBe(DEFAULT_DENSITY);
  });

  it('steps in and out within the levels, wider hours going in', () => {
    expect(stepZoom('day', 1)).toBe('hours');
    expect(stepZoom('hours', 1)).toBe('detail');
    expect(stepZoom('detail', 1)).toBe('detail');
    expect(stepZoom('day', -1)).toBe('day');
    expect(HOUR_PX.day).toBeLessThan(HOUR_PX.hours);
    expect(HOUR_PX.hours).toBeLessThan(HOUR_PX.detail);
  });

  it('gives a one-hour job room for its type and client at the default zoom', () => {
    // 11 px text ≈ 6 px a character: « Installation » (12) plus padding fits in 120 px.
    expect(HOUR_PX[DEFAULT_ZOOM]).toBeGreaterThanOrEqual(12 * 6 + 22);
  });
});
