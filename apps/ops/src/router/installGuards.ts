// THE guard: reads `meta.requires` on every navigation, sends `/` to the user's landing page, and
// starts loading the feature's messages alongside its page.
import type { Router } from 'vue-router';
import { i18n, loadFeatureMessages } from '@/i18n';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { decideNavigation } from './access';
import '@/shared/routing/routeMeta';

export function installGuards(router: Router): void {
  router.beforeEach((to) => {
    const decision = decideNavigation(to, useSessionStore().capabilities);
    if (decision === true) for (const record of to.matched) if (record.meta.feature) void loadFeatureMessages(record.meta.feature).catch(() => undefined);
    return decision;
  });

  // Messages were requested in beforeEach, in parallel with the page's chunk; wait for them here so
  // the page never renders raw keys. A failed load still lets the page open.
  router.beforeResolve(async (to) => {
    const features = to.matched.flatMap((record) => (record.meta.feature ? [record.meta.feature] : []));
    await Promise.all(features.map((f) => loadFeatureMessages(f).catch(() => undefined)));
  });

  // A page's chunk that fails to load usually means the edge now answers with its sign-in redirect
  // (session gone) or the network is down: find out which, instead of failing silently.
  router.onError(async (error: unknown) => {
    if (!(error instanceof TypeError) && !/dynamically imported module|Importing a module script failed/i.test(String(error))) return;
    const session = useSessionStore();
    if (!(await session.recheck())) session.markExpired();
  });

  router.afterEach((to) => {
    const key = to.meta.title ?? to.meta.nav?.label;
    const app = i18n.global.t('app.name');
    document.title = key ? `${i18n.global.t(key)} · ${app}` : app;
  });
}
