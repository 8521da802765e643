// Subscribe a component or composable to live document changes; unsubscribed automatically when
// its scope (component, effectScope) is disposed.
import { getCurrentScope, onScopeDispose } from 'vue';
import type { DocChangeEvent } from '@gigafibre/contracts';
import type { LiveEventFilter } from './liveEventFilter';
import { useLiveStore } from './useLiveStore';

export interface UseLiveEventsOptions {
  /** Called when the stream comes back after a cut: refetch if missing an event would hurt. */
  onResumed?: () => void;
}

/**
 * `useLiveEvents({ doctype: 'Dispatch Job' }, (e) => refresh(e.name))`.
 * Returns the unsubscribe, for callers that want to stop earlier than their scope.
 */
export function useLiveEvents(
  filter: LiveEventFilter,
  onEvent: (event: DocChangeEvent) => void,
  options: UseLiveEventsOptions = {},
): () => void {
  const live = useLiveStore();
  const unsubscribe = live.subscribe({ filter, onEvent, onResumed: options.onResumed });
  if (getCurrentScope()) onScopeDispose(unsubscribe);
  return unsubscribe;
}

/**
 * `useHubEvents('message', (data) => …)`: the hub's other named events (raw JSON, to be checked by
 * the caller); unsubscribed with the scope like `useLiveEvents`.
 */
export function useHubEvents(event: string, onEvent: (data: unknown) => void, options: UseLiveEventsOptions = {}): () => void {
  const live = useLiveStore();
  const unsubscribe = live.subscribeHub({ event, onEvent, onResumed: options.onResumed });
  if (getCurrentScope()) onScopeDispose(unsubscribe);
  return unsubscribe;
}
