// The queue store for pages that only need it on a tap (the scan page's first load stays small):
// its chunk is usually loaded already by the header's badge.
import type { useScanQueueStore } from './useScanQueueStore';

export async function scanQueue(): Promise<ReturnType<typeof useScanQueueStore>> {
  const { useScanQueueStore: store } = await import('./useScanQueueStore');
  return store();
}
