// The rules that make a placement risky: it overlaps another of the technician's jobs, it falls
// outside their shift, the technician is away then (a Technician Absence), or the job needs a skill
// they do not have. Used while hovering a slot,
// before confirming a drop, and for the warning badges on every card.
import { parseTime, wallEnd } from './dispatchTime';
import type { AbsenceBlock, BoardJob, BoardTechnician, Placement, TechProfile } from './dispatchTypes';

export type ConflictKind = 'overlap' | 'outside-shift' | 'absent' | 'missing-skill';

export type Conflict =
  | { kind: 'overlap'; /** The other job. */ job: string; start: number; end: number }
  | { kind: 'outside-shift'; shiftStart: number; shiftEnd: number }
  | { kind: 'absent'; /** The Technician Absence. */ absence: string; reason: string; start: number; end: number }
  | { kind: 'missing-skill'; skill: string };

/** A cancelled job stays on its row (greyed) but no longer holds the technician's time. */
const holdsTime = (p: { status: string }) => p.status !== 'Cancelled';

/** `Installation,Wi-Fi/Mesh` → ['Installation', 'Wi-Fi/Mesh']. */
export function parseSkills(skills: string | null | undefined): string[] {
  return (skills ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function techProfile(tech: BoardTechnician): TechProfile {
  return { name: tech.name, skills: parseSkills(tech.skills), shiftStart: parseTime(tech.shift_start), shiftEnd: parseTime(tech.shift_end) };
}

/** A job's placement on its scheduled day (cancelled ones included), or null when it is not on the board. */
export function placementOf(job: BoardJob, dstDay = false): Placement | null {
  const start = parseTime(job.start_time);
  if (!job.technician || !job.scheduled_date || start === null || job.status === 'Unscheduled') return null;
  return {
    job: job.name,
    technician: job.technician,
    start,
    end: wallEnd(job.scheduled_date, start, job.duration_minutes, dstDay),
    requiredSkill: job.required_skill,
    status: job.status,
  };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

const absentConflict = (a: AbsenceBlock): Conflict => ({ kind: 'absent', absence: a.name, reason: a.reason, start: a.start, end: a.end });

/**
 * What is wrong with putting `placement` on `tech`, given the technician's other placements that
 * day (the job itself, if among them, is ignored) and the day's absences. Ordered: skill, shift,
 * absences, then overlaps by time.
 */
export function conflictsFor(placement: Omit<Placement, 'status'>, tech: TechProfile, others: readonly Placement[], absences: readonly AbsenceBlock[] = []): Conflict[] {
  const out: Conflict[] = [];
  if (placement.requiredSkill && !tech.skills.includes(placement.requiredSkill)) out.push({ kind: 'missing-skill', skill: placement.requiredSkill });
  if (tech.shiftStart !== null && tech.shiftEnd !== null && (placement.start < tech.shiftStart || placement.end > tech.shiftEnd)) {
    out.push({ kind: 'outside-shift', shiftStart: tech.shiftStart, shiftEnd: tech.shiftEnd });
  }
  for (const a of absences) if (a.technician === placement.technician && overlaps(a, placement)) out.push(absentConflict(a));
  const clashing = others
    .filter((o) => o.job !== placement.job && o.technician === placement.technician && holdsTime(o) && overlaps(o, placement))
    .sort((a, b) => a.start - b.start);
  for (const o of clashing) out.push({ kind: 'overlap', job: o.job, start: o.start, end: o.end });
  return out;
}

/**
 * Conflicts of every placed job of a day, in one pass per technician (sorted sweep for overlaps):
 * job name → its conflicts (jobs without any are left out). `absences`: the day's blocks per technician.
 */
export function boardConflicts(
  placements: readonly Placement[],
  techs: ReadonlyMap<string, TechProfile>,
  absences: ReadonlyMap<string, readonly AbsenceBlock[]> = new Map(),
): Map<string, Conflict[]> {
  const out = new Map<string, Conflict[]>();
  const add = (job: string, c: Conflict) => {
    const list = out.get(job);
    if (list) list.push(c);
    else out.set(job, [c]);
  };
  const byTech = new Map<string, Placement[]>();
  for (const p of placements) {
    if (!holdsTime(p)) continue;
    const list = byTech.get(p.technician);
    if (list) list.push(p);
    else byTech.set(p.technician, [p]);
  }
  for (const [name, list] of byTech) {
    const tech = techs.get(name);
    const away = absences.get(name) ?? [];
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 0; i < list.length; i++) {
      const p = list[i] as Placement;
      if (tech) {
        if (p.requiredSkill && !tech.skills.includes(p.requiredSkill)) add(p.job, { kind: 'missing-skill', skill: p.requiredSkill });
        if (tech.shiftStart !== null && tech.shiftEnd !== null && (p.start < tech.shiftStart || p.end > tech.shiftEnd)) {
          add(p.job, { kind: 'outside-shift', shiftStart: tech.shiftStart, shiftEnd: tech.shiftEnd });
        }
      }
      // A few blocks a day at most: a plain scan.
      for (const a of away) if (overlaps(a, p)) add(p.job, absentConflict(a));
      // Sorted by start: only later jobs starting before this one ends can overlap it.
      for (let j = i + 1; j < list.length; j++) {
        const q = list[j] as Placement;
        if (q.start >= p.end) break;
        if (overlaps(p, q)) {
          add(p.job, { kind: 'overlap', job: q.job, start: q.start, end: q.end });
          add(q.job, { kind: 'overlap', job: p.job, start: p.start, end: p.end });
        }
      }
    }
  }
  return out;
}

/** Conflict kinds in a list, each once, in a stable order (for badges and summaries). */
export function conflictKinds(conflicts: readonly Conflict[]): ConflictKind[] {
  const kinds = new Set(conflicts.map((c) => c.kind));
  return (['overlap', 'outside-shift', 'absent', 'missing-skill'] as const).filter((k) => kinds.has(k));
}

/**
 * The earliest slot start where a job of `duration` fits with no conflict on `tech` (within the
 * shift, or within `axis` without one, clear of their absences); null when the day has no such
 * room. The skill is not a matter of time, so it is not considered.
 */
export function firstFreeSlot(
  job: string,
  duration: number,
  tech: TechProfile,
  others: readonly Placement[],
  axis: { start: number; end: number },
  step = 15,
  absences: readonly AbsenceBlock[] = [],
): number | null {
  const from = tech.shiftStart ?? axis.start;
  const to = tech.shiftEnd ?? axis.end;
  for (let start = Math.ceil(from / step) * step; start + duration <= to; start += step) {
    const window = { start, end: start + duration };
    const clash =
      others.some((o) => o.job !== job && o.technician === tech.name && holdsTime(o) && overlaps(o, window)) ||
      absences.some((a) => a.technician === tech.name && overlaps(a, window));
    if (!clash) return start;
  }
  return null;
}
