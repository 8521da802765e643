import { defineFeatureRoutes } from '@/router/defineFeatureRoutes';

export default defineFeatureRoutes('users', [
  {
    path: 'settings/users',
    name: 'users',
    component: () => import('./UsersPage.vue'),
    meta: { requires: ['users.manage'], nav: { label: 'nav.users', icon: 'manage_accounts', order: 90 } },
  },
]);
