// Gigafibre Ops service worker (scope /ops/): keeps the app shell so the app opens with no
// network — in a basement, a technician still sees their jobs and the scan queue.
//
// - Pages (navigations): network first, so a deploy or a sign-in redirect is seen at once; the
//   kept index.html when the network fails or is slower than 4 s (weak LTE).
// - /ops/assets/*: Vite's hashed files never change: cache first, kept as they are loaded (the
//   app fetches the scan pages ahead of time for that). A new build (another entry script in
//   index.html) drops the files the new index.html no longer names.
// - /ops/api/*: never touched. Data goes through the app, and writes through its queue.
/* global self, caches */

// v2: the shell is kept under /ops/index.html (/ops/ became the BFF's sessionless entry page).
const CACHE = 'gigafibre-ops-shell-v2';
const BASE = new URL('./', self.location.href).pathname; // '/ops/'
const SHELL = `${BASE}index.html`;
const STATIC_FILES = ['manifest.webmanifest', 'favicon.svg', 'icons/gigafibre-mark.svg', 'icons/icon-192.png', 'icons/icon-512.png', 'icons/icon-maskable-512.png'].map(
  (path) => BASE + path,
);
const NAVIGATION_TIMEOUT_MS = 4000;

/** Same-origin paths under /ops/assets/ that an index.html names (scripts, styles, preloads). */
function assetsNamedBy(html) {
  const paths = new Set();
  for (const match of html.matchAll(/\s(?:src|href)="([^"]+)"/g)) {
    const url = new URL(match[1], self.location.href);
    if (url.origin === self.location.origin && url.pathname.startsWith(`${BASE}assets/`)) paths.add(url.pathname);
  }
  return paths;
}

function entryScript(html) {
  return /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)?.[1] ?? null;
}

/** Keeps `response` (a fresh index.html) and the files it names; after a deploy, drops the old build. */
async function keepShell(cache, response) {
  if (!response.ok || response.type !== 'basic') return;
  const html = await response.clone().text();
  const previous = await cache.match(SHELL);
  const previousEntry = previous ? entryScript(await previous.text()) : null;
  const named = assetsNamedBy(html);
  await Promise.all(
    [...named].map(async (path) => {
      if (!(await cache.match(path))) await cache.add(path).catch(() => undefined);
    }),
  );
  await cache.put(SHELL, response);
  if (previousEntry && previousEntry !== entryScript(html)) {
    for (const request of await cache.keys()) {
      const path = new URL(request.url).pathname;
      if (path.startsWith(`${BASE}assets/`) && !named.has(path)) await cache.delete(request);
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        // `manual`: a signed-out visitor gets the sign-in redirect, which is never kept.
        const shell = await fetch(SHELL, { cache: 'no-store', credentials: 'same-origin', redirect: 'manual' });
        await keepShell(cache, shell);
      } catch {
        // Offline during install: the shell is kept at the next visit.
      }
      await Promise.all(STATIC_FILES.map((path) => cache.add(path).catch(() => undefined)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('gigafibre-ops-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

// Every route of the app (`/ops/j/DJ-000005`, `/ops/dispatch`) and its document `/ops/index.html`
// are answered with the same index.html by the BFF (history routes): any of them may refresh the
// kept shell, and any of them opens from it offline. `/ops/` itself is the BFF's entry page (it
// sends old `#/…` links to their path): never kept, but opened offline from the kept shell, whose
// router reads the fragment the same way. Files (a dot in the last segment) and assets are not routes.
function isShellPath(url) {
  if (url.pathname === SHELL) return true;
  if (!url.pathname.startsWith(BASE) || url.pathname.startsWith(`${BASE}assets/`) || url.pathname.startsWith(`${BASE}api/`)) return false;
  const last = url.pathname.slice(BASE.length).split('/').pop() ?? '';
  return !last.includes('.');
}

const isEntryPage = (url) => url.pathname === BASE;

async function navigate(event, url) {
  const cache = await caches.open(CACHE);
  const network = fetch(event.request).then((response) => {
    if (isShellPath(url) && !isEntryPage(url) && response.ok && response.type === 'basic') event.waitUntil(keepShell(cache, response.clone()));
    return response;
  });
  const kept = () => (isShellPath(url) ? cache.match(SHELL) : Promise.resolve(undefined));
  const slow = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS)).then(async () => (await kept()) ?? network);
  try {
    return await Promise.race([network, slow]);
  } catch {
    return (await kept()) ?? Response.error();
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

/** Manifest and icons: the kept copy at once, refreshed in the background. */
async function staleWhileRevalidate(event) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(event.request);
  const refresh = fetch(event.request)
    .then(async (response) => {
      if (response.ok && response.type === 'basic') await cache.put(event.request, response.clone());
      return response;
    })
    .catch(() => hit ?? Response.error());
  if (hit) {
    event.waitUntil(refresh);
    return hit;
  }
  return refresh;
}

// The app names the files it loaded before this worker controlled it (first visit): keep them.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'keep' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      // A page that loaded while this worker was activating is not controlled (claim() at activation
      // ran before it existed) and could not reload offline, in a basement, on the day it installed
      // the app. It says it is here with this message (sent once the worker is ready): take it now.
      await self.clients.claim();
      const cache = await caches.open(CACHE);
      for (const raw of data.urls) {
        const url = new URL(String(raw), self.location.href);
        if (url.origin !== self.location.origin || !url.pathname.startsWith(`${BASE}assets/`)) continue;
        if (!(await cache.match(url.pathname))) await cache.add(url.pathname).catch(() => undefined);
      }
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  if (url.pathname.startsWith(`${BASE}api/`)) return;
  if (request.mode === 'navigate') return event.respondWith(navigate(event, url));
  if (url.pathname.startsWith(`${BASE}assets/`)) return event.respondWith(cacheFirst(request));
  if (STATIC_FILES.includes(url.pathname)) return event.respondWith(staleWhileRevalidate(event));
});
