// Queueing from a page whose first load must stay light (the scan page): only ever imported
// dynamically, on a tap, so its chunk is its own (the store it uses is usually loaded already by
// the header's badge).
import type { ScanQueueRecord, ScanRecordBody } from '../model/scanQueueRecord';
import { useScanQueueStore } from '../composables/useScanQueueStore';

export function enqueueScan(body: ScanRecordBody, job: string | null): Promise<ScanQueueRecord> {
  return useScanQueueStore().enqueue(body, job);
}
