// The app's one SMS outbox (this device's texts waiting for the hub), shared by every open client
// file; the shell starts it after sign-in so what a reload left is sent without opening the client.
import { shallowRef } from 'vue';
import type { Message } from '@gigafibre/contracts';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { idbTable, memoryTable, type KeyedTable } from '@/shared/storage/idbTable';
import { sendRecord } from '../api/clientMessagesApi';
import { readOutboxRecord, SMS_OUTBOX_IDB, type SmsOutboxRecord } from '../model/smsOutboxRecord';
import { SmsOutbox } from '../services/smsOutbox';

const records = shallowRef<readonly SmsOutboxRecord[]>([]);
/** The hub's answers, for the thread that shows them before (or without) their live event. */
const acknowledged = shallowRef<Message | null>(null);
let outbox: SmsOutbox<Message> | null = null;

function table(): KeyedTable<SmsOutboxRecord> {
  // A browser without IndexedDB (some private modes) still sends; only a reload would lose the text.
  return typeof indexedDB === 'undefined' ? memoryTable() : idbTable(SMS_OUTBOX_IDB, readOutboxRecord);
}

function instance(): SmsOutbox<Message> {
  if (outbox) return outbox;
  const session = useSessionStore();
  const created = new SmsOutbox<Message>({
    table: table(),
    send: sendRecord,
    user: () => useSessionStore().user?.email ?? null,
    onRecords: (next) => (records.value = next),
    onSent: (_record, message) => (acknowledged.value = message),
  });
  outbox = created;
  window.addEventListener('online', () => void created.flush(true));
  // Back on this tab: take what another tab left (closed before the hub answered) and try now.
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void created.refresh());
  session.onRestored(() => void created.flush(true));
  void created.start();
  return created;
}

/** Starts the outbox (once): reads what an earlier visit left and sends it. */
export function startSmsOutbox(): void {
  instance();
}

export function useSmsOutbox() {
  const box = instance();
  return {
    records,
    acknowledged,
    add: (record: SmsOutboxRecord) => box.add(record),
    dismiss: (key: string) => box.dismiss(key),
    retryNow: () => box.flush(true),
  };
}
