// Page state for one read: loading → data | error, with reload; the pieces LoadingSkeleton,
// ErrorState and EmptyState need. Stale answers (a newer load started) are dropped.
import { shallowRef, type Ref, type ShallowRef } from 'vue';

export interface AsyncData<T> {
  data: ShallowRef<T | undefined>;
  error: ShallowRef<unknown>;
  loading: Ref<boolean>;
  /** Loads again (after a failure, a live event, a filter change); resolves when done. */
  reload: () => Promise<void>;
}

export function useAsyncData<T>(load: (signal: AbortSignal) => Promise<T>, options: { immediate?: boolean } = {}): AsyncData<T> {
  const data = shallowRef<T | undefined>(undefined);
  const error = shallowRef<unknown>(null);
  const loading = shallowRef(false);
  let current: AbortController | null = null;

  async function reload(): Promise<void> {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    loading.value = true;
    error.value = null;
    try {
      const value = await load(controller.signal);
      if (current === controller) data.value = value;
    } catch (caught) {
      if (current === controller) error.value = caught;
    } finally {
      if (current === controller) loading.value = false;
    }
  }

  if (options.immediate !== false) void reload();
  return { data, error, loading, reload };
}
