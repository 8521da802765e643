// The close-out of the job open in the drawer: read when it opens, read again when the job or one of
// its files or comments changes live (a technician's queue flushing after a basement: steps,
// photos, signature, items handed over for a job reassigned or cancelled meanwhile).
import { shallowRef, watch, type Ref } from 'vue';
import { SIGNATURE_FILE_PREFIX, type DocChangeEvent } from '@gigafibre/contracts';
import { useLiveEvents } from '@/shared/live';
import { getCloseoutJob, listCloseoutFiles, listLateItems, type CloseoutFile, type CloseoutJob, type LateItemComment } from '../api/jobCloseoutApi';

export function useDispatchJobCloseout(name: Ref<string | null>) {
  const job = shallowRef<CloseoutJob | null>(null);
  const photos = shallowRef<CloseoutFile[]>([]);
  const signature = shallowRef<CloseoutFile | null>(null);
  /** Items a technician recorded offline after the job was reassigned or cancelled. */
  const lateItems = shallowRef<LateItemComment[]>([]);
  const error = shallowRef<unknown>(null);
  let controller: AbortController | null = null;

  async function load(): Promise<void> {
    controller?.abort();
    const jobName = name.value;
    error.value = null;
    if (!jobName) {
      job.value = null;
      photos.value = [];
      signature.value = null;
      lateItems.value = [];
      return;
    }
    const current = new AbortController();
    controller = current;
    try {
      const [doc, files, late] = await Promise.all([
        getCloseoutJob(jobName, { signal: current.signal }),
        listCloseoutFiles(jobName, current.signal),
        listLateItems(jobName, current.signal),
      ]);
      if (controller !== current) return;
      job.value = doc;
      lateItems.value = late;
      const isSignature = (f: CloseoutFile) => (f.file_name ?? '').startsWith(SIGNATURE_FILE_PREFIX);
      photos.value = files.filter((f) => !isSignature(f));
      // The last one drawn wins (a customer who signed again).
      signature.value = files.filter(isSignature).at(-1) ?? null;
    } catch (caught) {
      if (controller === current) error.value = caught;
    }
  }

  function concernsOpenJob(event: DocChangeEvent): boolean {
    const open = name.value;
    if (!open) return false;
    if (event.doctype === 'Dispatch Job') return event.name === open;
    return !!event.refs?.some((r) => r.doctype === 'Dispatch Job' && r.name === open);
  }

  watch(name, (now, before) => {
    // Another job: what was shown belongs to the previous one.
    if (now !== before) job.value = null;
    void load();
  }, { immediate: true });
  useLiveEvents({ doctype: ['Dispatch Job', 'File', 'Comment'] }, (event) => {
    if (concernsOpenJob(event)) void load();
  }, { onResumed: () => void load() });

  return { job, photos, signature, lateItems, error, reload: load };
}
