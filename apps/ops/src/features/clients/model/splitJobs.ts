// Upcoming jobs (today or later, or still to schedule), soonest first; past ones, latest first.
import { isClosedJobStatus } from '@gigafibre/contracts';
import type { JobRow } from '../api/clientDetailApi';

export function splitJobs(jobs: readonly JobRow[], today: string): { upcoming: JobRow[]; past: JobRow[] } {
  const day = (j: JobRow) => j.scheduled_date ?? j.requested_date;
  const key = (j: JobRow) => `${day(j)} ${j.start_time ?? ''}`;
  const upcoming = jobs.filter((j) => !isClosedJobStatus(j.status) && (day(j) >= today || j.status !== 'Scheduled'));
  const past = jobs.filter((j) => !upcoming.includes(j));
  return {
    upcoming: [...upcoming].sort((a, b) => key(a).localeCompare(key(b))),
    past: [...past].sort((a, b) => key(b).localeCompare(key(a))),
  };
}
