// Hostile identities and routes: duplicated or conflicting identity headers, forged and oversized
// JWTs, every method on every route of the policy, and Frappe query injection through the ERP
// proxy (the one family the policy lets through: the ERP itself must refuse it).
import { ROUTE_POLICY, satisfies, capabilitiesFor, type PolicyRule } from '@gigafibre/capabilities';
import { FORGED_TOKENS, signedToken } from './forgedTokens';
import { ADMIN_ONLY, CSRF, get, jwt, type Header, type HostileCase } from './hostileCase';

function identityConflicts(): HostileCase[] {
  const admin = jwt('admin')[1];
  const nobody = jwt('nobody')[1];
  const c = (name: string, headers: Header[], status: number[]): HostileCase => ({
    category: 'duplicated and conflicting identity',
    name,
    request: { method: 'GET', target: ADMIN_ONLY, headers },
    status,
  });
  return [
    c('two JWTs (admin and nobody)', [['X-Authentik-Jwt', admin], ['X-Authentik-Jwt', nobody]], [401]),
    c('the admin JWT twice', [['X-Authentik-Jwt', admin], ['X-Authentik-Jwt', admin]], [401]),
    c('JWT header names in two cases', [['x-authentik-jwt', nobody], ['X-AUTHENTIK-JWT', admin]], [401]),
    c('nobody’s JWT + X-Authentik-Groups: ops-admin', [['X-Authentik-Jwt', nobody], ['X-Authentik-Groups', 'ops-admin']], [403]),
    c('nobody’s JWT + the admin’s e-mail header', [['X-Authentik-Jwt', nobody], ['X-Authentik-Email', 'admin@gigafibre.ca'], ['X-Authentik-Username', 'admin']], [403]),
    c('nobody’s JWT + X-Ops-User: admin', [['X-Authentik-Jwt', nobody], ['X-Ops-User', 'admin@gigafibre.ca']], [403]),
    c('identity headers without a JWT, from an untrusted peer', [['X-Authentik-Email', 'admin@gigafibre.ca'], ['X-Authentik-Groups', 'ops-admin']], [401]),
    c('identity headers + X-Forwarded-For of the edge', [['X-Authentik-Email', 'admin@gigafibre.ca'], ['X-Authentik-Groups', 'ops-admin'], ['X-Forwarded-For', '127.0.0.1'], ['X-Real-Ip', '127.0.0.1']], [401]),
    c('the e-mail header twice', [['X-Authentik-Email', 'admin@gigafibre.ca'], ['X-Authentik-Email', 'nobody@gigafibre.ca']], [401]),
    c('username only', [['X-Authentik-Username', 'admin']], [401]),
    c('empty JWT', [['X-Authentik-Jwt', '']], [401]),
    c('JWT with a Bearer prefix', [['X-Authentik-Jwt', `Bearer ${admin}`]], [401]),
    c('JWT in Authorization instead', [['Authorization', `Bearer ${admin}`]], [401]),
    c('JWT in a cookie instead', [['Cookie', `authentik_proxy_standin=${admin}`]], [401]),
    c('valid JWT + a second, forged one', [['X-Authentik-Jwt', nobody], ['X-Authentik-Jwt', FORGED_TOKENS[0]?.[1] ?? '']], [401]),
    c('X-Authentik-Uid of the admin without JWT', [['X-Authentik-Uid', 'uid-admin']], [401]),
    c('genuine JWT whose e-mail carries a line break', [['X-Authentik-Jwt', signedToken({ email: 'a@gigafibre.ca\r\nX-Ops-User: admin', groups: ['ops-admin'] })]], [401]),
    c('genuine JWT whose username is beyond latin1 (no header can carry it)', [['X-Authentik-Jwt', signedToken({ preferred_username: 'michał', groups: ['ops-admin'] })]], [401]),
  ];
}

function forgedJwts(): HostileCase[] {
  return [
    ...FORGED_TOKENS.map(([name, token]): HostileCase => ({
      category: 'forged and oversized JWTs',
      name,
      request: { method: 'GET', target: ADMIN_ONLY, headers: [['X-Authentik-Jwt', token]] },
      status: [401],
    })),
    { category: 'forged and oversized JWTs', name: '8,193 characters', request: { method: 'GET', target: '/ops/api/me', headers: [['X-Authentik-Jwt', `ey${'a'.repeat(8191)}`]] }, status: [401] },
    { category: 'forged and oversized JWTs', name: '12 kB', request: { method: 'GET', target: '/ops/api/me', headers: [['X-Authentik-Jwt', `${'a'.repeat(6000)}.${'b'.repeat(6000)}.c`]] }, status: [401] },
    { category: 'forged and oversized JWTs', name: '17 kB (past the header limit)', request: { method: 'GET', target: '/ops/api/me', headers: [['X-Authentik-Jwt', 'a'.repeat(17_000)]] }, status: [431] },
  ];
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND'] as const;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The BFF path of a rule, its `:params` filled in. */
function bffPath(rule: PolicyRule): string {
  const path = rule.path
    .split('/')
    .map((s) => (s.startsWith(':') ? 'X-1' : encodeURIComponent(s)))
    .join('/');
  const query = rule.query ? `?${new URLSearchParams(rule.query).toString()}` : '';
  return rule.upstream === 'erp' ? `/ops/api/erp${path.replace(/^\/api/, '')}${query}` : `/ops/api/hub${path}${query}`;
}

/**
 * Every method on every route: a method no rule allows on that path, even for an admin → 403; a
 * method a rule allows, by a user without its capability → 403. Nothing reaches an upstream.
 */
function everyMethodOnEveryRoute(): HostileCase[] {
  const byPath = new Map<string, PolicyRule[]>();
  for (const rule of ROUTE_POLICY) byPath.set(bffPath(rule), [...(byPath.get(bffPath(rule)) ?? []), rule]);
  const none = new Set(capabilitiesFor([]));
  const cases: HostileCase[] = [];
  for (const [target, rules] of byPath) {
    for (const method of METHODS) {
      const rule = rules.find((r) => r.method === method || (method === 'HEAD' && r.method === 'GET'));
      const headers: Header[] = MUTATING.has(method) ? [CSRF] : [];
      if (!rule) {
        cases.push({ category: 'every method on every route', name: `${method} ${target} as admin (no rule)`, request: { method, target, headers: [jwt('admin'), ...headers] }, status: [403] });
      } else if (!satisfies(rule.requires, none)) {
        cases.push({ category: 'every method on every route', name: `${method} ${target} without the capability`, request: { method, target, headers: [jwt('nobody'), ...headers] }, status: [403] });
      }
    }
  }
  return cases;
}

/**
 * Query injection a user with clients.view may send: the access step refuses most of it (400: only
 * plain column names, known operators, bounded pages); what it lets through the ERP refuses (417/404).
 */
function frappeInjection(): HostileCase[] {
  const list = (params: Record<string, string>) => `/ops/api/erp/resource/Customer?${new URLSearchParams(params).toString()}`;
  const method = (name: string, params: Record<string, string>) => `/ops/api/erp/method/${name}?${new URLSearchParams(params).toString()}`;
  const allowed: [string, string][] = [
    ['fields: a subquery', list({ fields: '["name","(select name from tabUser)"]' })],
    ['fields: stacked statement', list({ fields: '["name","customer_name; drop table tabCustomer"]' })],
    ['fields: sleep()', list({ fields: '["*","sleep(5)"]' })],
    ['fields: another table’s password', list({ fields: '["`tabUser`.`password`"]' })],
    ['fields: alias hiding a FROM', list({ fields: '["name as x from tabUser --"]' })],
    ['fields: count(*) from another table', list({ fields: '["count(*) from tabUser --"]' })],
    ['fields: an object', list({ fields: '[{"a":1}]' })],
    ['filters: SQL in the field name', list({ filters: '[["1=1) or (1","=","1"]]' })],
    ['filters: SQL in the operator', list({ filters: '[["name","= (select 1) --","x"]]' })],
    ['filters: exists operator', list({ filters: '{"name":["exists","(select 1)"]}' })],
    ['filters: on another doctype', list({ filters: '[["User","name","=","Administrator"]]' })],
    ['or_filters: regexp operator', list({ or_filters: '[["name","regexp",".*"]]' })],
    ['order_by: stacked statement', list({ order_by: 'name; drop table tabCustomer' })],
    ['order_by: subquery', list({ order_by: '(select 1)' })],
    ['order_by: sleep()', list({ order_by: 'name desc, sleep(1)' })],
    ['group_by: having clause', list({ group_by: 'name having 1=1' })],
    ['limit_page_length: union', list({ limit_page_length: '1 union select 1' })],
    ['limit_start: negative', list({ limit_start: '-1' })],
    ['limit_page_length: 20 digits', list({ limit_page_length: '99999999999999999999' })],
    ['filters: not JSON', list({ filters: '%FF' })],
    ['filters: two-element filter', list({ filters: '[["name","like"]]' })],
    ['filters: between with one value', list({ filters: '[["name","between",["a"]]]' })],
    ['filters: timespan forever', list({ filters: '[["name","timespan","forever"]]' })],
    ['get_count: SQL in a filter field', method('frappe.client.get_count', { doctype: 'Customer', filters: '[["(select 1)","=","1"]]' })],
    ['get_list: the password field', method('frappe.client.get_list', { doctype: 'Customer', fields: '["password"]' })],
    ['get_list: backquoted alias', method('frappe.client.get_list', { doctype: 'Customer', fields: '["name","modified_by as `x`"]' })],
    ['document name with quote injection', `/ops/api/erp/resource/Customer/${encodeURIComponent("x' OR '1'='1")}`],
  ];
  const refused: [string, string][] = [
    ['get_count on Customer then User (duplicated doctype)', method('frappe.client.get_count', { doctype: 'Customer' }).concat('&doctype=User')],
    ['get_list on User', method('frappe.client.get_list', { doctype: 'User', fields: '["*"]' })],
    ['User list with every field', '/ops/api/erp/resource/User?fields=%5B%22*%22%5D'],
    ['frappe.client.get on User', method('frappe.client.get', { doctype: 'User', name: 'Administrator' })],
    ['frappe.client.set_value', method('frappe.client.set_value', { doctype: 'Customer', name: 'CUST-00001', fieldname: 'disabled', value: '1' })],
    ['run_doc_method', method('run_doc_method', { dt: 'Customer', dn: 'CUST-00001', method: 'delete' })],
    ['frappe.desk.reportview.get', method('frappe.desk.reportview.get', { doctype: 'User' })],
  ];
  return [
    ...allowed.map(([name, target]): HostileCase => ({ category: 'Frappe filter and fields injection', name, request: get(target, 'support'), status: [400, 404, 417], reachesUpstream: true })),
    ...refused.map(([name, target]): HostileCase => ({ category: 'Frappe filter and fields injection', name, request: get(target, 'support'), status: [403] })),
  ];
}

export function identityCases(): HostileCase[] {
  return [...identityConflicts(), ...forgedJwts(), ...everyMethodOnEveryRoute(), ...frappeInjection()];
}
