// The technician's close-out through gigafibre.ops.set_job_status (contract:
// packages/contracts/src/jobCloseout.ts): each step's time, the reason of a failure, the notes and
// the checklist, in one save; refusals in French (417); replays under an Idempotency-Key.
import { describe, expect, it } from 'vitest';
import { FIXTURE_TECHNICIANS } from '../seed/fixtures';
import { erpFetch, TEST_NOW, useTestErp } from '../testing/harness';

const erp = useTestErp();

const TECH = FIXTURE_TECHNICIANS.demo.user;
const call = (body: unknown, headers: Record<string, string> = {}) =>
  erpFetch(erp.base, '/api/method/gigafibre.ops.set_job_status', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Ops-User': TECH, ...headers }, body: JSON.stringify(body) });
/** upload_file of a small private file attached to the job (multipart, as the BFF forwards it). */
function upload(job: string, name: string, content: string, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ doctype: 'Dispatch Job', docname: job, is_private: '1' })) form.append(k, v);
  form.append('file', new Blob([content], { type: 'image/png' }), name);
  return erpFetch(erp.base, '/api/method/upload_file', { method: 'POST', headers: { 'X-Ops-User': TECH, ...headers }, body: form });
}
const row = (job: string) => erp.standin.db.prepare('SELECT * FROM "tabDispatch Job" WHERE name = ?').get(job) as Record<string, unknown>;
const versions = (job: string) => (erp.standin.db.prepare('SELECT COUNT(*) AS n FROM tabVersion WHERE docname = ?').get(job) as { n: number }).n;
const refusal = async (res: Response) => {
  expect(res.status).toBe(417);
  return JSON.stringify(await res.json());
};
/** The harness's fixed clock: the standin's « now ». */
const now = () => new Date(TEST_NOW);
const minutesAgo = (m: number) => new Date(now().getTime() - m * 60_000).toISOString();

let created = 0;
/** A new job of the demo technician, Scheduled today, of this type (each test its own). */
async function scheduled(jobType: string): Promise<string> {
  const any = row('DJ-000003');
  created++;
  const res = await erpFetch(erp.base, '/api/resource/Dispatch%20Job', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      job_type: jobType,
      status: 'Scheduled',
      customer: any.customer,
      service_location: any.service_location,
      technician: FIXTURE_TECHNICIANS.demo.technician,
      requested_date: any.scheduled_date,
      scheduled_date: any.scheduled_date,
      start_time: `${String(6 + created).padStart(2, '0')}:00:00`,
      duration_minutes: 30,
    }),
  });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return (JSON.parse(text) as { data: { name: string } }).data.name;
}

describe('set_job_status close-out', () => {
  it('stores each step at the time the phone took it (Montréal wall time), in one Version each', async () => {
    const job = await scheduled('Repair');
    const before = versions(job);
    expect((await call({ job, status: 'En Route', at: minutesAgo(40) })).status).toBe(200);
    expect((await call({ job, status: 'In Progress', at: minutesAgo(10) })).status).toBe(200);
    const r = row(job);
    expect(r.status).toBe('In Progress');
    expect(new Date(`${String(r.en_route_at).replace(' ', 'T')}`).getTime()).not.toBeNaN();
    expect(r.arrived_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(String(r.en_route_at) < String(r.arrived_at)).toBe(true);
    expect(versions(job)).toBe(before + 2);
    const res = await call({ job, status: 'Completed', at: minutesAgo(1), notes: '  Connecteur remplacé  ', checklist: ['fault-found', 'speed-test'] });
    expect(res.status).toBe(200);
    expect(row(job)).toMatchObject({ status: 'Completed', completion_notes: 'Connecteur remplacé', checklist_done: '["fault-found","speed-test"]' });
    expect(row(job).closed_at).toBeTruthy();
    expect(versions(job)).toBe(before + 3);
  });

  it('a failure needs a reason from the pick list, « Other » needs details; both land with the time', async () => {
    const job = await scheduled('Repair');
    expect((await call({ job, status: 'En Route' })).status).toBe(200);
    expect(await refusal(await call({ job, status: 'Not Completed' }))).toContain('Raison requise');
    expect(await refusal(await call({ job, status: 'Not Completed', reason: 'Bored' }))).toContain('Raison requise');
    expect(await refusal(await call({ job, status: 'Not Completed', reason: 'Other', reason_details: '  ' }))).toContain('Précisez');
    const res = await call({ job, status: 'Not Completed', reason: 'Customer Absent', reason_details: 'Personne, carte laissée', notes: 'Rappeler' });
    expect(res.status).toBe(200);
    expect(row(job)).toMatchObject({ status: 'Not Completed', failure_reason: 'Customer Absent', failure_details: 'Personne, carte laissée', completion_notes: 'Rappeler' });
    // Closed: nothing follows it.
    expect(await refusal(await call({ job, status: 'In Progress' }))).toContain('Changement de statut impossible');
  });

  it('refuses what does not belong to the step, a bad time, an incomplete checklist, a missing signature', async () => {
    const job = await scheduled('Installation');
    expect(await refusal(await call({ job, status: 'En Route', notes: 'x' }))).toContain('accompagnent seulement');
    expect(await refusal(await call({ job, status: 'En Route', reason: 'Other' }))).toContain('non complétée');
    expect(await refusal(await call({ job, status: 'En Route', at: 'hier' }))).toContain('at invalide');
    expect(await refusal(await call({ job, status: 'En Route', at: new Date(now().getTime() + 3_600_000).toISOString() }))).toContain('futur');
    expect(await refusal(await call({ job, status: 'En Route', at: new Date(now().getTime() - 30 * 86_400_000).toISOString() }))).toContain('ancien');
    expect((await call({ job, status: 'In Progress' })).status).toBe(200);
    expect(await refusal(await call({ job, status: 'Completed', checklist: ['ont-light'] }))).toContain('incomplète');
    expect(await refusal(await call({ job, status: 'Completed', checklist: ['teleport'] }))).toContain('inconnu');
    const all = ['ont-light', 'speed-test', 'site-clean'];
    expect(await refusal(await call({ job, status: 'Completed', checklist: all }))).toContain('signature du client');
    expect(row(job).status).toBe('In Progress');
    // The signature lands through upload_file; then the job completes.
    expect((await upload(job, `signature-${job}.png`, 'sig')).status).toBe(200);
    expect((await call({ job, status: 'Completed', checklist: all })).status).toBe(200);
  });

  it('upload_file under an Idempotency-Key: a resend (new multipart boundary) replays, one File only', async () => {
    const job = await scheduled('Repair');
    const key = { 'Idempotency-Key': 'closeout-photo-0001' };
    const first = await upload(job, 'photo-1.jpg', 'jpeg-bytes', key);
    const again = await upload(job, 'photo-1.jpg', 'jpeg-bytes', key);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const files = erp.standin.db.prepare(`SELECT file_url, is_private FROM tabFile WHERE attached_to_name = ?`).all(job);
    expect(files).toEqual([{ file_url: '/private/files/photo-1.jpg', is_private: 1 }]);
    expect((await upload(job, 'photo-1.jpg', 'other-bytes', key)).status).toBe(417);
  });

  it('a replay under the same Idempotency-Key answers the stored result and writes nothing more', async () => {
    const job = await scheduled('Repair');
    const key = { 'Idempotency-Key': 'closeout-step-0001' };
    const body = { job, status: 'En Route', at: minutesAgo(5) };
    const first = await call(body, key);
    expect(first.status).toBe(200);
    const count = versions(job);
    const again = await call(body, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(versions(job)).toBe(count);
  });
});
