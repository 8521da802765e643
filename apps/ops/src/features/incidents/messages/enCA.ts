// Incidents feature, Canadian English (exactly the keys of frCA, checked by the compiler).
import type { Widen } from '@/shared/i18n/defineFeatureMessages';
import type { frCA } from './frCA';

export const enCA: Widen<typeof frCA> = {
  title: 'Outages',
  subtitle: 'Uptime-Kuma alerts on the network (OLTs, PON ports, zones) and the customers they affect.',
  filter: { open: 'In progress', resolved: 'Resolved', all: 'All', label: 'Show' },
  empty: { title: 'No outage', open: 'No outage in progress on the network.', other: 'No outage to show.' },
  loadError: 'Could not load the outages',
  status: { open: 'In progress', resolved: 'Resolved' },
  kind: { olt: 'OLT', pon: 'PON port', zone: 'Zone' },
  columns: { element: 'Element', since: 'Since', resolved: 'Resolved', affected: 'Customers affected', status: 'Status', message: 'Last message' },
  detail: {
    back: 'All outages',
    since: 'Since {since}',
    resolvedAt: 'Resolved on {at}',
    monitor: 'Uptime-Kuma monitor: {name} (no. {id})',
    affected: '{n} customer affected | {n} customers affected',
    loadError: 'Could not load this outage',
    notFound: 'This outage does not exist.',
  },
  timeline: {
    title: 'History',
    opened: 'Outage opened',
    down: 'Still down',
    pending: 'Pending confirmation',
    maintenance: 'Maintenance',
    resolved: 'Restored',
    reopened: 'Down again (same incident)',
  },
  affected: {
    title: 'Affected customers',
    address: 'Address',
    client: 'Customer',
    tickets: 'Open tickets',
    jobs: 'Upcoming jobs',
    none: 'None',
    more: 'Show more',
    shown: '{shown} of {total} addresses',
    empty: 'No active customer behind this element.',
    loadError: 'Could not load the affected customers',
  },
};
