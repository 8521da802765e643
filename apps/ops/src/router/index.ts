// The app's router: hash history under /ops/ (the BFF serves one index.html), typed meta, one guard.
import { createRouter, createWebHashHistory, type RouterHistory } from 'vue-router';
import { installGuards } from './installGuards';
import { routes } from './routes';

export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  installGuards(router);
  return router;
}
