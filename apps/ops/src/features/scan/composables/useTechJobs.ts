// The signed-in technician's jobs of one day (today unless a day is given), through the document
// cache: refreshed when dispatch changes one of them, and after the live stream comes back from a
// cut. « Mes tâches » and the scanner's job picker read the same entry, so they always agree.
import { montrealToday } from '@gigafibre/contracts';
import { useDocQuery } from '@/shared/documents';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { loadJobsOfDay, type TechJobList } from '../services/techJobData';

/** A job change naming one of the technician's jobs, or their Technician record (a job moved to or away from them). */
export function concernsTechJobs(event: { doctype: string; name: string; refs?: { name: string }[] }, data: TechJobList | undefined): boolean {
  if (event.doctype !== 'Dispatch Job') return false;
  const technician = data?.technician?.name;
  return !data || data.jobs.some((j) => j.name === event.name) || (!!technician && !!event.refs?.some((r) => r.name === technician));
}

export function useTechJobs(day: () => string = () => montrealToday()) {
  const session = useSessionStore();
  const email = () => session.user?.email ?? '';
  return useDocQuery(() => ['tech-jobs', email(), day()], (signal) => loadJobsOfDay(email(), day(), signal), { on: concernsTechJobs });
}
