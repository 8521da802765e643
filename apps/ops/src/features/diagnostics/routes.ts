import { defineFeatureRoutes } from '@/shared/routing/defineFeatureRoutes';

const queryText = (value: unknown): string => (typeof value === 'string' ? value : '');

export default defineFeatureRoutes('diagnostics', [
  {
    // `#/diagnostics?serial=ALCLB2C4D601[&customer=CUST-00001]` (the clients page links here).
    path: 'diagnostics',
    name: 'diagnostics',
    component: () => import('./pages/DiagnosticsPage.vue'),
    props: (route) => ({ serial: queryText(route.query.serial), customer: queryText(route.query.customer) }),
    meta: { requires: ['diagnostics.view'], nav: { label: 'nav.diagnostics', icon: 'troubleshoot', order: 30 } },
  },
]);
