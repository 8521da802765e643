// One job's details (client, place, equipment), refreshed when the job or its equipment changes.
// Live changes come in bursts (a flush links a dozen devices): one reload after the burst.
import { onScopeDispose, watch, type Ref } from 'vue';
import { useLiveEvents } from '@/shared/live';
import { useAsyncData } from '@/shared/ui';
import { loadJobDetail } from '../services/techJobData';

const BURST_MS = 600;

export function useTechJob(job: Ref<string>) {
  const detail = useAsyncData((signal) => loadJobDetail(job.value, signal));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const reloadSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void detail.reload();
    }, BURST_MS);
  };
  onScopeDispose(() => timer && clearTimeout(timer));
  watch(job, () => void detail.reload());
  useLiveEvents({ doctype: 'Dispatch Job' }, (event) => {
    if (event.name === job.value) reloadSoon();
  });
  useLiveEvents(
    { doctype: 'Service Equipment' },
    (event) => {
      const location = detail.data.value?.place.location;
      if (location && event.refs?.some((r) => r.name === location || r.name === job.value)) reloadSoon();
    },
    { onResumed: reloadSoon },
  );
  return detail;
}
