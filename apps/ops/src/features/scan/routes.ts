import { defineFeatureRoutes } from '@/shared/routing/defineFeatureRoutes';

export default defineFeatureRoutes('scan', [
  {
    path: 'j',
    name: 'jobs',
    component: () => import('./pages/TechJobsPage.vue'),
    meta: { requires: ['scan.use'], nav: { label: 'nav.jobs', icon: 'assignment', order: 40 } },
  },
  {
    path: 'j/:job',
    name: 'job',
    component: () => import('./pages/TechJobPage.vue'),
    props: true,
    meta: { requires: ['scan.use'], title: 'nav.jobs' },
  },
  {
    // `?job=DJ-…` links what is scanned to that job; `&ocr=<id>` opens a label reading to check.
    path: 'scan',
    name: 'scan',
    component: () => import('./pages/ScanPage.vue'),
    meta: { requires: ['scan.use'], nav: { label: 'nav.scan', icon: 'qr_code_scanner', order: 50 } },
  },
  {
    // Reached from the header's queue badge on every page.
    path: 'scan/queue',
    name: 'scan-queue',
    component: () => import('./pages/ScanQueuePage.vue'),
    meta: { requires: ['scan.use'], title: 'scan.queue.title' },
  },
]);
