// The queue store over a real (fake-indexeddb) database and a stand-in network.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { VisionEquipment } from '@gigafibre/contracts';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { ApiError } from '@/shared/http';
import { createScanQueueDb, type ScanQueueDb } from '../services/scanStorage';
import { createLocalLock } from '../services/scanQueueLock';
import type { LinkEquipmentPayload, ScanQueueRecord } from '../model/scanQueueRecord';
import { setScanQueueEnv, useScanQueueStore } from './useScanQueueStore';

let n = 0;
let db: ScanQueueDb;
let online = true;
const send = vi.fn<(record: ScanQueueRecord) => Promise<VisionEquipment | undefined>>();
const payload = (serial: string): LinkEquipmentPayload => ({ serial, mac: null, equipmentType: 'ONT', model: null, manufacturer: null, serviceLocation: 'LOC-000005', source: 'manual' });

function signIn(email = 'tech@gigafibre.ca') {
  const session = useSessionStore();
  session.user = { email, name: 'Tech', username: 'tech', groups: ['ops-tech'], capabilities: ['scan.use'] };
  session.status = 'ready';
}

beforeEach(() => {
  setActivePinia(createPinia());
  db = createScanQueueDb({ database: `store-test-${++n}`, store: 'records' });
  online = true;
  send.mockReset();
  setScanQueueEnv({ db, lock: createLocalLock(), send, online: () => online });
  signIn();
});
afterEach(() => {
  useScanQueueStore().stopTimers();
  setScanQueueEnv(null);
});

describe('the scan queue store', () => {
  it('stores a scan before anything else, sends it, and forgets it only once acknowledged', async () => {
    let acknowledge!: () => void;
    send.mockImplementation(() => new Promise((resolve) => (acknowledge = () => resolve(undefined))));
    const queue = useScanQueueStore();
    const record = await queue.enqueue({ kind: 'link-equipment', payload: payload('ALCL00000001') }, 'DJ-000005');
    expect((await db.get(record.id))?.kind).toBe('link-equipment');
    expect(queue.badgeCount).toBe(1);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(queue.sendingId).toBe(record.id);
    expect(await db.get(record.id)).toBeDefined(); // on its way, still stored
    acknowledge();
    await vi.waitFor(async () => expect(await db.get(record.id)).toBeUndefined());
    await vi.waitFor(() => expect(queue.badgeCount).toBe(0));
    // Remembered as sent: the scanner shows it until ERPNext's list does.
    expect(queue.acknowledgedLinks.map((r) => r.payload.serial)).toEqual(['ALCL00000001']);
  });

  it('keeps what it cannot send offline, and counts what needs the technician', async () => {
    online = false;
    const queue = useScanQueueStore();
    await queue.enqueue({ kind: 'link-equipment', payload: payload('ALCL00000002') }, 'DJ-000005');
    await queue.enqueue({ kind: 'job-status', payload: { status: 'En Route' } }, 'DJ-000005');
    await queue.flush();
    expect(send).not.toHaveBeenCalled();
    expect(queue.pendingCount).toBe(2);
    expect(queue.forJob('DJ-000005')).toHaveLength(2);
    expect(queue.forJob('DJ-000001')).toHaveLength(0);

    online = true;
    send.mockRejectedValueOnce(new ApiError({ status: 417, code: 'validation', message: 'x', serverMessages: ['Série inconnue du fournisseur'] }));
    send.mockResolvedValue(undefined);
    await queue.retryNow();
    await vi.waitFor(() => expect(queue.refusedCount).toBe(1));
    expect(queue.pendingCount).toBe(0);
    expect(queue.mine[0]?.lastError?.message).toBe('Série inconnue du fournisseur');
  });

  it('resends a refused record corrected, under the same id', async () => {
    send.mockRejectedValueOnce(new ApiError({ status: 417, code: 'validation', message: 'x', serverMessages: ['refusé'] }));
    const queue = useScanQueueStore();
    const record = await queue.enqueue({ kind: 'link-equipment', payload: payload('ALCL00000003') }, 'DJ-000005');
    await vi.waitFor(() => expect(queue.refusedCount).toBe(1));
    send.mockResolvedValue(undefined);
    await queue.resend(record.id, { kind: 'link-equipment', payload: payload('ALCL00000004') });
    await vi.waitFor(() => expect(queue.badgeCount).toBe(0));
    const resent = send.mock.calls.at(-1)?.[0];
    expect(resent).toMatchObject({ id: record.id, payload: { serial: 'ALCL00000004' }, attempts: 1 });
  });

  it('turns a confirmed label reading into an equipment link, and drops the photo only then', async () => {
    const reading: VisionEquipment = { serial: 'ALCLB2C4D601', mac: null, model: 'G-010G-Q', manufacturer: 'Nokia', barcodes: [] };
    send.mockResolvedValueOnce(reading);
    const queue = useScanQueueStore();
    const photo = await queue.enqueue({ kind: 'ocr', payload: { image: new Blob(['png'], { type: 'image/png' }), fileName: 'label.png' } }, 'DJ-000005');
    await vi.waitFor(() => expect(queue.toConfirmCount).toBe(1));
    online = false; // keep the link queued to look at it
    const link = await queue.confirmOcr(photo.id, payload('ALCLB2C4D601'));
    expect(link).toMatchObject({ kind: 'link-equipment', job: 'DJ-000005' });
    expect(await db.get(photo.id)).toBeUndefined();
    expect(queue.mine.map((r) => r.kind)).toEqual(['link-equipment']);
  });

  it('leaves another user’s records alone (a shared phone)', async () => {
    online = false;
    const queue = useScanQueueStore();
    await queue.enqueue({ kind: 'link-equipment', payload: payload('ALCL00000005') }, 'DJ-000005');
    signIn('autre@gigafibre.ca');
    expect(queue.mine).toHaveLength(0);
    expect(queue.others).toHaveLength(1);
    online = true;
    await queue.flush();
    expect(send).not.toHaveBeenCalled();
  });

  it('reloads what another tab wrote', async () => {
    online = false;
    const queue = useScanQueueStore();
    const other = createScanQueueDb({ database: `store-test-${n}`, store: 'records' });
    const { newScanRecord } = await import('../model/scanQueueRecord');
    await other.put(newScanRecord({ kind: 'job-status', payload: { status: 'In Progress' } }, { user: 'tech@gigafibre.ca', job: 'DJ-000004' }));
    await queue.load();
    expect(queue.forJob('DJ-000004')).toHaveLength(1);
  });
});
