import { defineFeatureRoutes } from '@/shared/routing/defineFeatureRoutes';

export default defineFeatureRoutes('tickets', [
  {
    path: 'tickets',
    name: 'tickets',
    component: () => import('./pages/TicketsQueuePage.vue'),
    meta: { requires: ['tickets.view'], nav: { label: 'nav.tickets', icon: 'support_agent', order: 25 } },
  },
  {
    // « Planifier une visite » from the client file (the clients feature links here by name).
    path: 'tickets/book/:customer',
    name: 'visit-book',
    component: () => import('./pages/VisitBookingPage.vue'),
    props: true,
    meta: { requires: ['visits.book'], title: 'nav.tickets' },
  },
  {
    path: 'tickets/:name',
    name: 'ticket',
    component: () => import('./pages/TicketPage.vue'),
    props: true,
    meta: { requires: ['tickets.view'], title: 'nav.tickets' },
  },
]);
