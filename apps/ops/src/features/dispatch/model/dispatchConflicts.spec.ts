import { describe, expect, it } from 'vitest';
import { boardConflicts, conflictKinds, conflictsFor, firstFreeSlot, parseSkills, placementOf, techProfile } from './dispatchConflicts';
import type { AbsenceBlock, BoardJob, BoardTechnician, Placement, TechProfile } from './dispatchTypes';

const tech = (over: Partial<BoardTechnician> = {}): BoardTechnician => ({
  name: 'TECH-002',
  technician_name: 'Mathieu Caron',
  territory: 'Montréal',
  skills: 'Installation,Fibre Splicing, Wi-Fi/Mesh',
  shift_start: '10:00:00',
  shift_end: '18:30:00',
  phone: null,
  status: 'Active',
  traccar_device_id: 102,
  ...over,
});

const job = (over: Partial<BoardJob> = {}): BoardJob => ({
  name: 'DJ-1',
  modified: '2026-03-08 09:00:00.000000',
  job_type: 'Repair',
  status: 'Scheduled',
  priority: 'Medium',
  customer: 'CUST-00001',
  service_location: 'LOC-000001',
  technician: 'TECH-002',
  territory: 'Montréal',
  required_skill: 'Installation',
  requested_date: '2026-03-08',
  scheduled_date: '2026-03-08',
  start_time: '13:00:00',
  duration_minutes: 120,
  notes: null,
  _user_tags: null,
  no_sms: 0,
  ...over,
});

const p = (name: string, start: number, end: number, technician = 'TECH-002', requiredSkill: string | null = null): Placement => ({
  job: name,
  technician,
  start,
  end,
  requiredSkill,
  status: 'Scheduled',
});

const caron: TechProfile = techProfile(tech());

describe('technicians and placements', () => {
  it('parses comma-separated skills, trimming and skipping blanks', () => {
    expect(parseSkills('Installation,Fibre Splicing, Wi-Fi/Mesh,')).toEqual(['Installation', 'Fibre Splicing', 'Wi-Fi/Mesh']);
    expect(parseSkills(null)).toEqual([]);
    expect(caron).toEqual({ name: 'TECH-002', skills: ['Installation', 'Fibre Splicing', 'Wi-Fi/Mesh'], shiftStart: 600, shiftEnd: 1110 });
    expect(techProfile(tech({ shift_start: null })).shiftStart).toBeNull();
  });

  it('places scheduled, active, finished and cancelled jobs, not queued ones', () => {
    expect(placementOf(job())).toEqual({ job: 'DJ-1', technician: 'TECH-002', start: 780, end: 900, requiredSkill: 'Installation', status: 'Scheduled' });
    expect(placementOf(job({ status: 'In Progress' }))?.start).toBe(780);
    expect(placementOf(job({ status: 'Cancelled' }))?.status).toBe('Cancelled');
    expect(placementOf(job({ status: 'Unscheduled', technician: null, start_time: null }))).toBeNull();
    expect(placementOf(job({ start_time: null }))).toBeNull();
  });

  it('measures a job running across the spring change in real minutes', () => {
    const night = job({ scheduled_date: '2026-03-08', start_time: '01:30:00', duration_minutes: 60 });
    expect(placementOf(night, true)?.end).toBe(210);
  });
});

describe('conflictsFor (a proposed placement)', () => {
  const others = [p('DJ-2', 780, 900), p('DJ-3', 960, 1020), p('DJ-9', 780, 900, 'TECH-009')];

  it('finds nothing wrong with a free slot inside the shift, with the skill', () => {
    expect(conflictsFor(p('DJ-1', 600, 660, 'TECH-002', 'Wi-Fi/Mesh'), caron, others)).toEqual([]);
    // Touching the next job is not an overlap; ending exactly at the shift end is fine.
    expect(conflictsFor(p('DJ-1', 720, 780), caron, others)).toEqual([]);
    expect(conflictsFor(p('DJ-1', 1050, 1110), caron, others)).toEqual([]);
  });

  it('reports each job it overlaps (the same technician only), in time order', () => {
    expect(conflictsFor(p('DJ-1', 840, 990), caron, others)).toEqual([
      { kind: 'overlap', job: 'DJ-2', start: 780, end: 900 },
      { kind: 'overlap', job: 'DJ-3', start: 960, end: 1020 },
    ]);
  });

  it('ignores cancelled jobs: their time is free again', () => {
    const cancelled = { ...p('DJ-8', 600, 720), status: 'Cancelled' };
    expect(conflictsFor(p('DJ-1', 600, 660), caron, [cancelled])).toEqual([]);
    expect(boardConflicts([cancelled, p('DJ-1', 600, 660)], new Map([['TECH-002', caron]])).size).toBe(0);
    expect(firstFreeSlot('J', 60, caron, [cancelled], { start: 420, end: 1200 })).toBe(600);
  });

  it('ignores the job itself (moving a job a little later does not clash with its old place)', () => {
    expect(conflictsFor(p('DJ-2', 795, 915), caron, others)).toEqual([]);
  });

  it('reports starting before or ending after the shift', () => {
    expect(conflictsFor(p('DJ-1', 540, 600), caron, [])).toEqual([{ kind: 'outside-shift', shiftStart: 600, shiftEnd: 1110 }]);
    expect(conflictsFor(p('DJ-1', 1080, 1140), caron, [])).toEqual([{ kind: 'outside-shift', shiftStart: 600, shiftEnd: 1110 }]);
    // No shift on file: nothing to check against.
    expect(conflictsFor(p('DJ-1', 300, 360), { ...caron, shiftStart: null }, [])).toEqual([]);
  });

  it('reports a missing skill', () => {
    expect(conflictsFor(p('DJ-1', 600, 660, 'TECH-002', 'Business'), caron, [])).toEqual([{ kind: 'missing-skill', skill: 'Business' }]);
  });

  it('reports every problem at once', () => {
    const all = conflictsFor(p('DJ-1', 1080, 1140, 'TECH-002', 'Business'), caron, [p('DJ-4', 1100, 1130)]);
    expect(conflictKinds(all)).toEqual(['overlap', 'outside-shift', 'missing-skill']);
    expect(all.map((c) => c.kind)).toEqual(['missing-skill', 'outside-shift', 'overlap']);
  });
});

describe('boardConflicts (every card of a day)', () => {
  it('marks both jobs of an overlap, and jobs outside the shift or lacking the skill', () => {
    const techs = new Map([['TECH-002', caron]]);
    const day = [
      p('A', 600, 720),
      p('B', 690, 750), // overlaps A
      p('C', 750, 810), // touches B: fine
      p('D', 1080, 1140), // past 18:30
      p('E', 840, 900, 'TECH-002', 'Business'), // no such skill
      p('F', 600, 700, 'TECH-404'), // unknown technician: overlaps only
      p('G', 650, 660, 'TECH-404'),
    ];
    const found = boardConflicts(day, techs);
    expect(found.get('A')).toEqual([{ kind: 'overlap', job: 'B', start: 690, end: 750 }]);
    expect(found.get('B')).toEqual([{ kind: 'overlap', job: 'A', start: 600, end: 720 }]);
    expect(found.has('C')).toBe(false);
    expect(found.get('D')).toEqual([{ kind: 'outside-shift', shiftStart: 600, shiftEnd: 1110 }]);
    expect(found.get('E')).toEqual([{ kind: 'missing-skill', skill: 'Business' }]);
    expect(found.get('F')?.map((c) => c.kind)).toEqual(['overlap']);
    expect(found.get('G')?.map((c) => c.kind)).toEqual(['overlap']);
  });

  it('finds a long job overlapping several later ones, and agrees with conflictsFor', () => {
    const techs = new Map([['TECH-002', { ...caron, shiftStart: null, shiftEnd: null }]]);
    const day = [p('L', 600, 900), p('M', 620, 640), p('N', 700, 720), p('O', 900, 960)];
    const found = boardConflicts(day, techs);
    expect(found.get('L')?.map((c) => (c.kind === 'overlap' ? c.job : c.kind))).toEqual(['M', 'N']);
    for (const placement of day) {
      expect(found.get(placement.job) ?? []).toEqual(conflictsFor(placement, techs.get('TECH-002') as TechProfile, day));
    }
  });
});

describe('firstFreeSlot', () => {
  it('finds the earliest gap in the shift that fits the job', () => {
    const day = [p('A', 600, 720), p('B', 750, 900), p('X', 720, 750, 'TECH-009')];
    expect(firstFreeSlot('J', 30, caron, day, { start: 420, end: 1200 })).toBe(720);
    expect(firstFreeSlot('J', 60, caron, day, { start: 420, end: 1200 })).toBe(900);
    // Its own old place does not count.
    expect(firstFreeSlot('A', 60, caron, day, { start: 420, end: 1200 })).toBe(600);
    expect(firstFreeSlot('J', 600, caron, day, { start: 420, end: 1200 })).toBeNull();
    // Without a shift, the axis bounds the search.
    expect(firstFreeSlot('J', 60, { ...caron, shiftStart: null, shiftEnd: null }, [], { start: 420, end: 1200 })).toBe(420);
  });
});

describe('absences (Technician Absence blocks)', () => {
  const training: AbsenceBlock = { name: 'ABS-1', technician: 'TECH-002', start: 930, end: 1050, reason: 'Training', note: null };
  const elsewhere: AbsenceBlock = { ...training, name: 'ABS-2', technician: 'TECH-009' };

  it('warns when a placement falls in the technician’s absence, like a shift conflict', () => {
    expect(conflictsFor(p('DJ-1', 960, 1020), caron, [], [training, elsewhere])).toEqual([{ kind: 'absent', absence: 'ABS-1', reason: 'Training', start: 930, end: 1050 }]);
    // Touching the block is fine; another technician's block is not this one's.
    expect(conflictsFor(p('DJ-1', 870, 930), caron, [], [training])).toEqual([]);
    expect(conflictsFor(p('DJ-1', 960, 1020, 'TECH-009'), { ...caron, name: 'TECH-009' }, [], [training])).toEqual([]);
  });

  it('marks the day’s cards inside an absence, and agrees with conflictsFor', () => {
    const techs = new Map([['TECH-002', caron]]);
    const day = [p('A', 600, 720), p('B', 900, 960), p('C', 1050, 1080)];
    const found = boardConflicts(day, techs, new Map([['TECH-002', [training]]]));
    expect(found.has('A')).toBe(false);
    expect(found.get('B')).toEqual([{ kind: 'absent', absence: 'ABS-1', reason: 'Training', start: 930, end: 1050 }]);
    expect(found.has('C')).toBe(false);
    for (const placement of day) expect(found.get(placement.job) ?? []).toEqual(conflictsFor(placement, caron, day, [training]));
    expect(conflictKinds(found.get('B') ?? [])).toEqual(['absent']);
  });

  it('firstFreeSlot steps over an absence', () => {
    // 10:00–15:30 taken by a job, 15:30–17:30 away: the first free hour is at 17:30.
    expect(firstFreeSlot('J', 60, caron, [p('A', 600, 930)], { start: 420, end: 1200 }, 15, [training])).toBe(1050);
    expect(firstFreeSlot('J', 60, caron, [p('A', 600, 930)], { start: 420, end: 1200 })).toBe(930);
  });
});
