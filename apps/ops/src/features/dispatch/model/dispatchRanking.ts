// The board's data turned into the plain input of shared/scheduling's ranking: the job to place,
// the technicians (parsed profiles, last positions), the day's placed jobs with their addresses'
// coordinates, and the day's absences. Pure, so the bench ranks exactly what the dialog ranks.
// Relative import of shared/scheduling: bench/dispatch-board.ts imports this file outside Vite's `@/` alias.
import { geoPoint, type GeoPoint, type RankAbsence, type RankDayJob, type RankInput, type RankTechnician } from '../../../shared/scheduling';
import type { Axis } from './dispatchTime';
import type { AbsenceBlock, BoardJob, BoardLocation, Placement, TechProfile } from './dispatchTypes';

export interface RankSources {
  profiles: ReadonlyMap<string, TechProfile>;
  /** The day's placements (placementOf), cancelled ones included: the ranking skips them. */
  placements: readonly Placement[];
  jobs: (name: string) => BoardJob | undefined;
  locations: ReadonlyMap<string, BoardLocation>;
  /** Technician name → last known position (Traccar), when the map has fetched them. */
  positions?: ReadonlyMap<string, GeoPoint>;
  absences?: readonly RankAbsence[];
  axis: Axis;
}

/** Where a job happens, or null when its address has no coordinates (or is not loaded). */
export function jobPosition(job: Pick<BoardJob, 'service_location'> | undefined, locations: ReadonlyMap<string, BoardLocation>): GeoPoint | null {
  const loc = job ? locations.get(job.service_location) : undefined;
  return loc ? geoPoint(loc.latitude, loc.longitude) : null;
}

/** Technicians as the ranking takes them (kept per profile object, so a re-rank re-uses them). */
export function rankTechnicianInputs(sources: Pick<RankSources, 'profiles' | 'positions'>): RankTechnician[] {
  return [...sources.profiles.values()].map((p) => ({
    name: p.name,
    skills: p.skills,
    shiftStart: p.shiftStart,
    shiftEnd: p.shiftEnd,
    lastPosition: sources.positions?.get(p.name) ?? null,
  }));
}

/** The day's placed jobs with their coordinates. */
export function rankDayJobs(sources: Pick<RankSources, 'placements' | 'jobs' | 'locations'>): RankDayJob[] {
  return sources.placements.map((p) => ({
    name: p.job,
    technician: p.technician,
    start: p.start,
    end: p.end,
    status: p.status,
    position: jobPosition(sources.jobs(p.job), sources.locations),
  }));
}

/** The day's absence blocks as the ranking takes them, each with the words the dialog shows. */
export function rankAbsences(blocks: readonly AbsenceBlock[], label: (block: AbsenceBlock) => string): RankAbsence[] {
  return blocks.map((b) => ({ technician: b.technician, start: b.start, end: b.end, label: label(b) }));
}

/** The ranking's input for `job`, starting at `start` (null: each technician's first free slot). */
export function rankInputFor(job: BoardJob, start: number | null, sources: RankSources, prepared?: { technicians: RankTechnician[]; dayJobs: RankDayJob[] }): RankInput {
  return {
    job: { name: job.name, requiredSkill: job.required_skill, duration: job.duration_minutes, position: jobPosition(job, sources.locations), start },
    technicians: prepared?.technicians ?? rankTechnicianInputs(sources),
    dayJobs: prepared?.dayJobs ?? rankDayJobs(sources),
    absences: sources.absences ?? [],
    axis: sources.axis,
  };
}
