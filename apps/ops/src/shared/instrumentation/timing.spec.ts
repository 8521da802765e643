import { afterEach, describe, expect, it } from 'vitest';
import { clearTiming, markTiming, measureTiming, TIMING } from './timing';

const { writeStart, persisted, dropToPersisted } = TIMING.dispatch;

describe('timing marks', () => {
  afterEach(() => clearTiming(writeStart, persisted, dropToPersisted));

  it('marks and measures under the catalogue names, with the detail', () => {
    markTiming(writeStart, 'JOB-1');
    markTiming(persisted, 'JOB-1');
    const ms = measureTiming(dropToPersisted, writeStart, persisted, 'JOB-1');
    expect(ms).toBeGreaterThanOrEqual(0);
    const [entry] = performance.getEntriesByName(dropToPersisted);
    expect(entry?.entryType).toBe('measure');
    expect((entry as PerformanceMeasure).detail).toBe('JOB-1');
  });

  it('measures to now when no end mark is given', () => {
    markTiming(writeStart);
    expect(measureTiming(dropToPersisted, writeStart)).toBeGreaterThanOrEqual(0);
  });

  it('answers null instead of throwing when the start mark is missing', () => {
    expect(measureTiming(dropToPersisted, writeStart, persisted)).toBeNull();
    expect(performance.getEntriesByName(dropToPersisted)).toHaveLength(0);
  });

  it('clears earlier entries of a name', () => {
    markTiming(writeStart);
    markTiming(writeStart);
    clearTiming(writeStart);
    expect(performance.getEntriesByName(writeStart)).toHaveLength(0);
  });

  it('gives every name once, each prefixed by its screen', () => {
    const all = Object.entries(TIMING).flatMap(([screen, names]) => Object.values(names).map((name) => [screen, name] as const));
    expect(new Set(all.map(([, name]) => name)).size).toBe(all.length);
    for (const [screen, name] of all) expect(name.startsWith(`${screen}:`)).toBe(true);
  });
});
