// Ranks technicians for one job and says why, from plain data (no Vue, no network), so the dispatch
// board's assign dialog and the tickets' booking proposals rank the same way.
// A technician is eligible when they have the job's skill, are not absent, are within their shift
// and free for the whole window; eligible ones come first, ordered by a cost in minutes: the
// estimated drive from where they will be (their previous job that day, else their last known
// position: great-circle distance × road factor, see travelDistance.ts) plus a quarter of the day's
// load (an hour already booked weighs like 15 minutes of driving, so work spreads out without sending
// someone across the island). Ineligible ones follow, the least blocked first, so the dialog can
// still show them with their reasons.
import { drivingMinutes, roadKm, type GeoPoint } from './travelDistance';

/** A technician as the ranking needs them; times are minutes since midnight of the day. */
export interface RankTechnician {
  name: string;
  skills: readonly string[];
  /** null when no shift is on file: then the shift neither helps nor blocks. */
  shiftStart: number | null;
  shiftEnd: number | null;
  /** Last known position (Traccar), or null. */
  lastPosition: GeoPoint | null;
}

/** One of the day's jobs already on someone's schedule. */
export interface RankDayJob {
  name: string;
  technician: string;
  start: number;
  end: number;
  /** A cancelled job does not hold the technician's time. */
  status: string;
  position: GeoPoint | null;
}

/** A time the technician is away that day (vacation, training, sick, a few hours). */
export interface RankAbsence {
  technician: string;
  start: number;
  end: number;
  /** What the dispatcher sees (e.g. the absence's name or its kind). */
  label: string;
}

/** The job to place. */
export interface RankJob {
  name: string;
  requiredSkill: string | null;
  /** Minutes of work. */
  duration: number;
  position: GeoPoint | null;
  /** A fixed start (a drop, a booked window), or null: the ranking finds each one's first free slot. */
  start: number | null;
}

export interface RankInput {
  job: RankJob;
  technicians: readonly RankTechnician[];
  dayJobs: readonly RankDayJob[];
  absences?: readonly RankAbsence[];
  /** Where to look for a slot when a technician has no shift (default 07:00–20:00). */
  axis?: { start: number; end: number };
  /** Slot step in minutes (default 15, the board's). */
  step?: number;
}

export type RankReason =
  | { kind: 'skill'; ok: boolean; skill: string | null }
  | { kind: 'free'; ok: boolean; /** Jobs in the way (fixed start), or none when no slot was found. */ clashes: string[] }
  | { kind: 'shift'; ok: boolean; shiftStart: number | null; shiftEnd: number | null }
  | { kind: 'absence'; ok: boolean; absences: RankAbsence[] }
  | { kind: 'travel'; from: 'previous-job' | 'last-position' | 'unknown'; fromJob: string | null; km: number | null; minutes: number | null }
  | { kind: 'load'; jobs: number; minutes: number };

export interface TechnicianRank {
  technician: string;
  /** No blocking reason: skill, not absent, in shift, free. */
  eligible: boolean;
  /** Where the job would start for this technician (the fixed start, or their first free slot). */
  start: number | null;
  /** Lower is better: minutes of estimated driving + load, plus penalties for each blocker. */
  cost: number;
  reasons: RankReason[];
}

const DEFAULT_AXIS = { start: 7 * 60, end: 20 * 60 };
/** When nobody knows where the technician is, assume a long drive rather than a short one. */
export const UNKNOWN_TRAVEL_MINUTES = 45;
/** Minutes of cost per minute already booked that day. */
export const LOAD_WEIGHT = 0.25;
// Blockers outweigh any drive: a missing skill is worst (the job cannot be done), then an absence,
// then a clash, then working past the shift (possible with overtime).
const PENALTY = { skill: 100_000, absence: 50_000, busy: 20_000, shift: 10_000 } as const;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const holdsTime = (j: RankDayJob) => j.status !== 'Cancelled';

function groupBy<T extends { technician: string }>(items: readonly T[], skip: (item: T) => boolean): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    if (skip(item)) continue;
    const list = out.get(item.technician);
    if (list) list.push(item);
    else out.set(item.technician, [item]);
  }
  return out;
}

/** The first start from `from` (stepped) where `duration` fits before `to` clear of every busy range. */
function firstFit(busy: readonly { start: number; end: number }[], duration: number, from: number, to: number, step: number): number | null {
  for (let start = Math.ceil(from / step) * step; start + duration <= to; start += step) {
    const window = { start, end: start + duration };
    const clash = busy.find((b) => overlaps(b, window));
    // Jump past the clash instead of trying every step inside it.
    if (!clash) return start;
    start = Math.ceil(clash.end / step) * step - step;
  }
  return null;
}

function travelFrom(tech: RankTechnician, jobs: readonly RankDayJob[], start: number | null, target: GeoPoint | null): RankReason & { kind: 'travel' } {
  let previous: RankDayJob | null = null;
  if (start !== null) {
    for (const j of jobs) if (j.end <= start && j.position && (!previous || j.end > previous.end)) previous = j;
  }
  const origin = previous?.position ?? tech.lastPosition;
  const from = previous ? 'previous-job' : tech.lastPosition ? 'last-position' : 'unknown';
  if (!origin || !target) return { kind: 'travel', from: origin ? from : 'unknown', fromJob: previous?.name ?? null, km: null, minutes: null };
  const km = roadKm(origin, target);
  return { kind: 'travel', from, fromJob: previous?.name ?? null, km, minutes: drivingMinutes(km) };
}

function rankOne(tech: RankTechnician, input: RankInput, jobs: readonly RankDayJob[], away: readonly RankAbsence[]): TechnicianRank {
  const { job } = input;
  const axis = input.axis ?? DEFAULT_AXIS;
  const step = input.step ?? 15;
  const hasShift = tech.shiftStart !== null && tech.shiftEnd !== null;
  const hasSkill = !job.requiredSkill || tech.skills.includes(job.requiredSkill);

  let start = job.start;
  if (start === null) {
    const busy = [...jobs, ...away].sort((a, b) => a.start - b.start);
    start = firstFit(busy, job.duration, hasShift ? (tech.shiftStart as number) : axis.start, hasShift ? (tech.shiftEnd as number) : axis.end, step);
  }
  const window = start === null ? null : { start, end: start + job.duration };
  const clashes = window ? jobs.filter((j) => overlaps(j, window)).map((j) => j.name) : [];
  const free = window !== null && clashes.length === 0;
  const absences = window ? away.filter((a) => overlaps(a, window)) : [];
  const inShift = !hasShift || (window !== null && window.start >= (tech.shiftStart as number) && window.end <= (tech.shiftEnd as number));
  const travel = travelFrom(tech, jobs, start, job.position);
  const loadMinutes = jobs.reduce((sum, j) => sum + (j.end - j.start), 0);

  const cost =
    (hasSkill ? 0 : PENALTY.skill) +
    (absences.length === 0 ? 0 : PENALTY.absence) +
    (free ? 0 : PENALTY.busy) +
    (inShift ? 0 : PENALTY.shift) +
    (travel.minutes ?? UNKNOWN_TRAVEL_MINUTES) +
    loadMinutes * LOAD_WEIGHT;
  return {
    technician: tech.name,
    eligible: hasSkill && absences.length === 0 && free && inShift,
    start,
    cost,
    reasons: [
      { kind: 'skill', ok: hasSkill, skill: job.requiredSkill },
      { kind: 'free', ok: free, clashes },
      { kind: 'shift', ok: inShift, shiftStart: tech.shiftStart, shiftEnd: tech.shiftEnd },
      { kind: 'absence', ok: absences.length === 0, absences },
      travel,
      { kind: 'load', jobs: jobs.length, minutes: loadMinutes },
    ],
  };
}

/**
 * Every technician ranked for `input.job`, best first (eligible ones, then the least blocked);
 * ties go by name so the order is stable. The job itself, if already on the day, is ignored.
 */
export function rankTechnicians(input: RankInput): TechnicianRank[] {
  const jobsByTech = groupBy(input.dayJobs, (j) => j.name === input.job.name || !holdsTime(j));
  const awayByTech = groupBy(input.absences ?? [], () => false);
  return input.technicians
    .map((tech) => rankOne(tech, input, jobsByTech.get(tech.name) ?? [], awayByTech.get(tech.name) ?? []))
    .sort((a, b) => a.cost - b.cost || a.technician.localeCompare(b.technician));
}

/** The reason of a kind in a rank (always present: every rank carries all six). */
export function reasonOf<K extends RankReason['kind']>(rank: TechnicianRank, kind: K): Extract<RankReason, { kind: K }> {
  return rank.reasons.find((r) => r.kind === kind) as Extract<RankReason, { kind: K }>;
}
