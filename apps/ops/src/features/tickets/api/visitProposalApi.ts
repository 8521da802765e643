// What the booking proposals are made of: the active technicians (skills, shift), the jobs booked
// on the days looked at, and the coordinates of their places and of the visit's. Read with the
// few fields `visits.book` is granted (packages/capabilities accessTable.ts).
import { addDays } from '@gigafibre/contracts';
import { erpList, erpListAll } from '@/shared/http';
import { PROPOSAL_DAYS, positionsOf, type ProposalSources } from '../model/visitProposals';

/** Technicians on the board (40 today). */
const MAX_TECHNICIANS = 1000;
/** Jobs of PROPOSAL_DAYS days (a day of 40 technicians is ~150 jobs). */
const MAX_JOBS = 5000;
/** Location names per `in` filter: keeps each GET's URL short. */
const NAMES_PER_REQUEST = 150;

export async function fetchProposalSources(today: string, visitLocation: string | null, signal?: AbortSignal): Promise<ProposalSources> {
  const [technicians, booked] = await Promise.all([
    erpListAll('Technician', { fields: ['name', 'technician_name', 'skills', 'shift_start', 'shift_end'], filters: [['status', '=', 'Active']], signal }, MAX_TECHNICIANS),
    erpListAll(
      'Dispatch Job',
      {
        fields: ['name', 'technician', 'scheduled_date', 'start_time', 'duration_minutes', 'status', 'service_location'],
        filters: [['scheduled_date', 'between', [today, addDays(today, PROPOSAL_DAYS - 1)]]],
        signal,
      },
      MAX_JOBS,
    ),
  ]);
  const jobs = booked.filter((j) => j.technician && j.status !== 'Cancelled');
  const names = [...new Set([...jobs.map((j) => j.service_location), ...(visitLocation ? [visitLocation] : [])])];
  const chunks: string[][] = [];
  for (let i = 0; i < names.length; i += NAMES_PER_REQUEST) chunks.push(names.slice(i, i + NAMES_PER_REQUEST));
  const places = await Promise.all(
    chunks.map((chunk) => erpList('Service Location', { fields: ['name', 'latitude', 'longitude'], filters: [['name', 'in', chunk]], limit: chunk.length, signal })),
  );
  return { technicians, jobs, positions: positionsOf(places.flat()) };
}
