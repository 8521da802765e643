// Everything the job drawer shows beyond the card: the customer's contact, the address, the
// equipment installed there, and the status history, reloaded when the job changes.
import { computed, shallowRef, watch, type Ref } from 'vue';
import type { Customer, ServiceLocation } from '@gigafibre/contracts';
import { getCustomer, getJob, getLocation, listEquipment, listJobVersions } from '../api/dispatchApi';
import { historyEntries, type HistoryEntry } from '../model/dispatchHistory';
import { toBoardJob, type BoardJob } from '../model/dispatchTypes';
import type { DispatchBoardData } from './useDispatchBoard';

export type DrawerEquipment = Awaited<ReturnType<typeof listEquipment>>[number];

export function useDispatchJobDetail(name: Ref<string | null>, board: DispatchBoardData) {
  /** A job that is not on the board's day (opened from a link) is read on its own. */
  const standalone = shallowRef<BoardJob | null>(null);
  const customer = shallowRef<Customer | null>(null);
  const location = shallowRef<ServiceLocation | null>(null);
  const equipment = shallowRef<DrawerEquipment[] | null>(null);
  const history = shallowRef<HistoryEntry[] | null>(null);
  const loading = shallowRef(false);
  const error = shallowRef<unknown>(null);
  let controller: AbortController | null = null;

  const job = computed<BoardJob | null>(() => {
    void board.version.value;
    const n = name.value;
    return (n ? board.jobs.get(n) : undefined) ?? (standalone.value?.name === n ? standalone.value : null);
  });

  async function loadHistory(jobName: string, signal: AbortSignal): Promise<void> {
    const versions = await listJobVersions(jobName, signal);
    if (name.value === jobName) history.value = historyEntries(versions);
  }

  async function load(): Promise<void> {
    controller?.abort();
    const jobName = name.value;
    customer.value = null;
    location.value = null;
    equipment.value = null;
    history.value = null;
    error.value = null;
    if (!jobName) return;
    const current = new AbortController();
    controller = current;
    loading.value = true;
    try {
      let base = board.jobs.get(jobName) ?? null;
      if (!base) {
        base = toBoardJob(await getJob(jobName, { signal: current.signal }));
        standalone.value = base;
      }
      const [c, l, e] = await Promise.all([
        getCustomer(base.customer, { signal: current.signal }),
        getLocation(base.service_location, { signal: current.signal }),
        listEquipment(base.service_location, current.signal),
        loadHistory(jobName, current.signal),
      ]);
      if (controller !== current) return;
      customer.value = c;
      location.value = l;
      equipment.value = e;
    } catch (caught) {
      if (controller === current) error.value = caught;
    } finally {
      if (controller === current) loading.value = false;
    }
  }

  watch(name, () => void load(), { immediate: true });
  // A status change or a move (ours or live) adds a Version: read the history again.
  watch(
    () => job.value?.modified,
    (now, before) => {
      const jobName = name.value;
      if (jobName && now && before && now !== before) void loadHistory(jobName, new AbortController().signal).catch(() => undefined);
    },
  );

  return { job, customer, location, equipment, history, loading, error, reload: load };
}
