import { defineFeatureRoutes } from '@/router/defineFeatureRoutes';

export default defineFeatureRoutes('scan', [
  {
    path: 'j',
    name: 'jobs',
    component: () => import('./TechJobsPage.vue'),
    meta: { requires: ['scan.use'], nav: { label: 'nav.jobs', icon: 'assignment', order: 40 } },
  },
  {
    path: 'j/:job',
    name: 'job',
    component: () => import('./TechJobPage.vue'),
    props: true,
    meta: { requires: ['scan.use'], title: 'nav.jobs' },
  },
  {
    path: 'scan',
    name: 'scan',
    component: () => import('./ScanPage.vue'),
    meta: { requires: ['scan.use'], nav: { label: 'nav.scan', icon: 'qr_code_scanner', order: 50 } },
  },
]);
