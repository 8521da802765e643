// What the dispatch tests check and arrange directly on the standin's ERPNext (its own REST API,
// with the e2e service token): a job as persisted, jobs to move that no other test touches, free
// slots, and putting a job back where the seed had it. Documents are read the way the app reads
// them (completeDoc, normalizeRow): a single read leaves empty fields out and times come `8:00:00`.
import { completeDoc, normalizeRow, type DocRead } from '../../packages/contracts/src';
import { FIXTURE_JOBS, FIXTURE_TECHNICIANS } from '../../apps/standin/src/seed/fixtures';
import { addDays } from '../../packages/contracts/src/montrealTime';
import { activeStack, stackToday } from '../fixtures/stack';
import { E2E_ERP_TOKEN } from '../stack-env';

export interface ErpJob {
  name: string;
  modified: string;
  modified_by: string;
  status: string;
  customer: string;
  technician: string | null;
  scheduled_date: string | null;
  start_time: string | null;
  duration_minutes: number;
  required_skill: string | null;
  requested_date: string;
  no_sms: 0 | 1;
}

export interface ErpTechnician {
  name: string;
  technician_name: string;
  skills: string | null;
  shift_start: string | null;
  shift_end: string | null;
}

const JOB_FIELDS = ['name', 'modified', 'modified_by', 'status', 'customer', 'technician', 'scheduled_date', 'start_time', 'duration_minutes', 'required_skill', 'requested_date', 'no_sms'];
const headers = { Authorization: `token ${E2E_ERP_TOKEN}`, 'Content-Type': 'application/json' };

async function erp<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${activeStack().erpUrl}${path}`, { ...init, headers });
  if (!res.ok) throw new Error(`ERP ${init.method ?? 'GET'} ${path} → ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: T }).data;
}

const list = async <T extends object>(doctype: 'Dispatch Job' | 'Technician', fields: string[], filters: unknown[]) =>
  (await erp<T[]>(`/api/resource/${encodeURIComponent(doctype)}?${new URLSearchParams({ fields: JSON.stringify(fields), filters: JSON.stringify(filters), limit_page_length: '0' })}`)).map((row) =>
    normalizeRow(doctype, row),
  );

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export const DispatchErp = {
  job: async (name: string) => completeDoc('Dispatch Job', await erp<DocRead<'Dispatch Job'>>(`/api/resource/Dispatch Job/${encodeURIComponent(name)}`)) as ErpJob,

  /**
   * A queue job (Unscheduled, requested up to a week ago) that only this test uses: tests take
   * disjoint slices of the queue (job number modulo `of`), never a fixture.
   */
  async queueJob(slice: number, of: number, accept: (job: ErpJob) => boolean = () => true): Promise<ErpJob> {
    const today = await stackToday();
    const week = addDays(today, -7);
    const jobs = await list<ErpJob>('Dispatch Job', JOB_FIELDS, [
      ['status', '=', 'Unscheduled'],
      ['requested_date', 'between', [week, today]],
    ]);
    const fixtures = new Set<string>([FIXTURE_JOBS.unassignedToday.job, FIXTURE_JOBS.overlapTarget.job, ...FIXTURE_JOBS.techToday]);
    const mine = jobs
      .filter((j) => !fixtures.has(j.name) && Number(j.name.slice(3)) % of === slice && accept(j))
      .sort((a, b) => (a.requested_date === b.requested_date ? a.name.localeCompare(b.name) : b.requested_date.localeCompare(a.requested_date)));
    const job = mine[0];
    if (!job) throw new Error(`no queue job in slice ${slice}/${of}`);
    return job;
  },

  /**
   * `count` more queue jobs of a slice, none of them the first pick of `taken` (the jobs other tests
   * of the slice take with queueJob), accepted by `accept`.
   */
  async moreQueueJobs(slice: number, of: number, count: number, taken: readonly string[], accept: (job: ErpJob) => boolean = () => true): Promise<ErpJob[]> {
    const today = await stackToday();
    const jobs = await list<ErpJob>('Dispatch Job', JOB_FIELDS, [
      ['status', '=', 'Unscheduled'],
      ['requested_date', 'between', [addDays(today, -7), today]],
    ]);
    const skip = new Set<string>([FIXTURE_JOBS.unassignedToday.job, ...taken]);
    const mine = jobs.filter((j) => !skip.has(j.name) && Number(j.name.slice(3)) % of === slice && accept(j)).sort((a, b) => a.name.localeCompare(b.name));
    if (mine.length < count) throw new Error(`only ${mine.length} queue jobs in slice ${slice}/${of}`);
    return mine.slice(-count);
  },

  /** Active technicians other than the fixtures, by name. */
  async technicians(): Promise<ErpTechnician[]> {
    const techs = await list<ErpTechnician>('Technician', ['name', 'technician_name', 'skills', 'shift_start', 'shift_end'], [['status', '=', 'Active']]);
    const fixtures = new Set<string>([FIXTURE_TECHNICIANS.demo.technician, FIXTURE_TECHNICIANS.second.technician]);
    return techs.filter((t) => !fixtures.has(t.name)).sort((a, b) => a.name.localeCompare(b.name));
  },

  technician: async (name: string) => completeDoc('Technician', await erp<DocRead<'Technician'>>(`/api/resource/Technician/${encodeURIComponent(name)}`)) as ErpTechnician,

  /**
   * A technician (not the fixtures) who has the job's skill and a free slot for it today inside
   * their shift, at or after `after` (minutes); the slot's start. `spread` rotates where the
   * search starts, so tests running in parallel look at different technicians.
   */
  async freeSlot(job: ErpJob, after = 8 * 60, exclude: readonly string[] = [], spread = Number(job.name.slice(3))): Promise<{ technician: ErpTechnician; start: number }> {
    const today = await stackToday();
    const techs = await list<ErpTechnician>('Technician', ['name', 'technician_name', 'skills', 'shift_start', 'shift_end'], [['status', '=', 'Active']]);
    const day = await list<ErpJob>('Dispatch Job', JOB_FIELDS, [['scheduled_date', '=', today]]);
    const avoid = new Set<string>([FIXTURE_TECHNICIANS.demo.technician, FIXTURE_TECHNICIANS.second.technician, ...exclude]);
    const sorted = techs.sort((a, b) => a.name.localeCompare(b.name));
    const offset = (spread * 7) % Math.max(1, sorted.length);
    for (const tech of [...sorted.slice(offset), ...sorted.slice(0, offset)]) {
      if (avoid.has(tech.name) || !tech.shift_start || !tech.shift_end) continue;
      if (job.required_skill && !(tech.skills ?? '').split(',').includes(job.required_skill)) continue;
      const busy = day.filter((j) => j.technician === tech.name && j.start_time && j.status !== 'Cancelled').map((j) => ({ s: minutes(j.start_time as string), e: minutes(j.start_time as string) + j.duration_minutes }));
      // A quarter-hour margin on both sides: another test's move nearby cannot make this slot risky.
      for (let s = Math.max(minutes(tech.shift_start), after); s + job.duration_minutes <= minutes(tech.shift_end); s += 15) {
        if (busy.every((b) => b.e + 15 <= s || s + job.duration_minutes + 15 <= b.s)) return { technician: tech, start: s };
      }
    }
    throw new Error(`no free slot for ${job.name}`);
  },

  /** Back to the queue, as the seed had it (cleanup, so parallel tests see the board they expect). */
  async unassign(name: string): Promise<void> {
    const job = await DispatchErp.job(name);
    if (job.status === 'Unscheduled' && job.technician === null) return;
    await erp(`/api/resource/Dispatch Job/${encodeURIComponent(name)}`, {
      method: 'PUT',
      body: JSON.stringify({ technician: null, scheduled_date: null, start_time: null, status: 'Unscheduled' }),
    });
  },

  /** Fields written straight to ERPNext (a partial PUT). */
  async update(name: string, fields: Partial<ErpJob>): Promise<void> {
    await erp(`/api/resource/Dispatch Job/${encodeURIComponent(name)}`, { method: 'PUT', body: JSON.stringify(fields) });
  },

  /** A status written straight to ERPNext (a dispatcher's drawer, a replayed offline action). */
  async setStatus(name: string, status: ErpJob['status']): Promise<void> {
    await DispatchErp.update(name, { status });
  },

  /** Another dispatcher's change, made behind the board's back (live events carry it). */
  async assign(name: string, technician: string, date: string, start: number): Promise<ErpJob> {
    const saved = await erp<DocRead<'Dispatch Job'>>(`/api/resource/Dispatch Job/${encodeURIComponent(name)}`, {
      method: 'PUT',
      body: JSON.stringify({ technician, scheduled_date: date, start_time: `${hhmm(start)}:00`, status: 'Scheduled' }),
    });
    return completeDoc('Dispatch Job', saved) as ErpJob;
  },
};
