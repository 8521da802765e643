// Who the signed-in user is, as the BFF computed it (identity verified at the edge, capabilities
// from packages/capabilities).
import { isCapability, type Capability } from '@gigafibre/capabilities';
import { ApiError, request } from '@/shared/http';

export interface SessionUser {
  email: string;
  name: string;
  username: string;
  groups: string[];
  capabilities: Capability[];
}

/** Reads `/ops/api/me`, keeping only what the SPA understands. */
export async function fetchMe(): Promise<SessionUser> {
  const body = await request<Partial<Record<keyof SessionUser, unknown>>>('/me', { timeoutMs: 10_000 });
  if (!body || typeof body.email !== 'string') {
    throw new ApiError({ status: 200, code: 'bad-response', message: 'Réponse de /ops/api/me illisible.' });
  }
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  return {
    email: body.email,
    name: typeof body.name === 'string' && body.name.trim() !== '' ? body.name : body.email,
    username: typeof body.username === 'string' ? body.username : body.email,
    groups: strings(body.groups),
    capabilities: strings(body.capabilities).filter(isCapability),
  };
}

/** The outpost's sign-in, coming back to `returnTo` afterwards. */
export function signInUrl(returnTo: string): string {
  return `/outpost.goauthentik.io/start?rd=${encodeURIComponent(returnTo)}`;
}

/** The outpost's sign-out (ends the edge session). */
export const SIGN_OUT_URL = '/outpost.goauthentik.io/sign_out';
