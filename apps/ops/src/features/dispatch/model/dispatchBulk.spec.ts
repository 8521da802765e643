import { describe, expect, it } from 'vitest';
import { displayOrder, movePatch, planBulk, restorePatch, selectJob, type BulkDay } from './dispatchBulk';
import { applyPatch } from './dispatchPatch';
import type { BoardJob, Placement, TechProfile } from './dispatchTypes';

const DAY = '2026-11-18';
const job = (name: string, over: Partial<BoardJob> = {}): BoardJob => ({
  name,
  modified: `2026-11-17 09:00:00.00000${name.slice(-1)}`,
  job_type: 'Repair',
  status: 'Scheduled',
  priority: 'Medium',
  customer: 'CUST-00001',
  service_location: 'LOC-000001',
  technician: 'TECH-001',
  territory: 'Montréal',
  required_skill: 'Installation',
  requested_date: DAY,
  scheduled_date: DAY,
  start_time: '09:00:00',
  duration_minutes: 60,
  notes: null,
  _user_tags: null,
  no_sms: 0,
  ...over,
});
const profile = (name: string, skills = ['Installation'], shift: [number, number] = [480, 990]): TechProfile => ({ name, skills, shiftStart: shift[0], shiftEnd: shift[1] });
const place = (j: BoardJob): Placement => ({ job: j.name, technician: j.technician as string, start: Number(j.start_time?.slice(0, 2)) * 60, end: Number(j.start_time?.slice(0, 2)) * 60 + j.duration_minutes, requiredSkill: j.required_skill, status: j.status });

const A = job('DJ-A');
const B = job('DJ-B', { start_time: '11:00:00' });
const C = job('DJ-C', { technician: 'TECH-003', start_time: '13:00:00', required_skill: 'Business' });
const Q = job('DJ-Q', { status: 'Unscheduled', technician: null, scheduled_date: null, start_time: null, duration_minutes: 90 });
const blocker = job('DJ-X', { technician: 'TECH-002', start_time: '11:00:00' });

const day = (over: Partial<BulkDay> = {}): BulkDay => ({
  date: DAY,
  placements: [A, B, C, blocker].map(place),
  absences: new Map([['TECH-002', [{ name: 'ABS-1', technician: 'TECH-002', start: 15 * 60 + 30, end: 17 * 60 + 30, reason: 'Training', note: null }]]]),
  profiles: new Map([
    ['TECH-001', profile('TECH-001')],
    ['TECH-002', profile('TECH-002', ['Installation'], [600, 1110])],
    ['TECH-003', profile('TECH-003', ['Installation', 'Business'])],
  ]),
  axis: { start: 420, end: 1200 },
  ...over,
});

describe('selectJob', () => {
  const order = ['DJ-A', 'DJ-B', 'DJ-C', 'DJ-Q'];
  it('toggles one job, and adds a range from the anchor either way', () => {
    const one = selectJob(new Set(), 'DJ-B', 'toggle', order, null);
    expect([...one]).toEqual(['DJ-B']);
    expect([...selectJob(one, 'DJ-B', 'toggle', order, 'DJ-B')]).toEqual([]);
    expect([...selectJob(one, 'DJ-Q', 'range', order, 'DJ-B')].sort()).toEqual(['DJ-B', 'DJ-C', 'DJ-Q']);
    expect([...selectJob(new Set(['DJ-C']), 'DJ-A', 'range', order, 'DJ-C')].sort()).toEqual(['DJ-A', 'DJ-B', 'DJ-C']);
    // No anchor on screen: a shift-click selects just that job.
    expect([...selectJob(new Set(), 'DJ-A', 'range', order, 'DJ-ZZ')]).toEqual(['DJ-A']);
  });
  it('orders the board row by row, then the queue', () => {
    expect(displayOrder([{ cards: [{ name: 'DJ-A' }, { name: 'DJ-B' }] }, { cards: [{ name: 'DJ-C' }] }], [{ name: 'DJ-Q' }])).toEqual(['DJ-A', 'DJ-B', 'DJ-C', 'DJ-Q']);
  });
});

describe('planBulk', () => {
  it('reassigns to one technician keeping each start, and lists overlap, absence, skill and shift before confirming', () => {
    const plan = planBulk([A, B, C], { kind: 'technician', technician: 'TECH-002', date: DAY }, day({ placements: [...day().placements, place(job('DJ-Y', { technician: 'TECH-002', start_time: '13:00:00', duration_minutes: 180 }))] }));
    expect(plan.skipped).toEqual([]);
    expect(plan.moves.map((m) => [m.job.name, m.target])).toEqual([
      ['DJ-A', { technician: 'TECH-002', date: DAY, start: 540 }],
      ['DJ-B', { technician: 'TECH-002', date: DAY, start: 660 }],
      ['DJ-C', { technician: 'TECH-002', date: DAY, start: 780 }],
    ]);
    // 09:00 is before TECH-002's 10:00 shift; 11:00 overlaps DJ-X; DJ-C needs Business and overlaps DJ-Y.
    expect(plan.moves.map((m) => m.conflicts.map((c) => c.kind))).toEqual([['outside-shift'], ['overlap'], ['missing-skill', 'overlap']]);
  });

  it('counts the earlier moves of the same action, and finds a queue job a free slot clear of absences', () => {
    const twins = [job('DJ-1', { start_time: '10:00:00' }), job('DJ-2', { start_time: '10:00:00', technician: 'TECH-003' })];
    const plan = planBulk(twins, { kind: 'technician', technician: 'TECH-002', date: DAY }, day());
    expect(plan.moves[1]?.conflicts).toEqual([{ kind: 'overlap', job: 'DJ-1', start: 600, end: 660 }]);
    const busy = day({ placements: [place(job('DJ-Z', { technician: 'TECH-002', start_time: '10:00:00', duration_minutes: 330 }))] });
    // 10:00–15:30 booked, 15:30–17:30 in training, shift ends 18:30: 90 minutes fit nowhere, 60 fit at 17:30.
    expect(planBulk([Q], { kind: 'technician', technician: 'TECH-002', date: DAY }, busy).skipped).toEqual([{ job: 'DJ-Q', reason: 'noSlot' }]);
    const plan2 = planBulk([{ ...Q, duration_minutes: 60 }], { kind: 'technician', technician: 'TECH-002', date: DAY }, busy);
    expect(plan2.moves[0]?.target).toEqual({ technician: 'TECH-002', date: DAY, start: 1050 });
    expect(plan2.moves[0]?.conflicts).toEqual([]);
  });

  it('moves to another day keeping technician and start; leaves out what cannot move', () => {
    const done = job('DJ-D', { status: 'Completed' });
    const going = job('DJ-E', { status: 'En Route' });
    const tomorrow = day({ date: '2026-11-19', placements: [place(job('DJ-T', { scheduled_date: '2026-11-19', start_time: '09:30:00' }))], absences: new Map() });
    const plan = planBulk([A, Q, done, going, B], { kind: 'day', date: '2026-11-19' }, { ...tomorrow, isWriting: (n) => n === 'DJ-B' });
    expect(plan.moves.map((m) => [m.job.name, m.target, m.conflicts.map((c) => c.kind)])).toEqual([['DJ-A', { technician: 'TECH-001', date: '2026-11-19', start: 540 }, ['overlap']]]);
    expect(plan.skipped).toEqual([
      { job: 'DJ-Q', reason: 'unplaced' },
      { job: 'DJ-D', reason: 'locked' },
      { job: 'DJ-E', reason: 'underway' },
      { job: 'DJ-B', reason: 'writing' },
    ]);
  });

  it('sends placed jobs back to the queue (queue jobs are already there)', () => {
    const plan = planBulk([A, Q], { kind: 'queue' }, day());
    expect(plan.moves.map((m) => m.job.name)).toEqual(['DJ-A']);
    expect(movePatch(plan.moves[0]!)).toEqual({ technician: null, scheduled_date: null, start_time: null, status: 'Unscheduled', modified: A.modified });
    expect(plan.skipped).toEqual([{ job: 'DJ-Q', reason: 'same' }]);
  });
});

describe('undo of a bulk move', () => {
  it('puts every job back where it was, with the version the server now holds', () => {
    const plan = planBulk([A, Q, C], { kind: 'technician', technician: 'TECH-002', date: DAY }, day());
    const after = plan.moves.map((m) => ({ ...applyPatch(m.job, movePatch(m)), modified: '2026-11-18 10:00:00.000000' }));
    const before = new Map([A, Q, C].map((j) => [j.name, j]));
    const patches = after.map((current) => restorePatch(before.get(current.name)!, current));
    expect(patches).toEqual([
      { technician: 'TECH-001', scheduled_date: DAY, start_time: '09:00:00', modified: '2026-11-18 10:00:00.000000' },
      { technician: null, scheduled_date: null, start_time: null, status: 'Unscheduled', modified: '2026-11-18 10:00:00.000000' },
      { technician: 'TECH-003', scheduled_date: DAY, start_time: '13:00:00', modified: '2026-11-18 10:00:00.000000' },
    ]);
    // Restored, each job is back as it was (apart from its new `modified`).
    after.forEach((current, i) => {
      const back = applyPatch(current, patches[i]!);
      const was = before.get(current.name)!;
      expect([back.technician, back.scheduled_date, back.start_time, back.status]).toEqual([was.technician, was.scheduled_date, was.start_time, was.status]);
    });
    // Already back (someone else undid it): nothing to send.
    expect(restorePatch(A, A)).toBeNull();
    expect(restorePatch(Q, Q)).toBeNull();
  });
});
