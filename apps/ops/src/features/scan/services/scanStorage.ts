// The one module that talks to IndexedDB (through idb-keyval): the scan queue's records and the
// technician's last-known jobs (so the job view still opens in a basement). Values are stored as
// plain data (`plainValue`, shared/storage): a Vue proxy cannot be structured-cloned.
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { plainValue } from '@/shared/storage/idbTable';
import { readStoredRecord, SCAN_QUEUE_IDB, type ScanQueueRecord } from '../model/scanQueueRecord';

export interface StoredQueue {
  records: ScanQueueRecord[];
  /** Records another (newer) version of the app wrote: left alone, counted so the UI can say so. */
  unreadable: number;
}

/** The scan queue's table: one row per record, keyed by the record id. */
export interface ScanQueueDb {
  all(): Promise<StoredQueue>;
  get(id: string): Promise<ScanQueueRecord | undefined>;
  put(record: ScanQueueRecord): Promise<void>;
  remove(id: string): Promise<void>;
}

export function createScanQueueDb(names: { database: string; store: string } = SCAN_QUEUE_IDB): ScanQueueDb {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(names.database, names.store));
  return {
    async all() {
      const rows = await entries<string, unknown>(db());
      const records: ScanQueueRecord[] = [];
      let unreadable = 0;
      for (const [, raw] of rows) {
        const record = readStoredRecord(raw);
        if (record) records.push(record);
        else unreadable++;
      }
      return { records, unreadable };
    },
    async get(id) {
      return readStoredRecord(await get(id, db())) ?? undefined;
    },
    put: (record) => set(record.id, plainValue({ ...record, state: record.state === 'sending' ? 'pending' : record.state }), db()),
    remove: (id) => del(id, db()),
  };
}

/** Snapshots of what the technician last saw (jobs, a job's details), keyed by what they are. */
export interface TechJobCache {
  read<T>(key: string): Promise<{ savedAt: number; value: T } | undefined>;
  write<T>(key: string, value: T): Promise<void>;
}

export function createTechJobCache(names = { database: 'gigafibre-ops-tech-jobs', store: 'snapshots' }): TechJobCache {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(names.database, names.store));
  return {
    async read<T>(key: string) {
      try {
        return await get<{ savedAt: number; value: T }>(key, db());
      } catch {
        return undefined; // private mode or storage refused: no snapshot, not an error
      }
    },
    async write<T>(key: string, value: T) {
      try {
        await set(key, { savedAt: Date.now(), value: plainValue(value) }, db());
      } catch {
        // Not remembered; the page still shows what it loaded.
      }
    },
  };
}
