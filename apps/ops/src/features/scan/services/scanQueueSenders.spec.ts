// How a record reaches the server: an equipment link is ONE call to gigafibre.ops.link_job_equipment,
// including a record an older app wrote to IndexedDB (same payload, which that app sent in up to
// five calls), so nothing queued before an update is lost or sent the old way.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as HttpModule from '@/shared/http';

const http = vi.hoisted(() => ({ callMethod: vi.fn(), erpList: vi.fn(), erpGet: vi.fn(), erpInsert: vi.fn(), erpUpdate: vi.fn(), erpUploadFile: vi.fn() }));
vi.mock('@/shared/http', async (importOriginal) => ({ ...(await importOriginal<typeof HttpModule>()), ...http }));

const { ApiError } = await import('@/shared/http');
const { linkKeyOf, newScanRecord, readStoredRecord } = await import('../model/scanQueueRecord');
const { describeFailure } = await import('../model/scanQueueMachine');
const { describeRecordError } = await import('../model/describeRecordError');
const { JobGone } = await import('../model/jobGone');
const { sendScanRecord } = await import('./scanQueueSenders');

/** A link record exactly as yesterday's app stored it (schema v1, the location known when queued). */
const YESTERDAYS_RECORD = {
  v: 1,
  id: '6f1c2a9e-0b7d-4c55-9a51-2f0f3f3c9a10',
  seq: 1_733_500_000_000_000,
  user: 'tech@gigafibre.ca',
  kind: 'link-equipment',
  payload: { serial: 'ALCLB1234567', mac: 'AA:BB:CC:DD:EE:01', equipmentType: 'ONT', model: 'G-140W-F', manufacturer: null, serviceLocation: 'LOC-000005', source: 'camera' },
  job: 'DJ-000005',
  createdAt: 1_733_500_000_000,
  updatedAt: 1_733_500_000_000,
  attempts: 2,
  lastError: { code: 'network', status: 0, message: 'Réseau indisponible', serverMessages: [], requestId: null, at: 1_733_500_001_000 },
  state: 'sending',
  nextAttemptAt: 0,
};

beforeEach(() => {
  for (const fn of Object.values(http)) fn.mockReset();
  http.callMethod.mockResolvedValue({ name: 'EQ-000123' });
});

describe('sending an equipment link', () => {
  it('sends a record stored by the previous app version in one call, under a key of its own', async () => {
    const record = readStoredRecord(structuredClone(YESTERDAYS_RECORD));
    expect(record).not.toBeNull();
    await sendScanRecord(record!);
    expect(http.callMethod).toHaveBeenCalledTimes(1);
    const [method, args, options] = http.callMethod.mock.calls[0] as [string, Record<string, unknown>, Record<string, unknown>];
    expect(method).toBe('gigafibre.ops.link_job_equipment');
    // The location is the job's, read by the server: never sent.
    expect(args).toEqual({ job: 'DJ-000005', serial_no: 'ALCLB1234567', equipment_type: 'ONT', mac_address: 'AA:BB:CC:DD:EE:01', model: 'G-140W-F' });
    expect(options).toMatchObject({ idempotencyKey: `${YESTERDAYS_RECORD.id}:link`, timeoutMs: 8000 });
    expect(linkKeyOf(record!)).toBe(`${YESTERDAYS_RECORD.id}:link`);
    for (const other of [http.erpList, http.erpGet, http.erpInsert, http.erpUpdate, http.erpUploadFile]) expect(other).not.toHaveBeenCalled();
  });

  it('lets the server’s refusal through as is (the queue classifies it)', async () => {
    const refusal = Object.assign(new Error('Le numéro de série ALCLB1234567 appartient à un équipement d’un autre client'), { status: 409 });
    http.callMethod.mockRejectedValueOnce(refusal);
    await expect(sendScanRecord(readStoredRecord(structuredClone(YESTERDAYS_RECORD))!)).rejects.toBe(refusal);
  });
});

describe('a job reassigned or cancelled while the technician was offline', () => {
  const status = () => newScanRecord({ kind: 'job-status', payload: { status: 'En Route', at: '2026-06-15T13:02:00.000Z' } }, { user: 'tech@gigafibre.ca', job: 'DJ-000004', now: 1_781_530_920_000 });
  const outOfScope = () => new ApiError({ status: 403, code: 'forbidden', message: 'Accès refusé', details: { reason: 'out_of_scope' } });
  const technician = [{ name: 'TECH-001', technician_name: 'Jean-François Roy' }];
  /** What the technician reads on the record. */
  const t = (key: string, named?: Record<string, unknown>) => `${key} ${JSON.stringify(named ?? {})}`;

  it('reassigned: hands the item to dispatch once, and keeps it, refused, saying so', async () => {
    const record = status();
    http.callMethod.mockImplementation((method: string) => (method === 'gigafibre.ops.set_job_status' ? Promise.reject(outOfScope()) : Promise.resolve({ name: 'c0ffee' })));
    http.erpGet.mockRejectedValue(outOfScope());
    http.erpList.mockResolvedValue(technician);
    const failure = await sendScanRecord(record).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(JobGone);
    const report = http.callMethod.mock.calls.find(([m]) => m === 'gigafibre.ops.report_late_item') as [string, Record<string, unknown>, Record<string, unknown>];
    expect(report[1]).toEqual({ technician: 'TECH-001', job: 'DJ-000004', kind: 'job-status', summary: 'Statut « en route »', recorded_at: new Date(record.createdAt).toISOString() });
    expect(report[2]).toMatchObject({ idempotencyKey: `${record.id}:late` });
    const stored = { ...record, state: 'refused' as const, lastError: describeFailure(failure, 0) };
    expect(describeRecordError(stored, t, 'fr-CA')).toBe('scan.refusal.jobReassigned {"job":"DJ-000004"}');
  });

  it('cancelled: the job, still theirs, says Cancelled; the equipment or photo of a job still open is refused the usual way', async () => {
    http.callMethod.mockImplementation((method: string) =>
      method === 'gigafibre.ops.set_job_status' ? Promise.reject(new ApiError({ status: 417, code: 'validation', message: 'x', serverMessages: ['Changement de statut impossible'] })) : Promise.resolve({}),
    );
    http.erpList.mockResolvedValue(technician);
    http.erpGet.mockResolvedValueOnce({ name: 'DJ-000004', status: 'Cancelled', technician: 'TECH-001' });
    const failure = (await sendScanRecord(status()).catch((e: unknown) => e)) as InstanceType<typeof JobGone>;
    expect(failure.reason).toBe('cancelled');
    // A refusal on a job that is still open and theirs: nothing is handed over.
    http.callMethod.mockClear();
    http.erpGet.mockResolvedValueOnce({ name: 'DJ-000004', status: 'Scheduled', technician: 'TECH-001' });
    const refused = await sendScanRecord(status()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(http.callMethod.mock.calls.map(([m]) => m)).toEqual(['gigafibre.ops.set_job_status']);
  });

  it('reassigned, the BFF still letting the job be read (its scope lags): ERPNext’s refusal and the job’s technician say so', async () => {
    http.callMethod.mockImplementation((method: string) =>
      method === 'gigafibre.ops.set_job_status'
        ? Promise.reject(new ApiError({ status: 403, code: 'forbidden', message: 'x', serverMessages: ['L’intervention DJ-000004 est assignée à un autre technicien'] }))
        : Promise.resolve({}),
    );
    http.erpGet.mockResolvedValue({ name: 'DJ-000004', status: 'Scheduled', technician: 'TECH-002' });
    http.erpList.mockResolvedValue(technician);
    const failure = (await sendScanRecord(status()).catch((e: unknown) => e)) as InstanceType<typeof JobGone>;
    expect(failure).toBeInstanceOf(JobGone);
    expect(failure.reason).toBe('reassigned');
    expect(http.callMethod.mock.calls.map(([m]) => m)).toEqual(['gigafibre.ops.set_job_status', 'gigafibre.ops.report_late_item']);
  });

  it('dispatch unreachable: the failure is transient, the record stays pending to try again', async () => {
    http.callMethod.mockImplementation((method: string) =>
      method === 'gigafibre.ops.set_job_status' ? Promise.reject(outOfScope()) : Promise.reject(new ApiError({ status: 0, code: 'network', message: 'réseau' })),
    );
    http.erpGet.mockRejectedValue(outOfScope());
    http.erpList.mockResolvedValue(technician);
    const failure = await sendScanRecord(status()).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'network' });
  });
});
