// Links written before the router moved to history routes (`/ops/#/clients/CUST-00583`, the
// manifest's old shortcuts, bookmarks, SMS) still open their page: the fragment is turned into
// the path it names, client-side, before the router reads the URL. The server never sees a
// fragment, which is why history routes replaced it: a path and query survive the sign-in redirect.
// The BFF's entry page at `/ops/` (served without a session) does the same before sign-in; this
// covers a page opened from the service worker's kept copy, and `/ops/index.html` itself.

/**
 * The history URL (`/ops/clients/CUST-00583?x=1`) that a legacy hash link names, or null when the
 * URL is not one. `base` is the app's base (`/ops/`); only a link on the base path itself counts.
 * The app's document itself (`/ops/index.html`, where the BFF's entry page at `/ops/` sends
 * everything that is not a hash route) is the home route, its query and anchor kept.
 */
export function legacyHashTarget(url: { pathname: string; search: string; hash: string }, base: string): string | null {
  const onBase = url.pathname === base || `${url.pathname}/` === base;
  const onDocument = url.pathname === `${base}index.html`;
  if (!url.hash.startsWith('#/')) return onDocument ? `${base}${url.search}${url.hash}` : null;
  if (!onBase && !onDocument) return null;
  const route = url.hash.slice(2);
  // A search on the page itself (`/ops/?x#/y`) is older than the fragment's route: the route wins.
  return `${base}${route}`;
}

/** Rewrites the address bar in place (no reload, no history entry) when it holds a legacy link. */
export function redirectLegacyHashLink(base: string): void {
  if (typeof window === 'undefined') return;
  const target = legacyHashTarget(window.location, base);
  if (target !== null) window.history.replaceState(window.history.state, '', target);
}
