import { defineFeatureRoutes } from '@/shared/routing/defineFeatureRoutes';

export default defineFeatureRoutes('incidents', [
  {
    path: 'incidents',
    name: 'incidents',
    component: () => import('./pages/IncidentsPage.vue'),
    meta: { requires: ['incidents.view'], nav: { label: 'nav.incidents', icon: 'power_off', order: 35 } },
  },
  {
    path: 'incidents/:id',
    name: 'incident',
    component: () => import('./pages/IncidentPage.vue'),
    meta: { requires: ['incidents.view'], title: 'nav.incidents' },
  },
]);
