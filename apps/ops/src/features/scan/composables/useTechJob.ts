// One job's details (client, place, equipment), through the document cache: refreshed when the job
// or the equipment at its place changes. Live changes come in bursts (a flush links a dozen
// devices): one read once the burst is over.
import type { DocChangeEvent } from '@gigafibre/contracts';
import type { Ref } from 'vue';
import { useDocQuery } from '@/shared/documents';
import { loadJobDetail, type TechJobDetail } from '../services/techJobData';

const BURST_MS = 600;

/** The job itself, a file attached to it, or equipment at its place (or linked to it). */
export function concernsTechJob(job: string, event: DocChangeEvent, data: TechJobDetail | undefined): boolean {
  if (event.doctype === 'Dispatch Job') return event.name === job;
  if (event.doctype === 'File') return !!event.refs?.some((r) => r.doctype === 'Dispatch Job' && r.name === job);
  if (event.doctype !== 'Service Equipment') return false;
  const location = data?.place.location;
  return !!location && !!event.refs?.some((r) => r.name === location || r.name === job);
}

export function useTechJob(job: Ref<string>) {
  return useDocQuery(() => ['tech-job', job.value], (signal) => loadJobDetail(job.value, signal), {
    on: (event, data) => concernsTechJob(job.value, event, data),
    settleMs: BURST_MS,
  });
}
