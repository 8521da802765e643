// Per-user rate limits on the expensive or dangerous routes: vision uploads (OCR/decoding on the
// hub), device tasks (reboots reach customers' modems) and user invites (new staff accounts).
//
// Token buckets in this process's memory: with N replicas behind round-robin a user may get up to
// N times the configured rate in the worst case (each replica counts alone); a restart forgets.
// Good enough to stop a runaway script or a stuck retry loop, which is the point; a shared store
// (Redis) would be needed for an exact global count.
import type { Upstream } from '@gigafibre/capabilities';
import type { Rate, SecurityConfig } from './securityConfig';

/** The limited routes. */
export type RateBucket = keyof SecurityConfig['rates'];

/** Which bucket a proxied call draws from, if any (upstream path segments, after the mount). */
export function rateBucketOf(upstream: Upstream, method: string, segments: readonly string[]): RateBucket | undefined {
  if (upstream !== 'hub' || method !== 'POST') return undefined;
  const [first, second, third] = segments;
  if (first === 'vision') return 'vision';
  if (first === 'devices' && third === 'tasks' && segments.length === 3) return 'deviceTasks';
  if (first === 'auth' && second === 'users' && segments.length === 2) return 'invites';
  return undefined;
}

interface Bucket {
  tokens: number;
  atMs: number;
}

/** Most users tracked per bucket before idle (full) buckets are swept. */
const SWEEP_AT = 10_000;

/**
 * Token buckets per (route, user): `count` requests at once, refilled evenly over the window.
 * `take` answers 0 when the request may go, else the seconds to wait (for `Retry-After`).
 */
export class RateLimiter {
  private readonly buckets = new Map<RateBucket, Map<string, Bucket>>();

  constructor(
    private readonly rates: SecurityConfig['rates'],
    private readonly now: () => number = Date.now,
  ) {}

  /** The configured rate of a bucket (null: unlimited). */
  rate(bucket: RateBucket): Rate | null {
    return this.rates[bucket];
  }

  /** Takes `cost` tokens (at most the bucket's size); 0 when the request may go, else the seconds to wait. */
  take(bucket: RateBucket, user: string, cost = 1): number {
    const rate = this.rates[bucket];
    if (rate === null) return 0;
    let users = this.buckets.get(bucket);
    if (!users) this.buckets.set(bucket, (users = new Map()));
    const now = this.now();
    const perMs = rate.count / rate.windowMs;
    let state = users.get(user);
    if (!state) {
      if (users.size >= SWEEP_AT) this.sweep(users, rate, now);
      users.set(user, (state = { tokens: rate.count, atMs: now }));
    } else {
      state.tokens = Math.min(rate.count, state.tokens + (now - state.atMs) * perMs);
      state.atMs = now;
    }
    const need = Math.min(cost, rate.count);
    if (state.tokens >= need) {
      state.tokens -= need;
      return 0;
    }
    return Math.max(1, Math.ceil((need - state.tokens) / perMs / 1000));
  }

  /** Forgets users whose bucket has refilled: they would start full anyway. */
  private sweep(users: Map<string, Bucket>, rate: Rate, now: number): void {
    const perMs = rate.count / rate.windowMs;
    for (const [user, state] of users) {
      if (state.tokens + (now - state.atMs) * perMs >= rate.count) users.delete(user);
    }
  }
}
