import { describe, expect, it } from 'vitest';
import { asDbm, OPTICAL_LIMITS, opticalBand, opticalReading } from './opticalBand';

describe('optical bands (dBm)', () => {
  it('puts each exact edge on its documented side', () => {
    expect(opticalBand(-8)).toBe('good');
    expect(opticalBand(-25)).toBe('good');
    expect(opticalBand(-27)).toBe('marginal');
  });

  it('leaves the band just past each edge', () => {
    expect(opticalReading(-7.999)).toBe('overload');
    expect(opticalReading(-8.001)).toBe('good');
    expect(opticalReading(-24.999)).toBe('good');
    expect(opticalReading(-25.001)).toBe('marginal');
    expect(opticalReading(-26.999)).toBe('marginal');
    expect(opticalReading(-27.001)).toBe('weak');
    expect(opticalBand(-27.001)).toBe('bad');
    expect(opticalBand(-7.999)).toBe('bad');
  });

  it('names the standin fixtures as the issue does', () => {
    expect(opticalReading(-28.4)).toBe('weak');
    expect(opticalReading(-26.2)).toBe('marginal');
    expect(opticalReading(-6.5)).toBe('overload');
    expect(opticalReading(-17.85)).toBe('good');
  });

  it('tells no light (a dark fibre) from a weak level, and no reading from both', () => {
    expect(opticalReading(-40)).toBe('no-light');
    expect(opticalReading(OPTICAL_LIMITS.noLightBelowDbm)).toBe('weak');
    expect(opticalReading(null)).toBe('unknown');
    expect(opticalReading(undefined)).toBe('unknown');
    expect(opticalReading(Number.NaN)).toBe('unknown');
    expect(opticalBand(null)).toBe('unknown');
  });
});

describe('units', () => {
  it('keeps the hub’s dBm as they are: nothing is divided twice', () => {
    expect(asDbm(-28.4)).toBe(-28.4);
    expect(asDbm(-6.5)).toBe(-6.5);
    expect(asDbm(-0.5)).toBe(-0.5);
    expect(asDbm(2.31)).toBe(2.31);
  });

  it('reads a raw TR-181 value (thousandths of a dBm) that slipped through as dBm', () => {
    expect(asDbm(-28400)).toBeCloseTo(-28.4, 6);
    expect(asDbm(-27000)).toBe(-27);
    expect(opticalBand(-27000)).toBe('marginal');
    expect(opticalReading(-28400)).toBe('weak');
    expect(opticalReading(-6500)).toBe('overload');
    expect(asDbm(null)).toBeNull();
    expect(asDbm(Number.POSITIVE_INFINITY)).toBeNull();
  });
});
