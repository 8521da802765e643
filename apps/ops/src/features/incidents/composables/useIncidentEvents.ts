// Calls back on every live incident change while the calling component lives.
import { getCurrentScope, onScopeDispose } from 'vue';
import type { IncidentEvent } from '@gigafibre/contracts';
import { useLiveStore } from '@/shared/live';

export function useIncidentEvents(onEvent: (event: IncidentEvent) => void): void {
  const unsubscribe = useLiveStore().subscribeIncidents(onEvent);
  if (getCurrentScope()) onScopeDispose(unsubscribe);
}
