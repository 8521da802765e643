import { describe, expect, it } from 'vitest';
import { workByCustomer } from './incidentWork';

describe('workByCustomer', () => {
  it('groups open tickets and jobs by client, jobs by day with unscheduled ones last', () => {
    const work = workByCustomer(
      [
        { name: 'ISS-1', subject: 'Pas d’internet', status: 'Open', customer: 'CUST-1' },
        { name: 'ISS-2', subject: null, status: 'Replied', customer: null },
      ],
      [
        { name: 'DJ-3', job_type: 'Repair', status: 'Unscheduled', customer: 'CUST-1', scheduled_date: null },
        { name: 'DJ-2', job_type: 'Repair', status: 'Scheduled', customer: 'CUST-1', scheduled_date: '2026-06-16' },
        { name: 'DJ-1', job_type: 'Install', status: 'Scheduled', customer: 'CUST-2', scheduled_date: '2026-06-15' },
      ],
    );
    expect(work.get('CUST-1')?.tickets.map((t) => t.name)).toEqual(['ISS-1']);
    expect(work.get('CUST-1')?.jobs.map((j) => j.name)).toEqual(['DJ-2', 'DJ-3']);
    expect(work.get('CUST-2')).toEqual({ tickets: [], jobs: [expect.objectContaining({ name: 'DJ-1' })] });
    expect(work.has('CUST-3')).toBe(false);
  });
});
