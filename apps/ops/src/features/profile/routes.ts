import { defineFeatureRoutes } from '@/shared/routing/defineFeatureRoutes';

// No capability needed: everyone may see who they are.
export default defineFeatureRoutes('profile', [
  {
    path: 'profile',
    name: 'profile',
    component: () => import('./pages/ProfilePage.vue'),
    meta: { title: 'profile.title' },
  },
]);
