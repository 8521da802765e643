// « Planifier une visite » proposes the first free slots of technicians who have the skill, near the
// place: each day from today, every technician ranked by shared/scheduling (skill, free in their
// shift, great-circle × road factor from their previous job, the day's load), the eligible ones
// kept, earliest day first and the nearest and least loaded first within a day. Picking one only
// fills the preferred day and window: the dispatcher still assigns.
import { addDays, minutesOf, type VisitWindow } from '@gigafibre/contracts';
import { geoPoint, rankTechnicians, reasonOf, type GeoPoint, type RankAbsence, type RankDayJob, type RankTechnician } from '@/shared/scheduling';

/** Days looked at, today included: a week's worth of working days is enough to find a slot. */
export const PROPOSAL_DAYS = 5;
/** Proposals shown. */
export const PROPOSAL_COUNT = 3;
/** A slot today starts at least this long from now (the technician has to get there). */
export const TODAY_LEAD_MINUTES = 60;

/** A technician as read for proposals (ERPNext's Technician fields). */
export interface ProposalTechnician {
  name: string;
  technician_name: string;
  skills: string | null;
  shift_start: string | null;
  shift_end: string | null;
}

/** A job already booked on someone's day. */
export interface ProposalJob {
  name: string;
  technician: string | null;
  scheduled_date: string | null;
  start_time: string | null;
  duration_minutes: number | null;
  status: string;
  service_location: string;
}

export interface ProposalSources {
  technicians: readonly ProposalTechnician[];
  jobs: readonly ProposalJob[];
  /** Service Location name → coordinates (the day's jobs' places, and the visit's). */
  positions: ReadonlyMap<string, GeoPoint>;
}

export interface ProposalRequest {
  skill: string | null;
  duration: number;
  location: string | null;
  /** Montréal's today and the minutes since its midnight now. */
  today: string;
  nowMinutes: number;
}

export interface VisitProposal {
  technician: string;
  /** The technician's first name and last initial (« Jean-François R. »): what a CSR may tell the client. */
  firstName: string;
  day: string;
  /** Minutes since midnight of `day`. */
  start: number;
  window: Exclude<VisitWindow, 'Any'>;
  /** Estimated road km from the previous job or last position; null when unknown. */
  km: number | null;
  fromPreviousJob: boolean;
  /** Minutes already booked for the technician that day. */
  bookedMinutes: number;
}

/** The preferred window a start falls in (the booking form's: 8–12, 12–17, 17–20). */
export function windowOf(start: number): Exclude<VisitWindow, 'Any'> {
  if (start < 12 * 60) return 'Morning';
  return start < 17 * 60 ? 'Afternoon' : 'Evening';
}

/** « Jean-François Roy » → « Jean-François R. »: two technicians may share a first name. */
export function shortName(fullName: string): string {
  const [first, ...rest] = fullName.trim().split(/\s+/);
  const last = rest.at(-1);
  return last ? `${first} ${last.charAt(0)}.` : (first ?? fullName);
}

const clock = (time: string | null) => (time ? minutesOf(time) : null);

function rankTechnicianOf(t: ProposalTechnician): RankTechnician {
  const skills = (t.skills ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return { name: t.name, skills, shiftStart: clock(t.shift_start), shiftEnd: clock(t.shift_end), lastPosition: null };
}

function dayJobsOf(sources: ProposalSources): Map<string, RankDayJob[]> {
  const byDay = new Map<string, RankDayJob[]>();
  for (const j of sources.jobs) {
    if (!j.technician || !j.scheduled_date || !j.start_time) continue;
    const start = minutesOf(j.start_time);
    const job: RankDayJob = { name: j.name, technician: j.technician, start, end: start + (j.duration_minutes ?? 60), status: j.status, position: sources.positions.get(j.service_location) ?? null };
    const list = byDay.get(j.scheduled_date);
    if (list) list.push(job);
    else byDay.set(j.scheduled_date, [job]);
  }
  return byDay;
}

/** The best few free slots, earliest day first; empty when nobody with the skill is free in PROPOSAL_DAYS. */
export function proposeVisitSlots(sources: ProposalSources, request: ProposalRequest, count = PROPOSAL_COUNT): VisitProposal[] {
  const technicians = sources.technicians.map(rankTechnicianOf);
  const firstNames = new Map(sources.technicians.map((t) => [t.name, shortName(t.technician_name)]));
  const jobsByDay = dayJobsOf(sources);
  const position = request.location ? (sources.positions.get(request.location) ?? null) : null;
  // Today, the time already gone (and the drive there) is out of reach: held like an absence.
  const gone = Math.ceil((request.nowMinutes + TODAY_LEAD_MINUTES) / 15) * 15;
  const out: VisitProposal[] = [];
  for (let d = 0; d < PROPOSAL_DAYS && out.length < count; d++) {
    const day = addDays(request.today, d);
    const absences: RankAbsence[] = d === 0 ? technicians.map((t) => ({ technician: t.name, start: 0, end: gone, label: 'now' })) : [];
    const ranks = rankTechnicians({
      job: { name: '', requiredSkill: request.skill, duration: request.duration, position, start: null },
      technicians,
      dayJobs: jobsByDay.get(day) ?? [],
      absences,
    });
    for (const rank of ranks) {
      if (!rank.eligible || rank.start === null || out.length >= count) continue;
      const travel = reasonOf(rank, 'travel');
      out.push({
        technician: rank.technician,
        firstName: firstNames.get(rank.technician) ?? rank.technician,
        day,
        start: rank.start,
        window: windowOf(rank.start),
        km: travel.km,
        fromPreviousJob: travel.from === 'previous-job',
        bookedMinutes: reasonOf(rank, 'load').minutes,
      });
    }
  }
  return out;
}

/** Coordinates by location name from rows with `latitude` / `longitude` (0,0 and empty are unknown). */
export function positionsOf(rows: readonly { name: string; latitude: number | null; longitude: number | null }[]): Map<string, GeoPoint> {
  const out = new Map<string, GeoPoint>();
  for (const r of rows) {
    const p = geoPoint(r.latitude, r.longitude);
    if (p) out.set(r.name, p);
  }
  return out;
}
