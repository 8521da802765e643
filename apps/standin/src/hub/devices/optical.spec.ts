import { describe, expect, it } from 'vitest';
import { milliDbmToDbm, opticalBand } from './optical';

describe('TR-181 optical levels', () => {
  it('converts thousandths of a dBm to dBm without losing the thousandths', () => {
    expect(milliDbmToDbm(-18520)).toBe(-18.52);
    expect(milliDbmToDbm(-28404)).toBe(-28.404);
    expect(milliDbmToDbm(2815)).toBe(2.815);
    expect(milliDbmToDbm('-25000')).toBe(-25);
    expect(milliDbmToDbm(0)).toBe(0);
  });

  it('has no reading for empty or non-numeric values', () => {
    expect(milliDbmToDbm('')).toBeNull();
    expect(milliDbmToDbm(undefined)).toBeNull();
    expect(milliDbmToDbm('n/a')).toBeNull();
  });

  it('bands at −8, −25 and −27 dBm exactly', () => {
    expect(opticalBand(-7.99)).toBe('bad');
    expect(opticalBand(-8)).toBe('good');
    expect(opticalBand(-18)).toBe('good');
    expect(opticalBand(-25)).toBe('good');
    expect(opticalBand(-25.01)).toBe('marginal');
    expect(opticalBand(-27)).toBe('marginal');
    expect(opticalBand(-27.01)).toBe('bad');
    expect(opticalBand(-40)).toBe('bad');
    expect(opticalBand(null)).toBe('unknown');
  });

  it('bands the converted value, end to end', () => {
    expect(opticalBand(milliDbmToDbm(-8000))).toBe('good');
    expect(opticalBand(milliDbmToDbm(-25000))).toBe('good');
    expect(opticalBand(milliDbmToDbm(-27000))).toBe('marginal');
    expect(opticalBand(milliDbmToDbm(-27001))).toBe('bad');
    expect(opticalBand(milliDbmToDbm(-7999))).toBe('bad');
  });
});
