// Reconnect delays: exponential with "equal jitter", so a hundred tabs that lost the stream at the
// same moment do not all come back in the same second.

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** 0 ≤ r < 1; Math.random by default (injected in tests). */
  random?: () => number;
}

/** Delay before reconnect attempt `attempt` (0 = first retry): half fixed, half random. */
export function backoffDelay(attempt: number, { baseMs, maxMs, random = Math.random }: BackoffOptions): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
