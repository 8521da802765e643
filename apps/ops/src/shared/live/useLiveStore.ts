// The app's single live-events connection (/ops/api/hub/events) and its subscribers. Features use
// `useLiveEvents()` (composable) rather than this store; the header reads `status`.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { DocChangeEvent, IncidentEvent } from '@gigafibre/contracts';
import { invalidateReads, openStream } from '../http';
import { LiveConnection, type LiveStatus, type OfflineReason } from './liveConnection';
import { matchesFilter, parseDocChange, parseIncidentEvent, type LiveEventFilter } from './liveEventFilter';

export interface LiveSubscription {
  filter: LiveEventFilter;
  onEvent(event: DocChangeEvent): void;
  /** The stream came back after a cut: events may have been missed if the hub could not replay. */
  onResumed?(): void;
}

export const LIVE_EVENTS_PATH = '/hub/events';

export const useLiveStore = defineStore('live', () => {
  const status = ref<LiveStatus>('offline');
  const offlineReason = ref<OfflineReason | null>('stopped');
  const lastEvent = shallowRef<DocChangeEvent | null>(null);
  const subscriptions = new Set<LiveSubscription>();
  const incidentListeners = new Set<(event: IncidentEvent) => void>();
  let connection: LiveConnection | null = null;

  function deliver(event: DocChangeEvent): void {
    lastEvent.value = event;
    // Cached reads of that doctype are now stale for everyone.
    invalidateReads(`/erp/resource/${encodeURIComponent(event.doctype)}`);
    for (const sub of [...subscriptions]) {
      if (!matchesFilter(sub.filter, event)) continue;
      try {
        sub.onEvent(event);
      } catch (error) {
        console.error('live event handler failed', error);
      }
    }
  }

  function ensureConnection(): LiveConnection {
    connection ??= new LiveConnection({
      open: async (lastEventId, signal) => {
        const headers: Record<string, string> = lastEventId ? { 'Last-Event-ID': lastEventId } : {};
        const res = await openStream(LIVE_EVENTS_PATH, { headers, signal });
        return res.body as ReadableStream<Uint8Array>;
      },
      onMessage: (message) => {
        if (message.event === 'incident') {
          const incident = parseIncidentEvent(message.data);
          if (incident) for (const listener of [...incidentListeners]) listener(incident);
          return;
        }
        if (message.event !== 'doc_change') return;
        const event = parseDocChange(message.data);
        if (event) deliver(event);
      },
      onStatus: (next, reason) => {
        status.value = next;
        offlineReason.value = reason;
      },
      onResumed: () => {
        for (const sub of [...subscriptions]) sub.onResumed?.();
      },
    });
    return connection;
  }

  /** Connects (or reconnects now). Called after the session is known, and when it comes back. */
  function start(): void {
    ensureConnection().start();
  }

  function stop(reason: OfflineReason = 'stopped'): void {
    connection?.stop(reason);
  }

  /** Adds a subscriber; returns its unsubscribe. */
  function subscribe(subscription: LiveSubscription): () => void {
    subscriptions.add(subscription);
    return () => subscriptions.delete(subscription);
  }

  /** Outage incidents as they change (`event: incident`); returns the unsubscribe. */
  function subscribeIncidents(listener: (event: IncidentEvent) => void): () => void {
    incidentListeners.add(listener);
    return () => incidentListeners.delete(listener);
  }

  return { status, offlineReason, lastEvent, start, stop, subscribe, subscribeIncidents, subscriberCount: () => subscriptions.size };
});
