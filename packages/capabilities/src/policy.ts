import type { Capability } from './capability';

/** The upstream services the BFF proxies to. */
export type Upstream = 'erp' | 'hub';

/** HTTP methods the policy can name (HEAD is checked as GET). */
export type PolicyMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a request needs: a verified identity alone, or any one of the listed capabilities. */
export type Requirement = 'identity' | readonly Capability[];

/** One row of the route policy: (upstream, method, path pattern[, query]) → requirement. */
export interface PolicyRule {
  readonly upstream: Upstream;
  readonly method: PolicyMethod;
  /** Path on the upstream (`/api/resource/Customer/:name`); `:x` matches exactly one segment. */
  readonly path: string;
  /** Query parameters that must have these exact values (for `/api/method/frappe.client.*`). */
  readonly query?: Readonly<Record<string, string>>;
  readonly requires: Requirement;
}

const CLIENT_READERS: readonly Capability[] = ['clients.view', 'dispatch.view', 'scan.use'];

/** Who may read each ERPNext doctype (list, single document, count). */
export const DOCTYPE_READERS: Readonly<Record<string, readonly Capability[]>> = {
  Customer: CLIENT_READERS,
  'Service Location': CLIENT_READERS,
  'Service Equipment': CLIENT_READERS,
  'Dispatch Job': CLIENT_READERS,
  Subscription: ['clients.view'],
  'Sales Invoice': ['clients.view'],
  'Payment Entry': ['clients.view'],
  Issue: ['clients.view'],
  Comment: ['clients.view', 'dispatch.view'],
  Version: ['clients.view', 'dispatch.view'],
  Technician: ['dispatch.view', 'scan.use'],
  Tag: ['clients.view', 'dispatch.view'],
  User: ['users.manage'],
};

function readRules(doctype: string, readers: readonly Capability[]): PolicyRule[] {
  const base = `/api/resource/${doctype}`;
  return [
    { upstream: 'erp', method: 'GET', path: base, requires: readers },
    { upstream: 'erp', method: 'GET', path: `${base}/:name`, requires: readers },
    { upstream: 'erp', method: 'GET', path: '/api/method/frappe.client.get_count', query: { doctype }, requires: readers },
    { upstream: 'erp', method: 'GET', path: '/api/method/frappe.client.get_list', query: { doctype }, requires: readers },
  ];
}

/**
 * The route policy, shared by the BFF (enforcement) and the SPA (to hide what a user cannot do).
 * Anything not listed here is denied.
 */
export const ROUTE_POLICY: readonly PolicyRule[] = [
  ...Object.entries(DOCTYPE_READERS).flatMap(([doctype, readers]) => readRules(doctype, readers)),

  // ERPNext writes
  { upstream: 'erp', method: 'PUT', path: '/api/resource/Dispatch Job/:name', requires: ['dispatch.assign'] },
  { upstream: 'erp', method: 'POST', path: '/api/method/gigafibre.ops.set_job_status', requires: ['dispatch.assign', 'scan.use'] },
  { upstream: 'erp', method: 'POST', path: '/api/resource/Comment', requires: ['clients.edit'] },
  { upstream: 'erp', method: 'POST', path: '/api/resource/Issue', requires: ['clients.edit'] },
  { upstream: 'erp', method: 'PUT', path: '/api/resource/Issue/:name', requires: ['clients.edit'] },
  { upstream: 'erp', method: 'POST', path: '/api/resource/Service Equipment', requires: ['scan.use'] },
  { upstream: 'erp', method: 'PUT', path: '/api/resource/Service Equipment/:name', requires: ['scan.use'] },

  // targo-hub
  { upstream: 'hub', method: 'GET', path: '/events', requires: 'identity' },
  { upstream: 'hub', method: 'GET', path: '/devices/lookup', requires: ['diagnostics.view'] },
  { upstream: 'hub', method: 'POST', path: '/devices/:id/tasks', requires: ['diagnostics.act'] },
  { upstream: 'hub', method: 'GET', path: '/traccar/devices', requires: ['dispatch.view'] },
  { upstream: 'hub', method: 'GET', path: '/traccar/positions', requires: ['dispatch.view'] },
  { upstream: 'hub', method: 'POST', path: '/vision/barcodes', requires: ['scan.use'] },
  { upstream: 'hub', method: 'POST', path: '/vision/equipment', requires: ['scan.use'] },
  { upstream: 'hub', method: 'POST', path: '/vision/invoice', requires: ['scan.use'] },
  { upstream: 'hub', method: 'GET', path: '/auth/users', requires: ['users.manage'] },
  { upstream: 'hub', method: 'POST', path: '/auth/users', requires: ['users.manage'] },
  { upstream: 'hub', method: 'PATCH', path: '/auth/users/:pk', requires: ['users.manage'] },
];
