// The live-events stream runs while the session is valid and the browser is online.
import { useSessionStore } from '@/shared/session/useSessionStore';
import { useLiveStore } from '@/shared/live';

export function bootLive(): void {
  const live = useLiveStore();
  const session = useSessionStore();
  if (session.status !== 'ready') return;
  live.start();
  session.onRestored(() => live.start());
  window.addEventListener('online', () => {
    if (!session.expired) live.start();
  });
  window.addEventListener('offline', () => live.stop('network'));
}
