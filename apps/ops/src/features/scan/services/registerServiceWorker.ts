// Registers the service worker (public/sw.js) that keeps the app shell for offline starts, and
// hands it the files this page loaded before it took control (first visit): those are kept too.
// Production builds only: under `vite dev` module URLs change on every edit.

const enabled = () => import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator;

/** Registers /ops/sw.js with scope /ops/; failures (private mode, old browser) only cost offline starts. */
export function registerServiceWorker(): void {
  if (!enabled()) return;
  const base = import.meta.env.BASE_URL; // '/ops/'
  navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base })
    .then(() => keepLoadedFiles())
    .catch((error: unknown) => console.warn('Service worker non enregistré : le démarrage hors ligne ne sera pas possible.', error));
}

/** Asks the service worker to keep every app file this page has loaded so far (chunks, fonts), and `more` app files it has not. */
export async function keepLoadedFiles(more: readonly string[] = []): Promise<void> {
  if (!enabled()) return;
  const registration = await navigator.serviceWorker.ready;
  const assets = `${location.origin}${import.meta.env.BASE_URL}assets/`;
  const urls = [...performance.getEntriesByType('resource').map((entry) => entry.name), ...more.map((url) => new URL(url, location.href).href)].filter((url) =>
    url.startsWith(assets),
  );
  registration.active?.postMessage({ type: 'keep', urls });
}
