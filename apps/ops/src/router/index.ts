// The app's router: history routes under /ops/ (the BFF answers every route with index.html), typed
// meta, one guard. History, not hash: a fragment never reaches the server, so a deep link opened
// without a session lost its page at the sign-in redirect; a path and query come back.
import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import { installGuards } from './installGuards';
import { redirectLegacyHashLink } from './legacyHashLink';
import { routes } from './routes';

export function createAppRouter(history?: RouterHistory) {
  const router = createRouter({
    history: history ?? browserHistory(),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  installGuards(router);
  return router;
}

function browserHistory(): RouterHistory {
  const base = import.meta.env.BASE_URL; // '/ops/'
  redirectLegacyHashLink(base);
  return createWebHistory(base);
}
