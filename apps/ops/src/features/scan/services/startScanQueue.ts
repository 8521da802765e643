// Starts the scan queue for the whole app (once, for users who scan): loads what is stored, then
// sends it whenever there is a chance — the network comes back, the page becomes visible again,
// the session is restored, a timer after a backoff — and keeps the scan pages ready for offline.
import type { Router } from 'vue-router';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { loadFeatureMessages } from '@/i18n';
import photoWorkerUrl from './closeoutPhotoWorker.ts?worker&url';
import { keepLoadedFiles } from './registerServiceWorker';
import { useScanQueueStore } from '../composables/useScanQueueStore';

let started = false;

export async function startScanQueue(router: Router): Promise<void> {
  if (started) return;
  started = true;
  const queue = useScanQueueStore();
  const session = useSessionStore();
  queue.listenToOtherTabs();
  await queue.load();

  window.addEventListener('online', () => void queue.flush(true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void queue.load().then(() => queue.flush(true));
  });
  session.onRestored(() => void queue.flush(true));
  void queue.flush();

  // Fetch the scan pages and their messages now, while online: the service worker keeps them,
  // so the job view and the queue open in a basement too.
  const warm = () => {
    const loading: Promise<unknown>[] = [loadFeatureMessages('scan')];
    for (const route of router.getRoutes()) {
      const page = route.components?.default;
      if (route.meta.feature === 'scan' && typeof page === 'function') loading.push((page as () => Promise<unknown>)());
    }
    // What loads behind the scan page, the camera's reader included (once per deploy, ~125 kB):
    // a camera that cannot start in a basement would defeat the point.
    loading.push(
      import('../components/ScanEquipmentCard.vue'),
      import('../components/ScanVisitQueue.vue'),
      import('../components/ScanOcrConfirmList.vue'),
      import('../components/ScanJobContext.vue'),
      import('../components/ScanJobPicker.vue'),
      import('../components/ScanCameraControls.vue'),
      import('./zxingReader'),
    );
    // The close-out photo worker's script is not run here: the service worker is asked to keep it.
    void Promise.allSettled(loading).then(() => keepLoadedFiles([photoWorkerUrl]));
  };
  // Only once a service worker is there to keep them: without one (not supported, refused,
  // development builds) the fetch would buy nothing offline and costs a phone's CPU.
  const whenIdle = () => ('requestIdleCallback' in window ? window.requestIdleCallback(warm, { timeout: 5_000 }) : setTimeout(warm, 2_000));
  if (import.meta.env.PROD && 'serviceWorker' in navigator) void navigator.serviceWorker.ready.then(whenIdle);
}
