// Links written before the router moved to history routes (`/ops/#/clients/CUST-00583`, the
// manifest's old shortcuts, bookmarks, SMS) still open their page: the fragment is turned into
// the path it names, client-side, before the router reads the URL. The server never sees a
// fragment, which is why history routes replaced it: a path and query survive the sign-in redirect.

/**
 * The history URL (`/ops/clients/CUST-00583?x=1`) that a legacy hash link names, or null when the
 * URL is not one. `base` is the app's base (`/ops/`); only a link on the base path itself counts.
 */
export function legacyHashTarget(url: { pathname: string; search: string; hash: string }, base: string): string | null {
  if (!url.hash.startsWith('#/')) return null;
  if (url.pathname !== base && url.pathname !== `${base}index.html` && `${url.pathname}/` !== base) return null;
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
