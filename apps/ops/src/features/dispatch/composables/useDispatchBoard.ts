// The board's data for one day: technicians, the day's jobs and the queue, the customers and
// addresses they point to; kept current by live events (another dispatcher, a technician in the
// field) within a second or two, with each changed card briefly highlighted.
import { computed, nextTick, onScopeDispose, shallowRef, watch, type Ref } from 'vue';
import type { DocChangeEvent } from '@gigafibre/contracts';
import { markTiming, measureTiming, TIMING } from '@/shared/instrumentation';
import { useLiveEvents } from '@/shared/live';
import { listCustomers, listDayAbsences, listDayJobs, listJobsByName, listLocations, listQueueJobs, listTechnicians, QUEUE_WINDOW_DAYS } from '../api/dispatchApi';
import { DispatchJobSet } from '../model/dispatchJobSet';
import { isOnBoard } from '../model/dispatchQueueFilter';
import { addDays } from '@gigafibre/contracts';
import type { BoardAbsence, BoardCustomer, BoardJob, BoardLocation, BoardTechnician } from '../model/dispatchTypes';

/** How long a card changed by someone else stays highlighted. */
export const FLASH_MS = 2_400;
/** Live events are gathered this long, then fetched in one request. */
const LIVE_BATCH_MS = 40;

const MARKS = TIMING.dispatch;

export function useDispatchBoard(date: Ref<string>) {
  /** Counts the set's changes: what reads `jobs` reads `version` too, and follows every change. */
  const version = shallowRef(0);
  const jobs = new DispatchJobSet(() => (version.value += 1));
  const technicians = shallowRef<BoardTechnician[]>([]);
  /** The day's Technician Absences. */
  const absences = shallowRef<BoardAbsence[]>([]);
  const customers = shallowRef<ReadonlyMap<string, BoardCustomer>>(new Map());
  const locations = shallowRef<ReadonlyMap<string, BoardLocation>>(new Map());
  const loading = shallowRef(true);
  /** The day could not be loaded at all (nothing to show). */
  const error = shallowRef<unknown>(null);
  /** A later refresh failed: the board shows what it had (`loadedAt`). */
  const refreshError = shallowRef<unknown>(null);
  const loadedAt = shallowRef<number | null>(null);
  const flash = shallowRef<ReadonlySet<string>>(new Set());
  const flashTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let controller: AbortController | null = null;

  const queueWindow = computed(() => ({ from: addDays(date.value, -QUEUE_WINDOW_DAYS.before), to: addDays(date.value, QUEUE_WINDOW_DAYS.after) }));

  /** Loads the customers and addresses of `list` that are not known yet. */
  async function loadRefs(list: readonly BoardJob[], signal?: AbortSignal): Promise<void> {
    const needCustomers = [...new Set(list.map((j) => j.customer))].filter((n) => !customers.value.has(n));
    const needLocations = [...new Set(list.map((j) => j.service_location))].filter((n) => !locations.value.has(n));
    const [cs, ls] = await Promise.all([
      needCustomers.length ? listCustomers(needCustomers, signal) : Promise.resolve([]),
      needLocations.length ? listLocations(needLocations, signal) : Promise.resolve([]),
    ]);
    if (cs.length) customers.value = new Map([...customers.value, ...cs.map((c) => [c.name, c] as const)]);
    if (ls.length) locations.value = new Map([...locations.value, ...ls.map((l) => [l.name, l] as const)]);
  }

  async function load(options: { quiet?: boolean } = {}): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    const day = date.value;
    const first = !options.quiet;
    if (first) {
      loading.value = true;
      error.value = null;
    }
    try {
      const [techs, dayJobs, queueJobs, away] = await Promise.all([
        listTechnicians(current.signal),
        listDayJobs(day, current.signal),
        listQueueJobs(day, current.signal),
        listDayAbsences(day, current.signal),
      ]);
      const all = [...dayJobs, ...queueJobs.filter((j) => j.scheduled_date !== day)];
      await loadRefs(all, current.signal);
      if (controller !== current) return;
      if (first) markTiming(MARKS.dataReady);
      technicians.value = techs;
      absences.value = away;
      const changed = jobs.replaceAll(all);
      // A quiet reload (the live stream came back after a gap, or Actualiser): what changed
      // meanwhile is highlighted as if it had arrived live.
      if (!first) highlight(changed);
      loading.value = false;
      refreshError.value = null;
      loadedAt.value = Date.now();
      if (first) {
        await nextTick();
        markTiming(MARKS.rendered);
        measureTiming(MARKS.firstRender, MARKS.dataReady, MARKS.rendered);
      }
    } catch (caught) {
      if (controller !== current) return;
      loading.value = false;
      if (first || loadedAt.value === null) error.value = caught;
      else refreshError.value = caught;
    }
  }

  function highlight(names: readonly string[]): void {
    if (names.length === 0) return;
    const next = new Set(flash.value);
    for (const name of names) {
      next.add(name);
      clearTimeout(flashTimers.get(name));
      flashTimers.set(
        name,
        setTimeout(() => {
          flashTimers.delete(name);
          const rest = new Set(flash.value);
          rest.delete(name);
          flash.value = rest;
        }, FLASH_MS),
      );
    }
    flash.value = next;
  }

  /** Puts fresh server versions of `names` on the board (absent = gone); highlights what changed. */
  async function refetch(names: readonly string[], options: { highlight?: boolean } = {}): Promise<void> {
    if (names.length === 0) return;
    const found = await listJobsByName(names);
    await loadRefs(found);
    const byName = new Map(found.map((j) => [j.name, j]));
    const changed: string[] = [];
    for (const name of names) {
      const job = byName.get(name);
      const outcome = jobs.remote(name, job && isOnBoard(job, date.value, queueWindow.value) ? job : null);
      if (outcome === 'applied') changed.push(name);
    }
    if (changed.length && options.highlight !== false) highlight(changed);
  }

  // Live: gather a burst of events, fetch their documents in one request.
  const pending = new Set<string>();
  let batchTimer: ReturnType<typeof setTimeout> | null = null;
  function onEvent(event: DocChangeEvent): void {
    // Our own write already shows the server's document: nothing to fetch.
    if (event.modified !== undefined && jobs.get(event.name)?.modified === event.modified) return;
    pending.add(event.name);
    batchTimer ??= setTimeout(() => {
      batchTimer = null;
      const names = [...pending];
      pending.clear();
      // The board keeps what it shows and says it may be out of date (banner, retry = reload).
      refetch(names).catch((error: unknown) => (refreshError.value = error));
    }, LIVE_BATCH_MS);
  }
  useLiveEvents({ doctype: 'Dispatch Job' }, onEvent, { onResumed: () => void load({ quiet: true }) });
  useLiveEvents({ doctype: ['Technician', 'Customer', 'Service Location', 'Technician Absence'] }, (event) => {
    if (event.doctype === 'Technician Absence') void reloadAbsences();
    else if (event.doctype === 'Technician') void listTechnicians().then((list) => (technicians.value = list), () => undefined);
    else if (event.doctype === 'Customer' && customers.value.has(event.name)) {
      void listCustomers([event.name]).then((cs) => (customers.value = new Map([...customers.value, ...cs.map((c) => [c.name, c] as const)])), () => undefined);
    } else if (event.doctype === 'Service Location' && locations.value.has(event.name)) {
      void listLocations([event.name]).then((ls) => (locations.value = new Map([...locations.value, ...ls.map((l) => [l.name, l] as const)])), () => undefined);
    }
  });

  /** Another dispatcher added an absence: the day's list again (a handful of rows). */
  async function reloadAbsences(): Promise<void> {
    const day = date.value;
    const list = await listDayAbsences(day).catch(() => null);
    if (list && day === date.value) absences.value = list;
  }

  /** Our own new absence, shown at once (its live event reloads the list anyway). */
  function addAbsence(absence: BoardAbsence): void {
    if (!absences.value.some((a) => a.name === absence.name)) absences.value = [...absences.value, absence];
  }

  watch(date, () => void load(), { immediate: true });
  onScopeDispose(() => {
    controller?.abort();
    if (batchTimer) clearTimeout(batchTimer);
    for (const timer of flashTimers.values()) clearTimeout(timer);
  });

  return {
    date,
    jobs,
    version,
    technicians,
    absences,
    addAbsence,
    customers,
    locations,
    loading,
    error,
    refreshError,
    loadedAt,
    flash,
    highlight,
    queueWindow,
    reload: () => load(),
    refresh: () => load({ quiet: true }),
    refetch,
    loadRefs,
  };
}

export type DispatchBoardData = ReturnType<typeof useDispatchBoard>;
