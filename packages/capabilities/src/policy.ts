import type { DoctypeAccess } from './access';
import { DOCTYPE_ACCESS, METHOD_ACCESS, UPLOAD_ACCESS } from './accessTable';
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

/** The capabilities with any read grant on each ERPNext doctype (derived from DOCTYPE_ACCESS). */
export const DOCTYPE_READERS: Readonly<Record<string, readonly Capability[]>> = Object.fromEntries(
  Object.entries(DOCTYPE_ACCESS).map(([doctype, access]) => [doctype, distinct(access.read.map((g) => g.by))]),
);

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function readRules(doctype: string, readers: readonly Capability[]): PolicyRule[] {
  const base = `/api/resource/${doctype}`;
  return [
    { upstream: 'erp', method: 'GET', path: base, requires: readers },
    { upstream: 'erp', method: 'GET', path: `${base}/:name`, requires: readers },
    { upstream: 'erp', method: 'GET', path: '/api/method/frappe.client.get_count', query: { doctype }, requires: readers },
    { upstream: 'erp', method: 'GET', path: '/api/method/frappe.client.get_list', query: { doctype }, requires: readers },
  ];
}

function writeRules(doctype: string, access: DoctypeAccess): PolicyRule[] {
  return (['POST', 'PUT'] as const).flatMap((method): PolicyRule[] => {
    const writers = distinct((access.write ?? []).filter((g) => g.method === method).map((g) => g.by));
    if (writers.length === 0) return [];
    const path = method === 'POST' ? `/api/resource/${doctype}` : `/api/resource/${doctype}/:name`;
    return [{ upstream: 'erp', method, path, requires: writers }];
  });
}

/**
 * The route policy, shared by the BFF (enforcement) and the SPA (to hide what a user cannot do).
 * Anything not listed here is denied. ERPNext routes come from the access table (accessTable.ts):
 * a doctype's reads and writes, and the whitelisted methods.
 */
export const ROUTE_POLICY: readonly PolicyRule[] = [
  ...Object.entries(DOCTYPE_READERS).flatMap(([doctype, readers]) => readRules(doctype, readers)),
  ...Object.entries(DOCTYPE_ACCESS).flatMap(([doctype, access]) => writeRules(doctype, access)),
  ...Object.entries(METHOD_ACCESS).map(
    ([method, access]): PolicyRule => ({ upstream: 'erp', method: access.http, path: `/api/method/${method}`, requires: distinct(access.grants.map((g) => g.by)) }),
  ),

  // Frappe's upload API and its private files (frappe/utils/response.py download_private_file).
  {
    upstream: 'erp',
    method: 'POST',
    path: '/api/method/upload_file',
    requires: distinct(Object.values(UPLOAD_ACCESS).flatMap((u) => u.grants.map((g) => g.by))),
  },
  { upstream: 'erp', method: 'GET', path: '/private/files/:name', requires: DOCTYPE_READERS.File ?? [] },

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
  // Outage incidents (hub-incidents.ts). Uptime-Kuma's webhook is posted to the hub directly: no row.
  // The list says what is down, since when and how many it touches (no client): the banner every
  // signed-in user sees. Who is touched, and each incident's page, need incidents.view.
  { upstream: 'hub', method: 'GET', path: '/incidents', requires: 'identity' },
  { upstream: 'hub', method: 'GET', path: '/incidents/affected-index', requires: ['incidents.view'] },
  { upstream: 'hub', method: 'GET', path: '/incidents/:id', requires: ['incidents.view'] },
  { upstream: 'hub', method: 'GET', path: '/incidents/:id/affected', requires: ['incidents.view'] },
  // Customer SMS (hub-messages.ts): a thread is part of the client's file; sending is its own
  // capability. The BFF also insists on one customer and a capped page (policy/hubMessages.ts).
  // Twilio's inbound webhook (/twilio/sms) has no row: never reachable through the BFF.
  { upstream: 'hub', method: 'GET', path: '/messages', requires: ['clients.view'] },
  { upstream: 'hub', method: 'GET', path: '/messages/opt-out', requires: ['clients.view'] },
  { upstream: 'hub', method: 'POST', path: '/messages', requires: ['messages.send'] },
];
