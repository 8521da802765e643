import { describe, expect, it } from 'vitest';
import { canTransition, isClosedJobStatus, JOB_TRANSITIONS, nextJobStatuses } from './dispatchJobStatus';
import { JOB_STATUSES } from './doctypes';

describe('Dispatch Job transitions', () => {
  it('follows the field lifecycle', () => {
    expect(canTransition('Scheduled', 'En Route')).toBe(true);
    expect(canTransition('En Route', 'In Progress')).toBe(true);
    expect(canTransition('In Progress', 'Completed')).toBe(true);
    expect(canTransition('Scheduled', 'In Progress')).toBe(true);
    // A failure is recorded on the way or on site, never before leaving.
    expect(canTransition('En Route', 'Not Completed')).toBe(true);
    expect(canTransition('In Progress', 'Not Completed')).toBe(true);
    expect(canTransition('Scheduled', 'Not Completed')).toBe(false);
    expect(canTransition('Not Completed', 'Completed')).toBe(false);
  });

  it('refuses jumps and leaving a closed job', () => {
    expect(canTransition('Scheduled', 'Completed')).toBe(false);
    expect(canTransition('Unscheduled', 'En Route')).toBe(false);
    expect(canTransition('Completed', 'In Progress')).toBe(false);
    expect(canTransition('Cancelled', 'Scheduled')).toBe(false);
  });

  it('treats the same status again as a no-op (offline replays)', () => {
    for (const s of JOB_STATUSES) expect(canTransition(s, s)).toBe(true);
  });

  it('only names known statuses', () => {
    for (const next of Object.values(JOB_TRANSITIONS).flat()) expect(JOB_STATUSES).toContain(next);
  });

  it('offers the moves of a known status only, and none from a closed job', () => {
    expect(nextJobStatuses('Scheduled')).toEqual(['En Route', 'In Progress', 'Cancelled']);
    expect(nextJobStatuses('Nope')).toEqual([]);
    expect(JOB_STATUSES.filter(isClosedJobStatus)).toEqual(['Completed', 'Not Completed', 'Cancelled']);
    expect(isClosedJobStatus('Nope')).toBe(false);
  });
});
