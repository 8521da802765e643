import { describe, expect, it } from 'vitest';
import { etaWindow, formatEtaWindow, haversineKm, travelMinutes } from './enRouteEta';

const PLATEAU = { latitude: 45.5, longitude: -73.6 };
const NORTH = { latitude: 45.55, longitude: -73.6 };

describe('en route ETA', () => {
  it('measures great-circle distances', () => {
    // 0.05° of latitude is 5.56 km; Montréal → Québec is about 233 km as the crow flies.
    expect(haversineKm(PLATEAU, NORTH)).toBeCloseTo(5.56, 2);
    expect(haversineKm({ latitude: 45.5017, longitude: -73.5673 }, { latitude: 46.8139, longitude: -71.208 })).toBeCloseTo(233, -1);
    expect(haversineKm(PLATEAU, PLATEAU)).toBe(0);
  });

  it('drives the distance × 1.3 at 40 km/h', () => {
    expect(travelMinutes(PLATEAU, NORTH)).toBeCloseTo((5.559 * 1.3 * 60) / 40, 1);
  });

  it('rounds the arrival to a 20-minute window on Montréal’s clock', () => {
    // 14 h 10 in December (UTC−5), 10.8 minutes away → 14 h 20.8 → 14 h 20 – 14 h 40.
    const w = etaWindow(Date.parse('2026-12-07T19:10:00Z'), PLATEAU, NORTH);
    expect(w).toEqual({ start: 14 * 60 + 20, end: 14 * 60 + 40 });
    expect(formatEtaWindow(w, 'fr-CA')).toBe('entre 14 h 20 et 14 h 40');
    expect(formatEtaWindow(w, 'en-CA')).toBe('between 2:20 p.m. and 2:40 p.m.');
    // Already there: the window starts now (on the grid). Summer is UTC−4.
    expect(etaWindow(Date.parse('2026-07-01T13:05:00Z'), PLATEAU, PLATEAU)).toEqual({ start: 9 * 60, end: 9 * 60 + 20 });
  });

  it('writes noon, midnight and a window past midnight', () => {
    expect(formatEtaWindow({ start: 11 * 60 + 40, end: 12 * 60 }, 'en-CA')).toBe('between 11:40 a.m. and 12:00 p.m.');
    expect(formatEtaWindow({ start: 23 * 60 + 40, end: 24 * 60 }, 'fr-CA')).toBe('entre 23 h 40 et 0 h 00');
  });
});
