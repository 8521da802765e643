// Every route of the app, in one place: the shell layout around each feature's routes.
// A feature adds routes in src/features/<f>/routes.ts; it is listed here once.
import type { RouteRecordRaw } from 'vue-router';
import ShellLayout from '@/layouts/ShellLayout.vue';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { landingRouteName } from './access';
import clientsRoutes from '@/features/clients/routes';
import diagnosticsRoutes from '@/features/diagnostics/routes';
import incidentsRoutes from '@/features/incidents/routes';
import dispatchRoutes from '@/features/dispatch/routes';
import profileRoutes from '@/features/profile/routes';
import scanRoutes from '@/features/scan/routes';
import ticketsRoutes from '@/features/tickets/routes';
import usersRoutes from '@/features/users/routes';
import '@/shared/routing/routeMeta';

export const FEATURE_ROUTES: RouteRecordRaw[] = [
  ...dispatchRoutes,
  ...clientsRoutes,
  ...ticketsRoutes,
  ...diagnosticsRoutes,
  ...incidentsRoutes,
  ...scanRoutes,
  ...usersRoutes,
  ...profileRoutes,
];

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: ShellLayout,
    children: [
      // Each role lands where it works (admins on users, dispatchers on the board, …).
      { path: '', name: 'home', redirect: () => ({ name: landingRouteName(useSessionStore().capabilities) }) },
      ...FEATURE_ROUTES,
      { path: 'denied', name: 'denied', component: () => import('@/layouts/pages/AccessDeniedPage.vue'), meta: { title: 'denied.title' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/layouts/pages/NotFoundPage.vue'), meta: { title: 'notFound.title' } },
    ],
  },
];
