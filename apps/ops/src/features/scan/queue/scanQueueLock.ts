// One record is handled at a time across every tab of the app: sending it, discarding it, or
// resending it each hold the Web Lock for that short moment, and re-read the record inside it.
// Two tabs flushing together therefore never send the same record twice. Where Web Locks are
// missing (very old browsers) the lock is per tab only; the Idempotency-Key still keeps the
// server from creating anything twice.

export type QueueLock = <T>(critical: () => Promise<T>) => Promise<T>;

export const SCAN_QUEUE_LOCK_NAME = 'gigafibre-ops-scan-queue';

/** A mutex within this tab (the fallback, and what tests use). */
export function createLocalLock(): QueueLock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(critical: () => Promise<T>) => {
    const run = tail.then(critical, critical);
    tail = run.catch(() => undefined);
    return run;
  };
}

export function createQueueLock(name = SCAN_QUEUE_LOCK_NAME): QueueLock {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks || typeof locks.request !== 'function') return createLocalLock();
  return <T>(critical: () => Promise<T>) => locks.request(name, { mode: 'exclusive' }, critical) as Promise<T>;
}
