// The device lookup behind the page: one hub call per serial, a "slow" hint while it takes long,
// and the time from asking to the panel on screen (Performance API mark + measure, read by e2e).
import { nextTick, onScopeDispose, ref, watch, type Ref } from 'vue';
import type { DeviceLookup } from '@gigafibre/contracts';
import { clearTiming, markTiming, measureTiming, TIMING } from '@/shared/instrumentation';
import { useAsyncData } from '@/shared/ui';
import { lookupDevice } from '../api/diagnosticsApi';

const { lookupStart, lookupAnswer, lookupToRender, lookupNetwork, answerToRender } = TIMING.diagnostics;
/** After this long without an answer the page says the hub is slow (the deadline is 8 s). */
export const SLOW_AFTER_MS = 2_500;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => resolve()) : setTimeout(resolve, 0)));
}

export function useDeviceLookup(serial: Ref<string>) {
  /** Epoch ms of the answer shown (the verdict measures an offline device's silence from it). */
  const loadedAt = ref(0);
  const slow = ref(false);
  /** Lookup → panel rendered, in ms, for the last answer. */
  const renderMs = ref<number | null>(null);

  const { data, error, loading, reload } = useAsyncData<DeviceLookup>(
    async (signal) => {
      // One set of entries at a time: a CSR's day of lookups must not pile up in the timeline.
      clearTiming(lookupStart, lookupAnswer, lookupToRender, lookupNetwork, answerToRender);
      markTiming(lookupStart);
      const answer = await lookupDevice(serial.value, signal);
      markTiming(lookupAnswer);
      measureTiming(lookupNetwork, lookupStart, lookupAnswer);
      loadedAt.value = Date.now();
      return answer;
    },
    { immediate: false },
  );

  let slowTimer: ReturnType<typeof setTimeout> | undefined;
  watch(loading, (busy) => {
    clearTimeout(slowTimer);
    slow.value = false;
    if (busy) slowTimer = setTimeout(() => (slow.value = true), SLOW_AFTER_MS);
  });
  onScopeDispose(() => clearTimeout(slowTimer));

  // Runs after the DOM shows the new answer; the next frame is when it is painted.
  watch(
    data,
    async (answer) => {
      if (!answer) return;
      await nextTick();
      await nextFrame();
      measureTiming(answerToRender, lookupAnswer);
      const total = measureTiming(lookupToRender, lookupStart);
      renderMs.value = total === null ? null : Math.round(total);
    },
    { flush: 'post' },
  );

  watch(
    serial,
    (value) => {
      // Another device: never show the previous one's data under the new serial.
      data.value = undefined;
      error.value = null;
      renderMs.value = null;
      if (value) void reload();
    },
    { immediate: true },
  );

  return { lookup: data, error, loading, slow, loadedAt, renderMs, reload };
}
