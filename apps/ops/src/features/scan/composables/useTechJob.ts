// One job's details (client, place, equipment), refreshed when the job or its equipment changes.
import { watch, type Ref } from 'vue';
import { useLiveEvents } from '@/shared/live';
import { useAsyncData } from '@/shared/ui';
import { loadJobDetail } from '../jobs/techJobData';

export function useTechJob(job: Ref<string>) {
  const detail = useAsyncData((signal) => loadJobDetail(job.value, signal));
  watch(job, () => void detail.reload());
  useLiveEvents({ doctype: 'Dispatch Job' }, (event) => {
    if (event.name === job.value) void detail.reload();
  });
  useLiveEvents({ doctype: 'Service Equipment' }, (event) => {
    const location = detail.data.value?.place.location;
    if (location && event.refs?.some((r) => r.name === location || r.name === job.value)) void detail.reload();
  }, { onResumed: () => void detail.reload() });
  return detail;
}
