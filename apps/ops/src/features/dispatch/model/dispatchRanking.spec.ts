import { describe, expect, it } from 'vitest';
import { rankTechnicians } from '@/shared/scheduling';
import { jobPosition, rankAbsences, rankInputFor } from './dispatchRanking';
import type { BoardJob, BoardLocation, Placement, TechProfile } from './dispatchTypes';

const job = (name: string, over: Partial<BoardJob> = {}): BoardJob => ({
  name,
  modified: '2026-11-18 08:00:00.000000',
  job_type: 'Installation',
  status: 'Unscheduled',
  priority: 'Medium',
  customer: 'CUST-00001',
  service_location: `LOC-${name}`,
  technician: null,
  territory: 'Montréal',
  required_skill: 'Installation',
  requested_date: '2026-11-18',
  scheduled_date: null,
  start_time: null,
  duration_minutes: 60,
  notes: null,
  _user_tags: null,
  no_sms: 0,
  ...over,
});
const loc = (name: string, latitude: number, longitude: number) => ({ name, address_line: '1 rue', city: 'Montréal', postal_code: 'H2X 1Y4', latitude, longitude, access_notes: null }) as BoardLocation;
const profile = (name: string, skills: string[]): TechProfile => ({ name, skills, shiftStart: 8 * 60, shiftEnd: 16 * 60 });

describe('rankInputFor', () => {
  it('gives each placed job its address’s coordinates and leaves unknown ones null (0,0 is no place)', () => {
    const jobs = new Map([
      ['DJ-A', job('DJ-A', { technician: 'TECH-1', scheduled_date: '2026-11-18', start_time: '08:00:00', status: 'Scheduled' })],
      ['DJ-B', job('DJ-B', { technician: 'TECH-2', scheduled_date: '2026-11-18', start_time: '08:00:00', status: 'Scheduled' })],
      ['DJ-NEW', job('DJ-NEW')],
    ]);
    const locations = new Map([
      ['LOC-DJ-A', loc('LOC-DJ-A', 45.5, -73.57)],
      ['LOC-DJ-B', loc('LOC-DJ-B', 0, 0)],
      ['LOC-DJ-NEW', loc('LOC-DJ-NEW', 45.51, -73.56)],
    ]);
    const placements: Placement[] = [
      { job: 'DJ-A', technician: 'TECH-1', start: 480, end: 540, requiredSkill: null, status: 'Scheduled' },
      { job: 'DJ-B', technician: 'TECH-2', start: 480, end: 540, requiredSkill: null, status: 'Scheduled' },
    ];
    const input = rankInputFor(jobs.get('DJ-NEW')!, null, {
      profiles: new Map([
        ['TECH-1', profile('TECH-1', ['Installation'])],
        ['TECH-2', profile('TECH-2', ['Installation'])],
      ]),
      placements,
      jobs: (n) => jobs.get(n),
      locations,
      axis: { start: 420, end: 1200 },
    });
    expect(input.job).toEqual({ name: 'DJ-NEW', requiredSkill: 'Installation', duration: 60, position: { lat: 45.51, lon: -73.56 }, start: null });
    expect(input.dayJobs.map((j) => j.position)).toEqual([{ lat: 45.5, lon: -73.57 }, null]);
    expect(jobPosition(jobs.get('DJ-B'), locations)).toBeNull();
    // TECH-1's previous job is next door; TECH-2's position is unknown: TECH-1 first, after its 09:00 end.
    const [best] = rankTechnicians(input);
    expect(best).toMatchObject({ technician: 'TECH-1', start: 540, eligible: true });
  });
});

describe('rankAbsences', () => {
  it('never proposes a technician away all day as free; one away a few hours is free around it', () => {
    const jobs = new Map([['DJ-NEW', job('DJ-NEW')]]);
    const profiles = new Map([
      ['TECH-1', profile('TECH-1', ['Installation'])],
      ['TECH-2', profile('TECH-2', ['Installation'])],
    ]);
    const blocks = [
      { name: 'ABS-1', technician: 'TECH-1', start: 0, end: 1440, reason: 'Sick Day', note: null },
      { name: 'ABS-2', technician: 'TECH-2', start: 480, end: 600, reason: 'Training', note: null },
    ];
    const absences = rankAbsences(blocks, (b) => `${b.reason} ${b.start}`);
    expect(absences[1]).toEqual({ technician: 'TECH-2', start: 480, end: 600, label: 'Training 480' });
    const ranks = rankTechnicians(rankInputFor(jobs.get('DJ-NEW')!, null, { profiles, placements: [], jobs: (n) => jobs.get(n), locations: new Map(), absences, axis: { start: 420, end: 1200 } }));
    expect(ranks.map((r) => [r.technician, r.eligible, r.start])).toEqual([
      ['TECH-2', true, 600],
      ['TECH-1', false, null],
    ]);
    // At a fixed start inside the training, TECH-2 is blocked by it and says so.
    const fixed = rankTechnicians(rankInputFor(jobs.get('DJ-NEW')!, 500, { profiles, placements: [], jobs: (n) => jobs.get(n), locations: new Map(), absences, axis: { start: 420, end: 1200 } }));
    expect(fixed.every((r) => !r.eligible)).toBe(true);
    expect(fixed.find((r) => r.technician === 'TECH-2')?.reasons.find((x) => x.kind === 'absence')).toMatchObject({ ok: false, absences: [{ label: 'Training 480' }] });
  });
});
