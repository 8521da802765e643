import { defineFeatureRoutes } from '@/shared/routing/defineFeatureRoutes';

export default defineFeatureRoutes('dispatch', [
  {
    path: 'dispatch',
    name: 'dispatch',
    component: () => import('./pages/DispatchPage.vue'),
    meta: { requires: ['dispatch.view'], nav: { label: 'nav.dispatch', icon: 'view_timeline', order: 10 } },
  },
]);
