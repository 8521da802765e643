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

/** A subscriber to one of the hub's other named events (`message`, `number_opt`…): raw JSON data. */
export interface HubEventSubscription {
  event: string;
  onEvent(data: unknown): void;
  onResumed?(): void;
}

export const useLiveStore = defineStore('live', () => {
  const status = ref<LiveStatus>('offline');
  const offlineReason = ref<OfflineReason | null>('stopped');
  const lastEvent = shallowRef<DocChangeEvent | null>(null);
  const subscriptions = new Set<LiveSubscription>();
  const hubSubscriptions = new Set<HubEventSubscription>();
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

  /** Other named events go as parsed JSON to their subscribers; bad JSON is dropped. */
  function deliverNamed(name: string, raw: string): void {
    const wanted = [...hubSubscriptions].filter((sub) => sub.event === name);
    if (wanted.length === 0) return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return;
    }
    for (const sub of wanted) {
      try {
        sub.onEvent(data);
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
        if (message.event !== 'doc_change') return deliverNamed(message.event, message.data);
        const event = parseDocChange(message.data);
        if (event) deliver(event);
      },
      onStatus: (next, reason) => {
        status.value = next;
        offlineReason.value = reason;
      },
      onResumed: () => {
        for (const sub of [...subscriptions]) sub.onResumed?.();
        for (const sub of [...hubSubscriptions]) sub.onResumed?.();
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

  /** Adds a subscriber to a named hub event; returns its unsubscribe. */
  function subscribeHub(subscription: HubEventSubscription): () => void {
    hubSubscriptions.add(subscription);
    return () => hubSubscriptions.delete(subscription);
  }

  /** Outage incidents as they change (`event: incident`, checked); returns the unsubscribe. */
  function subscribeIncidents(listener: (event: IncidentEvent) => void): () => void {
    return subscribeHub({
      event: 'incident',
      onEvent: (data) => {
        const incident = parseIncidentEvent(data);
        if (incident) listener(incident);
      },
    });
  }

  return { status, offlineReason, lastEvent, start, stop, subscribe, subscribeHub, subscribeIncidents, subscriberCount: () => subscriptions.size };
});
