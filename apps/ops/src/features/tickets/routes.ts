import { defineFeatureRoutes } from '@/shared/routing/defineFeatureRoutes';

export default defineFeatureRoutes('tickets', [
  {
    path: 'tickets',
    name: 'tickets',
    component: () => import('./pages/TicketsQueuePage.vue'),
    meta: { requires: ['tickets.view'], nav: { label: 'nav.tickets', icon: 'support_agent', order: 25 } },
  },
  {
    path: 'tickets/:name',
    name: 'ticket',
    component: () => import('./pages/TicketPage.vue'),
    props: true,
    meta: { requires: ['tickets.view'], title: 'nav.tickets' },
  },
]);
