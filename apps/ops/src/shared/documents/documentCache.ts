// The app's one document cache, and its feed of live changes. The feed is plugged in by the first
// component that watches something (no boot step to forget); a new Pinia (a test) gets a new feed.
import { getActivePinia } from 'pinia';
import { useLiveStore } from '../live';
import { DocumentStore } from './documentStore';

/** The cache every `useDoc`, `useDocList`, `useDocQuery` and write shares. */
export const documentCache = new DocumentStore();

let fedBy: ReturnType<typeof useLiveStore> | null = null;

/** Subscribes the cache to live `doc_change` events once per live store. */
export function feedCacheFromLive(store: DocumentStore = documentCache): void {
  if (!getActivePinia()) return;
  const live = useLiveStore();
  if (fedBy === live && store === documentCache) return;
  if (store === documentCache) fedBy = live;
  live.subscribe({ filter: {}, onEvent: (event) => store.onEvent(event), onResumed: () => store.onResumed() });
}
