// One record is handled by one tab at a time: sending it, discarding it or resending it holds the
// Web Lock named after that record for that short moment, and re-reads the record inside it. Two
// tabs flushing together therefore never send the same record twice, while different records can
// be on their way at once. Where Web Locks are missing (very old browsers) the lock is per tab
// only; the Idempotency-Key still keeps the server from creating anything twice.

export type QueueLock = <T>(recordId: string, critical: () => Promise<T>) => Promise<T>;

export const SCAN_QUEUE_LOCK_NAME = 'gigafibre-ops-scan-queue';

/** A per-record mutex within this tab (the fallback, and what tests use). */
export function createLocalLock(): QueueLock {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(recordId: string, critical: () => Promise<T>) => {
    const run = (tails.get(recordId) ?? Promise.resolve()).then(critical, critical);
    const tail = run.catch(() => undefined);
    tails.set(recordId, tail);
    void tail.then(() => {
      if (tails.get(recordId) === tail) tails.delete(recordId);
    });
    return run;
  };
}

export function createQueueLock(name = SCAN_QUEUE_LOCK_NAME): QueueLock {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks || typeof locks.request !== 'function') return createLocalLock();
  return <T>(recordId: string, critical: () => Promise<T>) => locks.request(`${name}:${recordId}`, { mode: 'exclusive' }, critical) as Promise<T>;
}
