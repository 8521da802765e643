import { describe, expect, it } from 'vitest';
import { fractionOf, GAUGE_SEGMENTS, GAUGE_TICKS, gaugeMarker } from './opticalGaugeScale';

describe('optical gauge scale', () => {
  it('draws contiguous bands covering the whole width, thresholds at −27, −25 and −8', () => {
    expect(GAUGE_SEGMENTS.map((s) => s.tone)).toEqual(['bad', 'marginal', 'good', 'bad']);
    expect(GAUGE_SEGMENTS[0]?.from).toBe(0);
    expect(GAUGE_SEGMENTS.at(-1)?.to).toBe(1);
    for (let i = 1; i < GAUGE_SEGMENTS.length; i++) expect(GAUGE_SEGMENTS[i]?.from).toBe(GAUGE_SEGMENTS[i - 1]?.to);
    expect(GAUGE_TICKS.map((t) => t.dbm)).toEqual([-27, -25, -8]);
    expect(fractionOf(-27)).toBeCloseTo(0.25, 6);
  });

  it('places the reading, clamped and flagged when off the scale', () => {
    expect(gaugeMarker(-28.4)).toEqual({ at: fractionOf(-28.4), offScale: null });
    expect(gaugeMarker(-40)).toEqual({ at: 0, offScale: 'below' });
    expect(gaugeMarker(1)).toEqual({ at: 1, offScale: 'above' });
    expect(gaugeMarker(-28400)?.at).toBeCloseTo(fractionOf(-28.4), 6);
    expect(gaugeMarker(null)).toBeNull();
  });
});
