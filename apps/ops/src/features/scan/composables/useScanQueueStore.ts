// The scan queue as the UI sees it: what is waiting, what is on its way, what the server refused,
// and the actions on them. IndexedDB is the truth (several tabs share it); this store mirrors it
// and drives the flusher.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { createScanQueueDb, type ScanQueueDb } from '../services/scanStorage';
import { ScanQueueFlusher, type FlushStop, type QueueChange } from '../services/scanQueueFlusher';
import { createQueueLock, type QueueLock } from '../services/scanQueueLock';
import { resendRecord } from '../model/scanQueueMachine';
import { compareRecords, newScanRecord, type LinkEquipmentPayload, type ScanQueueRecord, type ScanRecordBody } from '../model/scanQueueRecord';
import { sendScanRecord } from '../services/scanQueueSenders';

/** Where the flushing stands, for the queue page's banner. */
export type ScanQueueActivity = 'idle' | 'sending' | FlushStop;

const CHANNEL = 'gigafibre-ops-scan-queue';
/** Acknowledged links remembered (a day's scans for a few jobs). */
const ACKNOWLEDGED_KEPT = 50;

/** What the store runs on (replaced in tests). */
export interface ScanQueueEnv {
  db: ScanQueueDb;
  lock: QueueLock;
  send: typeof sendScanRecord;
  online: () => boolean;
}

let env: ScanQueueEnv | null = null;
/** Tests swap the database, lock and network for their own. */
export function setScanQueueEnv(next: ScanQueueEnv | null): void {
  env = next;
}
function currentEnv(): ScanQueueEnv {
  env ??= { db: createScanQueueDb(), lock: createQueueLock(), send: sendScanRecord, online: () => navigator.onLine };
  return env;
}

export const useScanQueueStore = defineStore('scanQueue', () => {
  const session = useSessionStore();
  const byId = new Map<string, ScanQueueRecord>();
  const records = shallowRef<ScanQueueRecord[]>([]);
  const unreadable = ref(0);
  const sendingId = ref<string | null>(null);
  const activity = ref<ScanQueueActivity>('idle');
  const loaded = ref(false);
  /**
   * Equipment links the server acknowledged in this tab, newest last: shown as sent until the job's
   * equipment, read again, lists them (a scan never vanishes between the two).
   */
  const acknowledgedLinks = shallowRef<readonly Extract<ScanQueueRecord, { kind: 'link-equipment' }>[]>([]);
  let channel: BroadcastChannel | null = null;
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  let announceTimer: ReturnType<typeof setTimeout> | null = null;

  const user = () => session.user?.email ?? null;
  const mine = computed(() => records.value.filter((r) => r.user === user()));
  const others = computed(() => records.value.filter((r) => r.user !== user()));
  const pendingCount = computed(() => mine.value.filter((r) => r.state === 'pending' || r.state === 'sending').length);
  const refusedCount = computed(() => mine.value.filter((r) => r.state === 'refused').length);
  const toConfirmCount = computed(() => mine.value.filter((r) => r.state === 'to-confirm').length);
  /** What the badge shows: everything not finished yet. */
  const badgeCount = computed(() => mine.value.length);

  /** Re-renders at most every 400 ms while a flush changes hundreds of records. */
  function publish(): void {
    refreshTimer ??= setTimeout(() => {
      refreshTimer = null;
      records.value = [...byId.values()].sort(compareRecords);
    }, 400);
  }
  function publishNow(): void {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = null;
    records.value = [...byId.values()].sort(compareRecords);
  }

  /** Tells the other tabs to re-read the database (coalesced). */
  function announce(): void {
    announceTimer ??= setTimeout(() => {
      announceTimer = null;
      channel?.postMessage({ type: 'changed' });
    }, 150);
  }

  function applyChange(change: QueueChange): void {
    if (change.type === 'sending') {
      sendingId.value = change.record.id;
      activity.value = 'sending';
      byId.set(change.record.id, change.record);
    } else if (change.type === 'saved') {
      byId.set(change.record.id, change.record);
      sendingId.value = null;
      announce();
    } else if (change.type === 'removed') {
      const gone = byId.get(change.id);
      if (gone?.kind === 'link-equipment') acknowledgedLinks.value = [...acknowledgedLinks.value.slice(-(ACKNOWLEDGED_KEPT - 1)), gone];
      byId.delete(change.id);
      sendingId.value = null;
      announce();
    } else {
      activity.value = change.stoppedBy ?? 'idle';
      sendingId.value = null;
      publishNow();
      return;
    }
    publish();
  }

  const flusher = new ScanQueueFlusher({
    db: { all: () => currentEnv().db.all(), get: (id) => currentEnv().db.get(id), put: (r) => currentEnv().db.put(r), remove: (id) => currentEnv().db.remove(id) },
    lock: (id, critical) => currentEnv().lock(id, critical),
    send: (record) => currentEnv().send(record),
    user,
    canSend: () => currentEnv().online() && !session.expired,
    onChange: applyChange,
  });

  /** Reads the database again (start, another tab changed it). */
  async function load(): Promise<void> {
    const stored = await currentEnv().db.all();
    byId.clear();
    for (const record of stored.records) byId.set(record.id, sendingId.value === record.id ? { ...record, state: 'sending' } : record);
    unreadable.value = stored.unreadable;
    loaded.value = true;
    publishNow();
  }

  /** Listens to the other tabs (once). */
  function listenToOtherTabs(): void {
    if (channel || typeof BroadcastChannel === 'undefined') return;
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = () => void load().catch(() => undefined);
  }

  /** Sends what is due (`force`: now, ignoring backoff delays). */
  function flush(force = false) {
    return flusher.flush({ force });
  }

  async function save(record: ScanQueueRecord): Promise<void> {
    await currentEnv().db.put(record);
    byId.set(record.id, record);
    publishNow();
    announce();
  }

  /**
   * Queues something for the server: stored on the device first (rejects if the device refuses to
   * store it — the caller says so), then sent when possible.
   */
  async function enqueue(body: ScanRecordBody, job: string | null): Promise<ScanQueueRecord> {
    const owner = user();
    if (!owner) throw new Error('Aucune session : impossible d’associer le scan à un technicien.');
    const record = newScanRecord(body, { user: owner, job });
    await save(record);
    void flush();
    return record;
  }

  /** Under the record's lock: no flusher (here or in another tab) is in the middle of sending it. */
  function locked<T>(id: string, critical: () => Promise<T>): Promise<T> {
    return currentEnv().lock(id, critical);
  }

  /** « Supprimer »: the technician gives up on a record (never done silently). */
  async function discard(id: string): Promise<void> {
    await locked(id, () => currentEnv().db.remove(id));
    byId.delete(id);
    publishNow();
    announce();
  }

  /** « Renvoyer » a refused record, corrected or as it was. */
  async function resend(id: string, body?: ScanRecordBody): Promise<void> {
    const updated = await locked(id, async () => {
      const fresh = await currentEnv().db.get(id);
      if (!fresh || fresh.state !== 'refused') return null;
      const next = resendRecord(fresh, Date.now(), body);
      await currentEnv().db.put(next);
      return next;
    });
    if (updated) {
      byId.set(id, updated);
      publishNow();
      announce();
      void flush(true);
    }
  }

  /** The technician confirmed (and maybe corrected) an OCR answer: it becomes an equipment link. */
  async function confirmOcr(id: string, link: LinkEquipmentPayload): Promise<ScanQueueRecord | null> {
    const ocr = byId.get(id);
    if (!ocr || ocr.kind !== 'ocr') return null;
    const record = await enqueue({ kind: 'link-equipment', payload: link }, ocr.job);
    await discard(id);
    return record;
  }

  /** « Réessayer maintenant ». */
  function retryNow() {
    return flush(true);
  }

  /** The records of one job (its page shows what is still on its way). */
  function forJob(job: string): ScanQueueRecord[] {
    return mine.value.filter((r) => r.job === job);
  }

  return {
    records,
    mine,
    others,
    unreadable,
    sendingId,
    activity,
    loaded,
    acknowledgedLinks,
    pendingCount,
    refusedCount,
    toConfirmCount,
    badgeCount,
    load,
    listenToOtherTabs,
    flush,
    enqueue,
    discard,
    resend,
    confirmOcr,
    retryNow,
    forJob,
    stopTimers: () => flusher.stop(),
  };
});
