import { defineFeatureRoutes } from '@/shared/routing/defineFeatureRoutes';

export default defineFeatureRoutes('users', [
  {
    path: 'settings/users',
    name: 'users',
    component: () => import('./pages/UsersPage.vue'),
    meta: { requires: ['users.manage'], nav: { label: 'nav.users', icon: 'manage_accounts', order: 90 } },
  },
]);
