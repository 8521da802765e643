// Which outages are open and whom they touch, for every screen: one read of the open incidents and
// of the hub's affected index, then kept current by the live `incident` events. Every signed-in user
// gets the open incidents (the banner); only users with `incidents.view` load whom they touch (for
// the others every lookup answers « not affected »).
import { defineStore } from 'pinia';
import { computed, shallowRef, watch } from 'vue';
import type { AffectedIndex, Incident, IncidentList } from '@gigafibre/contracts';
import { request } from '../http';
import { useLiveStore } from '../live';
import { useSessionStore } from '../session/useSessionStore';
import { applyIncidentEvent, buildLookup, changesAffected, type OutageLookup } from './outageIndex';

const EMPTY: OutageLookup = { customers: new Map(), locations: new Map() };

export const useOutageStore = defineStore('outage', () => {
  const open = shallowRef<Incident[]>([]);
  const lookup = shallowRef<OutageLookup>(EMPTY);
  let started = false;
  let reading: Promise<void> | null = null;

  async function readIndex(): Promise<void> {
    const index = await request<AffectedIndex>('/hub/incidents/affected-index', { timeoutMs: 15_000 });
    lookup.value = buildLookup(index);
  }

  /** Reads the open incidents and the index again (start, stream back after a cut). */
  function refresh(): Promise<void> {
    reading ??= (async () => {
      try {
        const list = await request<IncidentList>('/hub/incidents', { query: { status: 'open' } });
        open.value = list.data;
        lookup.value = list.data.length > 0 ? lookup.value : EMPTY;
        if (list.data.length > 0 && useSessionStore().can('incidents.view')) await readIndex();
      } catch (error) {
        // The banner is a help, not the page: a failed read leaves the last known state.
        console.warn('outage state could not be read', error);
      } finally {
        reading = null;
      }
    })();
    return reading;
  }

  /** Starts once per app. */
  function start(): void {
    if (started) return;
    started = true;
    const live = useLiveStore();
    live.subscribeIncidents((event) => {
      open.value = applyIncidentEvent(open.value, event);
      if (open.value.length === 0) lookup.value = EMPTY;
      else if (changesAffected(event) && useSessionStore().can('incidents.view')) void readIndex().catch((error: unknown) => console.warn('outage index could not be read', error));
    });
    // Back after a cut: changes may have been missed.
    watch(
      () => live.status,
      (status, before) => {
        if (status === 'connected' && before !== 'connected') void refresh();
      },
    );
    void refresh();
  }

  const byId = computed(() => new Map(open.value.map((i) => [i.id, i])));

  /** The open incident touching this client, if any. */
  function forCustomer(customer: string | null | undefined): Incident | undefined {
    const id = customer ? lookup.value.customers.get(customer) : undefined;
    return id ? byId.value.get(id) : undefined;
  }

  /** The open incident touching this service location, if any. */
  function forLocation(location: string | null | undefined): Incident | undefined {
    const id = location ? lookup.value.locations.get(location) : undefined;
    return id ? byId.value.get(id) : undefined;
  }

  return { open, start, refresh, forCustomer, forLocation };
});
