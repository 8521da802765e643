import { defineFeatureRoutes } from '@/router/defineFeatureRoutes';

export default defineFeatureRoutes('clients', [
  {
    path: 'clients',
    name: 'clients',
    component: () => import('./ClientsSearchPage.vue'),
    meta: { requires: ['clients.view'], nav: { label: 'nav.clients', icon: 'groups', order: 20 } },
  },
  {
    path: 'clients/:id',
    name: 'client',
    component: () => import('./ClientDetailPage.vue'),
    props: true,
    meta: { requires: ['clients.view'], title: 'nav.clients' },
  },
]);
