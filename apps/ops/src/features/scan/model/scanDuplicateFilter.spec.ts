import { describe, expect, it } from 'vitest';
import { createDuplicateFilter } from './scanDuplicateFilter';

describe('duplicate suppression in continuous mode', () => {
  it('takes a code held in view once, however many frames read it', () => {
    const filter = createDuplicateFilter(2_000);
    const taken = Array.from({ length: 50 }, (_, i) => filter.accept('ALCLB2C4D601', i * 150)).filter(Boolean);
    expect(taken).toHaveLength(1);
  });

  it('takes it again once it was out of view long enough, and other codes at once', () => {
    const filter = createDuplicateFilter(2_000);
    expect(filter.accept('A', 0)).toBe(true);
    expect(filter.accept('B', 100)).toBe(true);
    expect(filter.accept('A', 1_900)).toBe(false);
    expect(filter.accept('A', 4_000)).toBe(true);
    filter.reset();
    expect(filter.accept('A', 4_100)).toBe(true);
  });
});
