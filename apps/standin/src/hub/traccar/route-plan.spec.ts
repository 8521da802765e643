import { describe, expect, it } from 'vitest';
import { bearing, distanceKm, positionAt, type Stop } from './route-plan';

const depot = { lat: 45.5462, lon: -73.6098 };
const stops: Stop[] = [
  { lat: 45.5282, lon: -73.5838, start: 8 * 60, end: 9 * 60 + 30 },
  { lat: 45.5229, lon: -73.6009, start: 10 * 60, end: 12 * 60 },
];

describe('technician positions', () => {
  it('waits at the depot before leaving and parks during a job', () => {
    expect(positionAt(depot, stops, 7 * 60, 6 * 60)).toMatchObject({ ...depot, speed: 0, moving: false });
    expect(positionAt(depot, stops, 7 * 60, 8 * 60 + 45)).toMatchObject({ lat: 45.5282, lon: -73.5838, speed: 0 });
    expect(positionAt(depot, stops, 7 * 60, 11 * 60)).toMatchObject({ lat: 45.5229, lon: -73.6009, speed: 0 });
  });

  it('drives between jobs at a plausible speed (knots) and heading, arriving on time', () => {
    // 1.3 km apart: a 10-minute drive, leaving at 09:50.
    const fix = positionAt(depot, stops, 7 * 60, 9 * 60 + 55);
    expect(fix.moving).toBe(true);
    expect(fix.speed).toBeGreaterThan(1);
    expect(fix.speed).toBeLessThan(60);
    expect(fix.course).toBeGreaterThanOrEqual(0);
    expect(fix.course).toBeLessThan(360);
    const justBefore = positionAt(depot, stops, 7 * 60, 10 * 60 - 0.01);
    expect(distanceKm(justBefore, stops[1] as Stop)).toBeLessThan(0.05);
  });

  it('moves continuously (no jumps over a minute of driving)', () => {
    let prev = positionAt(depot, stops, 7 * 60, 9 * 60 + 30);
    for (let m = 9 * 60 + 31; m <= 10 * 60; m++) {
      const next = positionAt(depot, stops, 7 * 60, m);
      expect(distanceKm(prev, next)).toBeLessThan(1.5);
      prev = next;
    }
  });

  it('goes home after the last job and stays there', () => {
    expect(positionAt(depot, stops, 7 * 60, 19 * 60)).toMatchObject({ ...depot, speed: 0 });
    expect(positionAt(depot, [], 7 * 60, 12 * 60)).toMatchObject({ ...depot, speed: 0 });
  });

  it('computes bearings', () => {
    expect(bearing({ lat: 45, lon: -73 }, { lat: 46, lon: -73 })).toBe(0);
    expect(bearing({ lat: 45, lon: -73 }, { lat: 45, lon: -72 })).toBe(90);
  });
});
