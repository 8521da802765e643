// Bulk moves, pure: which jobs a selection holds (click, ctrl-click, shift-click ranges), what one
// action does to each of them (reassign to a technician, move to another day, back to the queue),
// the conflicts each move would raise — counting the moves before it in the same action — and how
// to undo it all: each job back to its previous technician, date and start.
import { conflictsFor, firstFreeSlot, placementOf, type Conflict } from './dispatchConflicts';
import { assignPatch, isSamePlace, unassignPatch, type JobPatch } from './dispatchPatch';
import { isLocked, isUnderway } from './dispatchStatus';
import { isDstChangeDay } from '@gigafibre/contracts';
import { parseTime, wallEnd } from './dispatchTime';
import type { AbsenceBlock, BoardJob, Placement, SlotTarget, TechProfile } from './dispatchTypes';

/** How a click changes the selection. */
export type SelectMode = 'toggle' | 'range';

/**
 * The selection after clicking `name`: `toggle` adds or removes it; `range` adds every job between
 * the anchor and it in `order` (display order), or toggles when there is no anchor in `order`.
 */
export function selectJob(selected: ReadonlySet<string>, name: string, mode: SelectMode, order: readonly string[], anchor: string | null): Set<string> {
  const next = new Set(selected);
  const from = anchor === null ? -1 : order.indexOf(anchor);
  const to = order.indexOf(name);
  if (mode === 'range' && from !== -1 && to !== -1) {
    const [a, b] = from < to ? [from, to] : [to, from];
    for (let i = a; i <= b; i++) next.add(order[i] as string);
    return next;
  }
  if (next.has(name)) next.delete(name);
  else next.add(name);
  return next;
}

export type BulkAction = { kind: 'technician'; technician: string; date: string } | { kind: 'day'; date: string } | { kind: 'queue' };

/** Why a selected job is left out of an action. */
/** `underway`: the technician is on it (moved one at a time, after a question). */
export type SkipReason = 'locked' | 'underway' | 'writing' | 'same' | 'unplaced' | 'noSlot';

export interface BulkMove {
  job: BoardJob;
  /** Where it goes. */
  target: SlotTarget | 'queue';
  conflicts: Conflict[];
}

export interface BulkPlan {
  moves: BulkMove[];
  skipped: { job: string; reason: SkipReason }[];
}

/** The target day as the plan needs it: its placed jobs, absences and the technicians' profiles. */
export interface BulkDay {
  date: string;
  placements: readonly Placement[];
  absences: ReadonlyMap<string, readonly AbsenceBlock[]>;
  profiles: ReadonlyMap<string, TechProfile>;
  axis: { start: number; end: number };
  /** A job being saved: a second write would carry a stale `modified`. */
  isWriting?: (name: string) => boolean;
}

/**
 * What `action` does to each of `jobs` (in the order given: earlier moves take their slots first,
 * so two jobs sent to one technician at the same hour show as overlapping). Reassigning keeps each
 * job's start (a queue job takes the technician's first free slot); another day keeps technician
 * and start; the queue clears all three.
 */
export function planBulk(jobs: readonly BoardJob[], action: BulkAction, day: BulkDay): BulkPlan {
  const moves: BulkMove[] = [];
  const skipped: BulkPlan['skipped'] = [];
  const moving = new Set(jobs.map((j) => j.name));
  // The target day without the selected jobs (they are leaving their places), plus each move as it is planned.
  const placed: Placement[] = day.placements.filter((p) => !moving.has(p.job));
  for (const job of jobs) {
    if (isLocked(job.status)) {
      skipped.push({ job: job.name, reason: 'locked' });
      continue;
    }
    if (isUnderway(job.status)) {
      skipped.push({ job: job.name, reason: 'underway' });
      continue;
    }
    if (day.isWriting?.(job.name)) {
      skipped.push({ job: job.name, reason: 'writing' });
      continue;
    }
    if (action.kind === 'queue') {
      if (isSamePlace(job, 'queue')) skipped.push({ job: job.name, reason: 'same' });
      else moves.push({ job, target: 'queue', conflicts: [] });
      continue;
    }
    const start = parseTime(job.start_time);
    const technician = action.kind === 'technician' ? action.technician : job.technician;
    const date = action.date;
    if (!technician || (action.kind === 'day' && (start === null || job.status === 'Unscheduled'))) {
      skipped.push({ job: job.name, reason: 'unplaced' });
      continue;
    }
    const profile = day.profiles.get(technician) ?? { name: technician, skills: [], shiftStart: null, shiftEnd: null };
    const away = day.absences.get(technician) ?? [];
    const at = start ?? firstFreeSlot(job.name, job.duration_minutes, profile, placed, day.axis, 15, away);
    if (at === null) {
      skipped.push({ job: job.name, reason: 'noSlot' });
      continue;
    }
    const target: SlotTarget = { technician, date, start: at };
    if (isSamePlace(job, target)) {
      skipped.push({ job: job.name, reason: 'same' });
      continue;
    }
    const placement = { job: job.name, technician, start: at, end: wallEnd(date, at, job.duration_minutes), requiredSkill: job.required_skill };
    moves.push({ job, target, conflicts: conflictsFor(placement, profile, placed, away) });
    placed.push({ ...placement, status: 'Scheduled' });
  }
  return { moves, skipped };
}

/** The PUT body of one planned move (with the `modified` the dispatcher saw). */
export function movePatch(move: BulkMove): JobPatch {
  return move.target === 'queue' ? unassignPatch(move.job) : assignPatch(move.job, move.target);
}

/**
 * The PUT body that puts `current` (the job as the server now holds it, after the bulk move) back
 * where `previous` was: its technician, date and start, or the queue; null when it is already there.
 */
export function restorePatch(previous: BoardJob, current: BoardJob): JobPatch | null {
  const start = parseTime(previous.start_time);
  const wasPlaced = previous.technician !== null && previous.scheduled_date !== null && start !== null && previous.status !== 'Unscheduled';
  if (wasPlaced) {
    const target = { technician: previous.technician as string, date: previous.scheduled_date as string, start };
    if (isSamePlace(current, target)) return null;
    return assignPatch(current, target);
  }
  return isSamePlace(current, 'queue') ? null : unassignPatch(current);
}

/** The selection in display order: the day's rows (by technician, then start), then the queue. */
export function displayOrder(rows: readonly { cards: readonly { name: string }[] }[], queue: readonly { name: string }[]): string[] {
  const out: string[] = [];
  for (const row of rows) for (const card of row.cards) out.push(card.name);
  for (const job of queue) out.push(job.name);
  return out;
}

/** Placements of a day's jobs (as loaded for another day than the board's). */
export function placementsOf(jobs: readonly BoardJob[], date: string): Placement[] {
  const out: Placement[] = [];
  const dst = isDstChangeDay(date);
  for (const job of jobs) {
    if (job.scheduled_date !== date) continue;
    const p = placementOf(job, dst);
    if (p) out.push(p);
  }
  return out;
}
