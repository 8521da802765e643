import { describe, expect, it } from 'vitest';
import { backhaulQuality, wifiSignalQuality } from './signalQuality';

describe('Wi-Fi station signal (dBm)', () => {
  it('is good from −60, fair from −72, weak below; edges on the better side', () => {
    expect(wifiSignalQuality(-35)).toBe('good');
    expect(wifiSignalQuality(-60)).toBe('good');
    expect(wifiSignalQuality(-60.5)).toBe('fair');
    expect(wifiSignalQuality(-72)).toBe('fair');
    expect(wifiSignalQuality(-73)).toBe('weak');
    expect(wifiSignalQuality(-88)).toBe('weak');
  });

  it('says nothing without a reading', () => {
    expect(wifiSignalQuality(null)).toBeNull();
    expect(wifiSignalQuality(Number.NaN)).toBeNull();
  });
});

describe('mesh backhaul quality (%)', () => {
  it('is good from 70, fair from 40, weak below', () => {
    expect(backhaulQuality(78)).toBe('good');
    expect(backhaulQuality(70)).toBe('good');
    expect(backhaulQuality(69)).toBe('fair');
    expect(backhaulQuality(40)).toBe('fair');
    expect(backhaulQuality(39)).toBe('weak');
    expect(backhaulQuality(0)).toBe('weak');
    expect(backhaulQuality(null)).toBeNull();
  });
});
