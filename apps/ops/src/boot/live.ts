// The live-events stream runs while the session is valid and the browser is online.
import { watch } from 'vue';
import { documentCache } from '@/shared/documents';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { useLiveStore } from '@/shared/live';

export function bootLive(): void {
  const live = useLiveStore();
  const session = useSessionStore();
  if (session.status !== 'ready') return;
  live.start();
  session.onRestored(() => live.start());
  // Someone else signed in after an expiry: what the cache holds was read for the previous person
  // (their rows, their fields): drop it, and read again what is on screen.
  watch(
    () => session.user?.email,
    (now, before) => {
      if (before && now !== before) documentCache.onResumed();
    },
  );
  window.addEventListener('online', () => {
    if (!session.expired) live.start();
  });
  window.addEventListener('offline', () => live.stop('network'));
}
