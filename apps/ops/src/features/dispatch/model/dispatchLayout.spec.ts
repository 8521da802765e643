import { describe, expect, it } from 'vitest';
import { techProfile } from './dispatchConflicts';
import { assignLanes, createBoardLayout, GROUP_HEADER_HEIGHT, rowHeight, type BoardLayoutInput } from './dispatchLayout';
import type { BoardJob, BoardTechnician, Placement } from './dispatchTypes';

const tech = (name: string, territory: string, technician_name: string): BoardTechnician => ({
  name,
  technician_name,
  territory,
  skills: 'Installation',
  shift_start: '08:00:00',
  shift_end: '16:30:00',
  phone: null,
  status: 'Active',
  traccar_device_id: 0,
});

const job = (name: string, technician: string, start: string, duration: number, over: Partial<BoardJob> = {}): BoardJob => ({
  name,
  modified: '2026-05-04 08:00:00.000000',
  job_type: 'Installation',
  status: 'Scheduled',
  priority: 'Medium',
  customer: 'CUST-1',
  service_location: 'LOC-1',
  technician,
  territory: 'Montréal',
  required_skill: 'Installation',
  requested_date: '2026-05-04',
  scheduled_date: '2026-05-04',
  start_time: start,
  duration_minutes: duration,
  notes: null,
  _user_tags: null,
  no_sms: 0,
  ...over,
});

const placementFor = (j: BoardJob): Placement => {
  const [h, m] = (j.start_time as string).split(':').map(Number) as [number, number];
  const start = h * 60 + m;
  return { job: j.name, technician: j.technician as string, start, end: start + j.duration_minutes, requiredSkill: j.required_skill, status: j.status };
};

const profiles = new WeakMap<BoardTechnician, ReturnType<typeof techProfile>>();
const profileOf = (t: BoardTechnician) => profiles.get(t) ?? profiles.set(t, techProfile(t)).get(t)!;

function input(techs: BoardTechnician[], jobs: BoardJob[], over: Partial<BoardLayoutInput> = {}): BoardLayoutInput {
  const placed = new Map<string, { job: BoardJob; placement: Placement }[]>();
  for (const j of jobs) placed.set(j.technician as string, [...(placed.get(j.technician as string) ?? []), { job: j, placement: placementFor(j) }]);
  return {
    technicians: techs,
    profiles: new Map(techs.map((t) => [t.name, profileOf(t)])),
    placed,
    axis: { start: 420, end: 1200 },
    conflicts: new Map(),
    text: (j) => ({ label: j.customer, detail: j.job_type, extra: j.name }),
    textKey: 0,
    dim: () => false,
    flash: new Set(),
    ...over,
  };
}

describe('lanes', () => {
  it('stacks overlapping jobs and reuses a lane once it is free', () => {
    expect(assignLanes([])).toEqual({ lanes: [], count: 1 });
    expect(assignLanes([{ start: 0, end: 60 }, { start: 60, end: 120 }])).toEqual({ lanes: [0, 0], count: 1 });
    expect(assignLanes([{ start: 0, end: 60 }, { start: 30, end: 90 }, { start: 60, end: 120 }, { start: 45, end: 50 }])).toEqual({
      lanes: [0, 1, 0, 2],
      count: 3,
    });
    expect(rowHeight(3)).toBeGreaterThan(rowHeight(1));
  });
});

describe('board layout', () => {
  const techs = [tech('TECH-003', 'Laval', 'Zoé Roy'), tech('TECH-001', 'Montréal', 'Jean Roy'), tech('TECH-002', 'Montréal', 'Alain Caron')];

  it('groups technicians by region in the usual order, by name within a region', () => {
    const layout = createBoardLayout()(input(techs, []));
    expect(layout.groups.map((g) => [g.region, g.rows.map((r) => r.name)])).toEqual([
      ['Montréal', ['TECH-002', 'TECH-001']],
      ['Laval', ['TECH-003']],
    ]);
    expect(layout.tops[0]).toBe(GROUP_HEADER_HEIGHT);
    expect(layout.tops[2]).toBe(2 * GROUP_HEADER_HEIGHT + 2 * rowHeight(1));
    expect(layout.totalHeight).toBe(2 * GROUP_HEADER_HEIGHT + 3 * rowHeight(1));
  });

  it('sizes cards by duration in % of the axis and shows the shift band', () => {
    const layout = createBoardLayout()(input(techs, [job('DJ-1', 'TECH-001', '10:00:00', 78)]));
    const row = layout.rows.find((r) => r.name === 'TECH-001');
    const card = row?.cards[0];
    expect(card?.left).toBeCloseTo(((600 - 420) / 780) * 100);
    expect(card?.width).toBeCloseTo(10);
    expect(row?.shift?.left).toBeCloseTo((60 / 780) * 100);
    expect(row?.shift?.width).toBeCloseTo((510 / 780) * 100);
    expect(row?.bookedMinutes).toBe(78);
  });

  it('clips cards at the axis edges', () => {
    const layout = createBoardLayout()(input(techs, [job('DJ-1', 'TECH-001', '06:00:00', 120)]));
    const card = layout.rows.find((r) => r.name === 'TECH-001')?.cards[0];
    expect(card?.left).toBe(0);
    expect(card?.width).toBeCloseTo((60 / 780) * 100);
  });

  it('carries warnings, urgency, lock and search dimming onto cards', () => {
    const jobs = [
      job('DJ-1', 'TECH-001', '10:00:00', 60, { priority: 'Urgent' }),
      job('DJ-2', 'TECH-001', '10:30:00', 60, { status: 'Completed' }),
    ];
    const conflicts = new Map([['DJ-1', [{ kind: 'overlap' as const, job: 'DJ-2', start: 630, end: 690 }]]]);
    const layout = createBoardLayout()(input(techs, jobs, { conflicts, dim: (j) => j.name === 'DJ-2' }));
    const row = layout.rows.find((r) => r.name === 'TECH-001');
    expect(row?.lanes).toBe(2);
    expect(row?.warningCount).toBe(1);
    expect(row?.cards.map((c) => [c.name, c.lane, c.warnings, c.urgent, c.locked, c.dim, c.slug])).toEqual([
      ['DJ-1', 0, ['overlap'], true, false, false, 'scheduled'],
      ['DJ-2', 1, [], false, true, true, 'completed'],
    ]);
  });

  it('reuses unchanged rows and rebuilds only the one that changed', () => {
    const layoutOf = createBoardLayout();
    const a = job('DJ-1', 'TECH-001', '10:00:00', 60);
    const b = job('DJ-2', 'TECH-002', '11:00:00', 60);
    const first = layoutOf(input(techs, [a, b]));
    const second = layoutOf(input(techs, [a, { ...b, start_time: '12:00:00' }]));
    const row = (l: typeof first, name: string) => l.rows.find((r) => r.name === name);
    expect(row(second, 'TECH-001')).toBe(row(first, 'TECH-001'));
    expect(row(second, 'TECH-003')).toBe(row(first, 'TECH-003'));
    expect(row(second, 'TECH-002')).not.toBe(row(first, 'TECH-002'));
    // A highlight or a new wording rebuilds too.
    const third = layoutOf(input(techs, [a, { ...b, start_time: '12:00:00' }], { flash: new Set(['DJ-1']) }));
    expect(row(third, 'TECH-001')?.cards[0]?.flash).toBe(true);
    expect(row(third, 'TECH-003')).toBe(row(first, 'TECH-003'));
    const fourth = layoutOf(input(techs, [a], { textKey: 1 }));
    expect(row(fourth, 'TECH-003')).not.toBe(row(third, 'TECH-003'));
  });
});
