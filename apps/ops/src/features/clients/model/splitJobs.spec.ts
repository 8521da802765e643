import { describe, expect, it } from 'vitest';
import type { JobRow } from '../api/clientDetailApi';
import { splitJobs } from './splitJobs';

const job = (name: string, status: JobRow['status'], scheduled: string | null, requested = '2025-11-20', start: string | null = '09:00:00'): JobRow => ({
  name,
  job_type: 'Repair',
  status,
  priority: 'Medium',
  requested_date: requested,
  scheduled_date: scheduled,
  start_time: scheduled ? start : null,
  technician: scheduled ? 'TECH-001' : null,
  service_location: 'LOC-000001',
});

describe('splitJobs', () => {
  it('puts open work first (soonest first) and finished work after (latest first)', () => {
    const { upcoming, past } = splitJobs(
      [
        job('done-old', 'Completed', '2025-11-10'),
        job('tomorrow', 'Scheduled', '2025-11-27'),
        job('queue', 'Unscheduled', null, '2025-11-26'),
        job('today-late', 'Scheduled', '2025-11-26', '2025-11-20', '15:00:00'),
        job('cancelled-future', 'Cancelled', '2025-12-01'),
        job('done-today', 'Completed', '2025-11-26'),
        job('on-the-road', 'En Route', '2025-11-26', '2025-11-20', '08:00:00'),
      ],
      '2025-11-26',
    );
    expect(upcoming.map((j) => j.name)).toEqual(['queue', 'on-the-road', 'today-late', 'tomorrow']);
    expect(past.map((j) => j.name)).toEqual(['cancelled-future', 'done-today', 'done-old']);
  });
});
