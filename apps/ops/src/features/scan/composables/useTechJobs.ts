// Today's jobs of the signed-in technician, refreshed when dispatch changes one of them.
import { useSessionStore } from '@/shared/session/useSessionStore';
import { useLiveEvents } from '@/shared/live';
import { useAsyncData } from '@/shared/ui';
import { loadTodayJobs } from '../services/techJobData';

export function useTechJobs() {
  const session = useSessionStore();
  const jobs = useAsyncData((signal) => loadTodayJobs(session.user?.email ?? '', signal));
  // A job moved to or away from this technician concerns them too: reload on any job change
  // naming one of theirs or their Technician record.
  useLiveEvents(
    { doctype: 'Dispatch Job' },
    (event) => {
      const data = jobs.data.value;
      const technician = data?.technician?.name;
      if (!data || data.jobs.some((j) => j.name === event.name) || (technician && event.refs?.some((r) => r.name === technician))) void jobs.reload();
    },
    { onResumed: () => void jobs.reload() },
  );
  return jobs;
}
