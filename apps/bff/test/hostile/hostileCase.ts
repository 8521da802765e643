// The shape of a hostile case and the request builders the case lists share.
import { ROLE_TOKENS, type Role } from './forgedTokens';
import type { RawRequest } from './rawClient';

export type Category =
  | 'broken JSON'
  | 'deeply nested JSON'
  | 'huge headers and bodies'
  | 'wrong content types'
  | 'invalid UTF-8'
  | 'NUL bytes'
  | 'path traversal'
  | 'header injection (CRLF)'
  | 'duplicated and conflicting identity'
  | 'forged and oversized JWTs'
  | 'every method on every route'
  | 'Frappe filter and fields injection'
  | 'protocol oddities';

/** One malformed or hostile request and what must come of it. */
export interface HostileCase {
  category: Category;
  name: string;
  request: RawRequest;
  /** Statuses accepted; default: any 4xx. */
  status?: readonly number[];
  /**
   * True when the policy lets the request through on purpose (a user with the right capability
   * sending a hostile query): it may reach the upstream, which must refuse it with a 4xx. Otherwise
   * nothing may reach an upstream.
   */
  reachesUpstream?: boolean;
}

export type Header = readonly [string, string];

export const jwt = (role: Role): Header => ['X-Authentik-Jwt', ROLE_TOKENS[role]];
export const CSRF: Header = ['X-Requested-With', 'gigafibre-ops'];
export const JSON_TYPE: Header = ['Content-Type', 'application/json'];

/** A read as `role`. */
export function get(target: string, role: Role = 'admin', headers: readonly Header[] = []): RawRequest {
  return { method: 'GET', target, headers: [jwt(role), ...headers] };
}

/** A CSRF-valid mutation with a body, as `role` (JSON unless other headers say otherwise). */
export function send(method: string, target: string, body: Buffer | string | undefined, role: Role = 'admin', headers: readonly Header[] = [JSON_TYPE], chunked = false): RawRequest {
  return { method, target, headers: [jwt(role), CSRF, ...headers], ...(body !== undefined && { body }), chunked };
}

/** Real routes the policy allows an admin to change, for body attacks. */
export const ROUTES = {
  updateJob: ['PUT', '/ops/api/erp/resource/Dispatch%20Job/DJ-000001'],
  addNote: ['POST', '/ops/api/erp/resource/Comment'],
  invite: ['POST', '/ops/api/hub/auth/users'],
  deviceTask: ['POST', `/ops/api/hub/devices/${encodeURIComponent('A4E31B-G%2D010G%2DQ-ALCLB2C4D601')}/tasks`],
  jobStatus: ['POST', '/ops/api/erp/method/gigafibre.ops.set_job_status'],
  visionBarcodes: ['POST', '/ops/api/hub/vision/barcodes'],
} as const satisfies Record<string, readonly [string, string]>;

/** A route only users.manage may read: the target of identity attacks. */
export const ADMIN_ONLY = '/ops/api/hub/auth/users';
