import { describe, expect, it } from 'vitest';
import { rankTechnicians, reasonOf, UNKNOWN_TRAVEL_MINUTES, type RankDayJob, type RankInput, type RankTechnician } from './technicianRanking';
import { drivingMinutes, geoPoint, greatCircleKm, ROAD_FACTOR, roadKm } from './travelDistance';

const H = 60;
// Montréal downtown, Laval, Longueuil.
const MTL = { lat: 45.5017, lon: -73.5673 };
const LAVAL = { lat: 45.6066, lon: -73.7124 };
const LONGUEUIL = { lat: 45.5312, lon: -73.5181 };

const tech = (name: string, over: Partial<RankTechnician> = {}): RankTechnician => ({
  name,
  skills: ['Installation'],
  shiftStart: 8 * H,
  shiftEnd: 16 * H,
  lastPosition: null,
  ...over,
});
const dayJob = (name: string, technician: string, start: number, end: number, over: Partial<RankDayJob> = {}): RankDayJob => ({
  name,
  technician,
  start,
  end,
  status: 'Scheduled',
  position: null,
  ...over,
});
const input = (over: Partial<RankInput> = {}): RankInput => ({
  job: { name: 'DJ-1', requiredSkill: 'Installation', duration: 2 * H, position: MTL, start: 10 * H },
  technicians: [],
  dayJobs: [],
  ...over,
});

describe('travelDistance', () => {
  it('measures great-circle kilometres and applies the road factor', () => {
    const km = greatCircleKm(MTL, LAVAL);
    expect(km).toBeGreaterThan(15);
    expect(km).toBeLessThan(17);
    expect(roadKm(MTL, LAVAL)).toBeCloseTo(km * ROAD_FACTOR, 6);
    expect(greatCircleKm(MTL, MTL)).toBe(0);
    expect(drivingMinutes(40)).toBe(60);
  });

  it('treats missing and 0,0 coordinates as unknown', () => {
    expect(geoPoint(0, 0)).toBeNull();
    expect(geoPoint(null, -73)).toBeNull();
    expect(geoPoint(45.5, -73.5)).toEqual({ lat: 45.5, lon: -73.5 });
  });
});

describe('rankTechnicians', () => {
  it('puts an eligible technician before one without the skill, however close', () => {
    const ranks = rankTechnicians(
      input({
        technicians: [tech('TECH-A', { skills: ['Fibre Splicing'], lastPosition: MTL }), tech('TECH-B', { lastPosition: LAVAL })],
      }),
    );
    expect(ranks.map((r) => r.technician)).toEqual(['TECH-B', 'TECH-A']);
    expect(ranks[0]?.eligible).toBe(true);
    expect(ranks[1]?.eligible).toBe(false);
    expect(reasonOf(ranks[1]!, 'skill')).toEqual({ kind: 'skill', ok: false, skill: 'Installation' });
  });

  it('orders eligible technicians by travel from their previous job, else their last position', () => {
    const ranks = rankTechnicians(
      input({
        technicians: [tech('TECH-FAR', { lastPosition: LAVAL }), tech('TECH-NEAR', { lastPosition: LAVAL })],
        // TECH-NEAR's previous job is downtown, next to the new one; TECH-FAR only has a Laval position.
        dayJobs: [dayJob('DJ-PREV', 'TECH-NEAR', 8 * H, 9 * H, { position: LONGUEUIL })],
      }),
    );
    expect(ranks.map((r) => r.technician)).toEqual(['TECH-NEAR', 'TECH-FAR']);
    const near = reasonOf(ranks[0]!, 'travel');
    expect(near).toMatchObject({ from: 'previous-job', fromJob: 'DJ-PREV' });
    expect(near.km).toBeCloseTo(roadKm(LONGUEUIL, MTL), 6);
    expect(reasonOf(ranks[1]!, 'travel')).toMatchObject({ from: 'last-position', fromJob: null });
  });

  it('says a technician is busy when a job overlaps the fixed window, and names it', () => {
    const ranks = rankTechnicians(
      input({ technicians: [tech('TECH-A'), tech('TECH-B')], dayJobs: [dayJob('DJ-X', 'TECH-A', 11 * H, 12 * H)] }),
    );
    expect(ranks[0]?.technician).toBe('TECH-B');
    expect(reasonOf(ranks[1]!, 'free')).toEqual({ kind: 'free', ok: false, clashes: ['DJ-X'] });
  });

  it('ignores cancelled jobs and the job itself', () => {
    const [rank] = rankTechnicians(
      input({
        technicians: [tech('TECH-A')],
        dayJobs: [dayJob('DJ-1', 'TECH-A', 10 * H, 12 * H), dayJob('DJ-C', 'TECH-A', 10 * H, 11 * H, { status: 'Cancelled' })],
      }),
    );
    expect(rank?.eligible).toBe(true);
    expect(reasonOf(rank!, 'load')).toEqual({ kind: 'load', jobs: 0, minutes: 0 });
  });

  it('blocks a window past the shift, and one inside an absence', () => {
    const ranks = rankTechnicians(
      input({
        job: { name: 'DJ-1', requiredSkill: null, duration: 2 * H, position: null, start: 15 * H },
        technicians: [tech('TECH-SHIFT'), tech('TECH-AWAY', { shiftEnd: 18 * H }), tech('TECH-OK', { shiftEnd: 18 * H })],
        absences: [{ technician: 'TECH-AWAY', start: 14 * H, end: 18 * H, label: 'Formation' }],
      }),
    );
    expect(ranks.map((r) => [r.technician, r.eligible])).toEqual([
      ['TECH-OK', true],
      ['TECH-SHIFT', false],
      ['TECH-AWAY', false],
    ]);
    expect(reasonOf(ranks[1]!, 'shift').ok).toBe(false);
    expect(reasonOf(ranks[2]!, 'absence').absences.map((a) => a.label)).toEqual(['Formation']);
  });

  it('finds each technician’s first free slot in their shift when the job has no start, skipping jobs and absences', () => {
    const ranks = rankTechnicians(
      input({
        job: { name: 'DJ-1', requiredSkill: 'Installation', duration: 90, position: null, start: null },
        technicians: [tech('TECH-A'), tech('TECH-FULL', { shiftEnd: 10 * H })],
        dayJobs: [dayJob('DJ-A1', 'TECH-A', 8 * H, 9 * H + 10), dayJob('DJ-F1', 'TECH-FULL', 8 * H + 30, 10 * H)],
        absences: [{ technician: 'TECH-A', start: 9 * H + 30, end: 11 * H, label: 'Rendez-vous' }],
      }),
    );
    const a = ranks.find((r) => r.technician === 'TECH-A')!;
    expect(a.start).toBe(11 * H);
    expect(a.eligible).toBe(true);
    const full = ranks.find((r) => r.technician === 'TECH-FULL')!;
    expect(full.start).toBeNull();
    expect(full.eligible).toBe(false);
    expect(reasonOf(full, 'free').ok).toBe(false);
  });

  it('weighs the day’s load when travel is equal, and assumes a long drive when nothing is known', () => {
    const ranks = rankTechnicians(
      input({
        job: { name: 'DJ-1', requiredSkill: null, duration: H, position: null, start: 14 * H },
        technicians: [tech('TECH-BUSY'), tech('TECH-IDLE')],
        dayJobs: [dayJob('DJ-B1', 'TECH-BUSY', 8 * H, 12 * H)],
      }),
    );
    expect(ranks.map((r) => r.technician)).toEqual(['TECH-IDLE', 'TECH-BUSY']);
    expect(reasonOf(ranks[0]!, 'travel')).toMatchObject({ from: 'unknown', km: null });
    expect(ranks[0]?.cost).toBe(UNKNOWN_TRAVEL_MINUTES);
    expect(reasonOf(ranks[1]!, 'load')).toEqual({ kind: 'load', jobs: 1, minutes: 4 * H });
  });

  it('lets a technician without a shift on file work anywhere on the axis', () => {
    const [rank] = rankTechnicians(
      input({
        job: { name: 'DJ-1', requiredSkill: null, duration: H, position: null, start: null },
        technicians: [tech('TECH-A', { shiftStart: null, shiftEnd: null })],
        axis: { start: 6 * H, end: 22 * H },
      }),
    );
    expect(rank).toMatchObject({ start: 6 * H, eligible: true });
    expect(reasonOf(rank!, 'shift').ok).toBe(true);
  });

  it('keeps a stable order on ties', () => {
    const ranks = rankTechnicians(input({ technicians: [tech('TECH-C'), tech('TECH-A'), tech('TECH-B')] }));
    expect(ranks.map((r) => r.technician)).toEqual(['TECH-A', 'TECH-B', 'TECH-C']);
  });
});
