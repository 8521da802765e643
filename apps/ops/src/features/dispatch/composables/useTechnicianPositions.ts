// Technicians' latest positions from the hub's Traccar proxy, refreshed every 30 s while the map is
// shown and the tab visible. Traccar answers one device per request: they are asked in parallel
// and a device that fails keeps its last known fix (Promise.allSettled).
import { onScopeDispose, shallowRef, watch, type Ref } from 'vue';
import type { TraccarPosition } from '@gigafibre/contracts';
import { getLatestPosition, listTraccarDevices } from '../api/dispatchApi';

export const POSITIONS_REFRESH_MS = 30_000;

export function useTechnicianPositions(deviceIds: Ref<readonly number[]>, active: Ref<boolean>) {
  const positions = shallowRef<ReadonlyMap<number, TraccarPosition>>(new Map());
  /** Every request of the last round failed (hub down): the map says so. */
  const unavailable = shallowRef(false);
  const updatedAt = shallowRef<number | null>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let controller: AbortController | null = null;

  async function refresh(): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    let ids = [...deviceIds.value];
    try {
      // Only devices Traccar knows (a technician may have no tracker yet).
      const known = new Set((await listTraccarDevices()).map((d) => d.id));
      ids = ids.filter((id) => known.has(id));
    } catch {
      // The device list is a nicety: ask for every id anyway.
    }
    const results = await Promise.allSettled(ids.map((id) => getLatestPosition(id, current.signal)));
    if (controller !== current) return;
    const next = new Map(positions.value);
    let ok = 0;
    results.forEach((result, i) => {
      if (result.status !== 'fulfilled') return;
      ok++;
      const latest = result.value[result.value.length - 1];
      if (latest) next.set(ids[i] as number, latest);
    });
    unavailable.value = ids.length > 0 && ok === 0;
    positions.value = next;
    if (ok > 0) updatedAt.value = Date.now();
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!active.value) return;
    timer = setTimeout(() => {
      if (document.visibilityState === 'visible') void refresh().finally(schedule);
      else schedule();
    }, POSITIONS_REFRESH_MS);
  }

  const onVisible = () => {
    if (document.visibilityState === 'visible' && active.value) void refresh();
  };
  document.addEventListener('visibilitychange', onVisible);

  watch(
    [active, () => deviceIds.value.join(',')],
    () => {
      if (active.value) void refresh().finally(schedule);
      else schedule();
    },
    { immediate: true },
  );

  onScopeDispose(() => {
    if (timer) clearTimeout(timer);
    controller?.abort();
    document.removeEventListener('visibilitychange', onVisible);
  });

  return { positions, unavailable, updatedAt, refresh };
}
