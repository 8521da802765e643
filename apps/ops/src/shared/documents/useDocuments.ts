// The composables components read documents through. Each returns the same four things as
// `useAsyncData` (data, error, loading, reload), so `<ClientSection :state>` and friends take
// either; but the data lives in the shared cache, so writes and live events keep it current.
import { computed, onScopeDispose, shallowRef, toValue, watch, type ComputedRef, type MaybeRefOrGetter, type ShallowRef } from 'vue';
import type { DocChangeEvent, Doctype, FullDoc, Doc } from '@gigafibre/contracts';
import { erpGet, erpList, type ErpListOptions, type FieldOf } from '../http';
import { matchesFilter, type LiveEventFilter } from '../live/liveEventFilter';
import { documentCache, feedCacheFromLive } from './documentCache';
import { docKey, listKey, queryKey } from './documentKeys';
import type { Entry, EntrySpec } from './documentStore';
import { listMayHold } from './listRelevance';

export interface CachedState<T> {
  data: ComputedRef<T | undefined>;
  error: ComputedRef<unknown>;
  loading: ComputedRef<boolean>;
  /** Reads again now (a retry button); shared with a read already in flight. */
  reload: () => Promise<void>;
}

/** Watches the entry `spec()` names (none while it is null), switching when the key changes. */
function useEntry<T>(spec: () => EntrySpec<T> | null): CachedState<T> {
  const store = documentCache;
  feedCacheFromLive();
  const current = shallowRef(null) as ShallowRef<Entry<T> | null>;
  let release: (() => void) | null = null;
  watch(
    () => spec(),
    (next) => {
      if (next && next.key === current.value?.key) return;
      release?.();
      release = null;
      current.value = next ? store.entry(next) : null;
      if (current.value) release = store.watch(current.value);
    },
    { immediate: true },
  );
  onScopeDispose(() => release?.());
  const state = computed(() => current.value?.state.value);
  return {
    data: computed(() => state.value?.data),
    error: computed(() => state.value?.error ?? null),
    loading: computed(() => state.value?.loading ?? false),
    reload: () => (current.value ? store.read(current.value) : Promise.resolve()),
  };
}

/**
 * One document, every empty field null: `useDoc('Customer', () => props.id)`. Refetched when a live
 * event names it (not when the event is our own write, already shown); null name = nothing.
 */
export function useDoc<D extends Doctype>(doctype: D, name: MaybeRefOrGetter<string | null | undefined>): CachedState<FullDoc<D>> {
  return useEntry(() => {
    const n = toValue(name);
    if (!n) return null;
    return {
      key: docKey(doctype, n),
      holds: { kind: 'doc', doctype, name: n },
      load: (signal) => erpGet(doctype, n, { signal }),
      concerns: (event) => event.doctype === doctype && event.name === n,
    };
  });
}

/** What a list asks (the `erpList` options without the per-call ones). */
export type DocListParams<D extends Doctype, F extends FieldOf<D>> = Omit<ErpListOptions<D, F>, 'signal' | 'timeoutMs' | 'toast' | 'cacheMs' | 'idempotencyKey'>;

/**
 * A list, keyed by its parameters: `useDocList('Issue', () => ({ fields: ['name', 'subject'],
 * filters: [['customer', '=', id]], orderBy: 'creation desc', limit: 50 }))`. Refetched when a
 * change may concern it: one of its rows, or a document that points (or pointed) at its Link filter.
 */
export function useDocList<D extends Doctype, F extends FieldOf<D>>(
  doctype: D,
  params: MaybeRefOrGetter<DocListParams<D, F> | null>,
): CachedState<Pick<Doc<D>, F>[]> {
  return useEntry(() => {
    const p = toValue(params);
    if (!p) return null;
    return {
      key: listKey(doctype, p),
      holds: { kind: 'list', doctype },
      load: (signal) => erpList(doctype, { ...p, signal }),
      concerns: (event, rows) => listMayHold(doctype, p.filters, new Set((rows ?? []).map((r) => (r as { name?: string }).name ?? '')), event),
    };
  });
}

/**
 * Any other read (a method, several lists merged), keyed by `key()` and refetched on the live
 * changes `on` matches: `useDocQuery(() => ['balance', id], (signal) => fetchBalanceDue(id, signal),
 * { on: { doctype: ['Sales Invoice', 'Payment Entry'], ref: { doctype: 'Customer', name: id } } })`.
 */
export function useDocQuery<T>(
  key: MaybeRefOrGetter<readonly unknown[] | null>,
  load: (signal: AbortSignal) => Promise<T>,
  options: {
    /** The changes that may make the answer wrong: a live-event filter, or a test of the event against the answer shown. */
    on: LiveEventFilter | ((event: DocChangeEvent, data: T | undefined) => boolean);
    /** Read once a burst of such changes has been quiet this long (default 40 ms). */
    settleMs?: number;
  },
): CachedState<T> {
  const { on, settleMs } = options;
  const concerns = typeof on === 'function' ? on : (event: DocChangeEvent) => matchesFilter(on, event);
  return useEntry(() => {
    const parts = toValue(key);
    return parts ? { key: queryKey(parts), holds: { kind: 'query' }, load, concerns, ...(settleMs === undefined ? {} : { settleMs }) } : null;
  });
}
