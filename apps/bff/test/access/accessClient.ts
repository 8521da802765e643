// The users the access suites play, and byte-exact requests as each of them (no client library
// normalising an encoded path or query behind the test's back).
import { FIXTURE_TECHNICIANS } from '../../../standin/src/seed/fixtures';
import { sendRaw, type RawAnswer } from '../hostile/rawClient';
import { signToken } from '../testEnv';

/** The roles the suites attack with: the demo groups, a second technician, and edge cases. */
export const ROLES = {
  admin: { email: 'admin@gigafibre.ca', groups: ['ops-admin'] },
  dispatch: { email: 'dispatch@gigafibre.ca', groups: ['ops-dispatch'] },
  support: { email: 'support@gigafibre.ca', groups: ['ops-support'] },
  tech: { email: FIXTURE_TECHNICIANS.demo.user, groups: ['ops-tech'] },
  tech2: { email: FIXTURE_TECHNICIANS.second.user, groups: ['ops-tech'] },
  /** In ops-tech but no Technician has this e-mail. */
  ghost: { email: 'stagiaire@gigafibre.ca', groups: ['ops-tech'] },
  /** The demo technician's e-mail in other letter case (Authentik keeps what the user typed). */
  techUpper: { email: 'Tech@GigaFibre.ca', groups: ['ops-tech'] },
  nobody: { email: 'nobody@gigafibre.ca', groups: [] },
  /** Reads tickets and books visits, nothing else (a group only the tickets suite's group map defines). */
  booker: { email: 'booker@gigafibre.ca', groups: ['ops-booking'] },
} as const;

export type Role = keyof typeof ROLES;

const tokens = new Map<Role, string>();

/** Signs every role's token once (before the cases run). */
export async function signRoles(): Promise<void> {
  for (const [role, user] of Object.entries(ROLES) as [Role, (typeof ROLES)[Role]][]) {
    tokens.set(role, await signToken({ email: user.email, name: role, preferred_username: role, groups: [...user.groups] }, { expiresIn: '1h' }));
  }
}

/** A request through the BFF as `role`; `target` is sent exactly as written. */
export function as(port: number, role: Role) {
  const auth = ['X-Authentik-Jwt', tokens.get(role) as string] as const;
  const write = (method: string, target: string, body: unknown) =>
    sendRaw(port, {
      method,
      target,
      headers: [auth, ['X-Requested-With', 'gigafibre-ops'], ['Content-Type', 'application/json']],
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    get: (target: string): Promise<RawAnswer> => sendRaw(port, { method: 'GET', target, headers: [auth] }),
    head: (target: string): Promise<RawAnswer> => sendRaw(port, { method: 'HEAD', target, headers: [auth] }),
    put: (target: string, body: unknown) => write('PUT', target, body),
    post: (target: string, body: unknown) => write('POST', target, body),
  };
}

/** `/ops/api/erp/resource/<doctype>[/<name>]?<params>` with every parameter JSON-encoded as the SPA sends it. */
export function resource(doctype: string, params: Record<string, unknown> = {}, name?: string): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) query.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  const qs = query.toString();
  return `/ops/api/erp/resource/${encodeURIComponent(doctype)}${name === undefined ? '' : `/${encodeURIComponent(name)}`}${qs ? `?${qs}` : ''}`;
}

/** `/ops/api/erp/method/<method>?<params>`. */
export function method(path: string, params: Record<string, unknown> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) query.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  return `/ops/api/erp/method/${path}${query.size > 0 ? `?${query.toString()}` : ''}`;
}

/** The rows of a list answer (`data` or `message`). */
export function rowsOf(answer: RawAnswer): Record<string, unknown>[] {
  const body = answer.json as { data?: unknown; message?: unknown } | undefined;
  const rows = body?.data ?? body?.message;
  if (!Array.isArray(rows)) throw new Error(`not a list answer: ${answer.status} ${answer.body.slice(0, 200)}`);
  return rows as Record<string, unknown>[];
}
