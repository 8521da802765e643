// The session's own page (no capability needed: everyone may see who they are).
import type { RouteRecordRaw } from 'vue-router';
import '@/router/routeMeta';

export default [
  {
    path: 'profile',
    name: 'profile',
    component: () => import('./ProfilePage.vue'),
    meta: { title: 'session.profile.title' },
  },
] satisfies RouteRecordRaw[];
