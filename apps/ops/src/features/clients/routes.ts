import { defineFeatureRoutes } from '@/shared/routing/defineFeatureRoutes';

export default defineFeatureRoutes('clients', [
  {
    path: 'clients',
    name: 'clients',
    component: () => import('./pages/ClientsSearchPage.vue'),
    meta: { requires: ['clients.view'], nav: { label: 'nav.clients', icon: 'groups', order: 20 } },
  },
  {
    path: 'clients/:id',
    name: 'client',
    component: () => import('./pages/ClientDetailPage.vue'),
    props: true,
    meta: { requires: ['clients.view'], title: 'nav.clients' },
  },
]);
