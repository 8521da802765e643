import { defineFeatureRoutes } from '@/router/defineFeatureRoutes';

export default defineFeatureRoutes('diagnostics', [
  {
    path: 'diagnostics',
    name: 'diagnostics',
    component: () => import('./DiagnosticsPage.vue'),
    props: (route) => ({ serial: typeof route.query.serial === 'string' ? route.query.serial : '' }),
    meta: { requires: ['diagnostics.view'], nav: { label: 'nav.diagnostics', icon: 'troubleshoot', order: 30 } },
  },
]);
