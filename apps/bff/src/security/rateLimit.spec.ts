import { describe, expect, it } from 'vitest';
import { RateLimiter, rateBucketOf } from './rateLimit';

describe('rateBucketOf', () => {
  it('names the limited routes, and only their POSTs', () => {
    expect(rateBucketOf('hub', 'POST', ['vision', 'barcodes'])).toBe('vision');
    expect(rateBucketOf('hub', 'POST', ['vision', 'invoice'])).toBe('vision');
    expect(rateBucketOf('hub', 'POST', ['devices', 'A4E31B-G%2D010G%2DQ-X', 'tasks'])).toBe('deviceTasks');
    expect(rateBucketOf('hub', 'POST', ['auth', 'users'])).toBe('invites');
    expect(rateBucketOf('hub', 'PATCH', ['auth', 'users', '3'])).toBeUndefined();
    expect(rateBucketOf('hub', 'GET', ['auth', 'users'])).toBeUndefined();
    expect(rateBucketOf('hub', 'POST', ['devices', 'x', 'tasks', 'more'])).toBeUndefined();
    expect(rateBucketOf('erp', 'POST', ['vision', 'barcodes'])).toBeUndefined();
  });
});

describe('RateLimiter', () => {
  const rates = { vision: { count: 3, windowMs: 60_000 }, deviceTasks: { count: 1, windowMs: 10_000 }, invites: null, listRows: { count: 1000, windowMs: 10_000 } };

  it('lets a burst of `count` through, then answers how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(rates, () => now);
    expect([limiter.take('vision', 'a'), limiter.take('vision', 'a'), limiter.take('vision', 'a')]).toEqual([0, 0, 0]);
    expect(limiter.take('vision', 'a')).toBe(20); // one token every 20 s
    now += 19_000;
    expect(limiter.take('vision', 'a')).toBe(1);
    now += 1_000;
    expect(limiter.take('vision', 'a')).toBe(0);
  });

  it('counts each user and each route apart', () => {
    const limiter = new RateLimiter(rates, () => 0);
    expect(limiter.take('deviceTasks', 'a')).toBe(0);
    expect(limiter.take('deviceTasks', 'a')).toBe(10);
    expect(limiter.take('deviceTasks', 'b')).toBe(0);
    expect(limiter.take('vision', 'a')).toBe(0);
  });

  it('never limits a route configured "off"', () => {
    const limiter = new RateLimiter(rates, () => 0);
    for (let i = 0; i < 1000; i++) expect(limiter.take('invites', 'a')).toBe(0);
  });

  it('refills to the burst, never beyond, after a long pause', () => {
    let now = 0;
    const limiter = new RateLimiter(rates, () => now);
    limiter.take('vision', 'a');
    now += 3_600_000;
    expect([0, 1, 2, 3].map(() => limiter.take('vision', 'a'))).toEqual([0, 0, 0, 20]);
  });

  it('takes a cost of several tokens at once (rows of a list), never more than the burst', () => {
    let now = 0;
    const limiter = new RateLimiter(rates, () => now);
    expect(limiter.take('listRows', 'a', 600)).toBe(0);
    expect(limiter.take('listRows', 'a', 300)).toBe(0);
    expect(limiter.take('listRows', 'a', 500)).toBe(4); // 100 left, 400 more at 100 a second
    expect(limiter.take('listRows', 'b', 5000)).toBe(0); // a cost past the burst counts as the burst
    expect(limiter.take('listRows', 'b', 1)).toBe(1);
    now += 4_000;
    expect(limiter.take('listRows', 'a', 500)).toBe(0);
  });

  it('forgets idle users once many are tracked (memory stays bounded)', () => {
    let now = 0;
    const limiter = new RateLimiter(rates, () => now);
    for (let i = 0; i < 10_000; i++) limiter.take('deviceTasks', `user-${i}`);
    now += 10_000; // every bucket has refilled
    limiter.take('deviceTasks', 'newcomer');
    const users = (limiter as unknown as { buckets: Map<string, Map<string, unknown>> }).buckets.get('deviceTasks');
    expect(users?.size).toBe(1);
  });
});
