// gigafibre.ops.report_late_item (contract: packages/contracts/src/jobLateItem.ts): what a
// technician recorded offline for a job reassigned or cancelled meanwhile becomes a Comment on the
// job for dispatch; only for a job that was theirs, only their own declarations.
import { LATE_ITEM_PREFIX } from '@gigafibre/contracts';
import { describe, expect, it } from 'vitest';
import { FIXTURE_TECHNICIANS } from '../seed/fixtures';
import { erpFetch, useTestErp } from '../testing/harness';

const erp = useTestErp();

const { demo, second } = FIXTURE_TECHNICIANS;
const json = { 'Content-Type': 'application/json' };
const report = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  erpFetch(erp.base, '/api/method/gigafibre.ops.report_late_item', { method: 'POST', headers: { ...json, 'X-Ops-User': demo.user, ...headers }, body: JSON.stringify(body) });
const comments = (job: string) =>
  erp.standin.db.prepare(`SELECT content, owner FROM tabComment WHERE reference_doctype = 'Dispatch Job' AND reference_name = ?`).all(job) as { content: string; owner: string }[];
const item = (job: string, summary = 'Statut « en route » à 9 h 02') => ({ technician: demo.technician, job, kind: 'job-status', summary, recorded_at: '2026-06-15T13:02:00Z' });
/** The demo technician's jobs still Scheduled, by name (the fixture's). */
const demoJobs = () =>
  (erp.standin.db.prepare(`SELECT name FROM "tabDispatch Job" WHERE technician = ? AND status = 'Scheduled' ORDER BY name`).all(demo.technician) as { name: string }[]).map((r) => r.name);

describe('report_late_item', () => {
  it('records an item for a job given to another technician as a Comment on it, once per key', async () => {
    const [job] = demoJobs();
    const moved = await erpFetch(erp.base, `/api/resource/Dispatch%20Job/${job}`, { method: 'PUT', headers: json, body: JSON.stringify({ technician: second.technician }) });
    expect(moved.status, await moved.clone().text()).toBe(200);
    const first = await report(item(job as string), { 'Idempotency-Key': 'late-0001' });
    expect(first.status, await first.clone().text()).toBe(200);
    const again = await report(item(job as string), { 'Idempotency-Key': 'late-0001' });
    expect(again.status).toBe(200);
    const written = comments(job as string);
    expect(written).toHaveLength(1);
    expect(written[0]?.content).toContain(LATE_ITEM_PREFIX);
    expect(written[0]?.content).toContain('intervention réassignée');
    expect(written[0]?.content).toContain('Statut « en route » à 9 h 02');
    expect(written[0]?.owner).toBe(demo.user);
  });

  it('records one for their own job cancelled meanwhile; refuses one for a job still theirs (417)', async () => {
    const [, job, still] = demoJobs();
    const cancel = await erpFetch(erp.base, '/api/method/gigafibre.ops.set_job_status', { method: 'POST', headers: json, body: JSON.stringify({ job, status: 'Cancelled' }) });
    expect(cancel.status, await cancel.clone().text()).toBe(200);
    expect((await report(item(job as string))).status).toBe(200);
    expect(comments(job as string)[0]?.content).toContain('intervention annulée');
    const res = await report(item(still as string));
    expect(res.status).toBe(417);
    expect(comments(still as string)).toEqual([]);
  });

  it('is no door to comment on any job or for anyone else (403), nor for bad arguments (417)', async () => {
    const never = erp.standin.db.prepare('SELECT name FROM "tabDispatch Job" WHERE technician = ? LIMIT 1').get(second.technician) as { name: string };
    expect((await report(item(never.name))).status).toBe(403);
    expect((await report({ ...item(demoJobs()[0] as string), technician: second.technician })).status).toBe(403);
    expect((await report({ ...item(demoJobs()[0] as string), kind: 'ocr' })).status).toBe(417);
    expect((await report({ ...item(demoJobs()[0] as string), summary: 'x'.repeat(501) })).status).toBe(417);
    expect(comments(never.name)).toEqual([]);
  });
});
