// « Now », ticking: SLA countdowns move without a reload. The browser's clock is the business
// clock (the e2e suite installs the standin's), so Date.now() is right here.
import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';

export function useNow(everyMs = 30_000): Ref<number> {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), everyMs);
  if (getCurrentScope()) onScopeDispose(() => clearInterval(timer));
  return now;
}
