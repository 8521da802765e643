// Staff accounts through the hub (Authentik + ERPNext): /ops/api/hub/auth/users, users.manage only.
import type { AuthUser, InviteUserRequest, InviteUserResult, UpdateUserRequest } from '@gigafibre/contracts';
import { hubGet, hubPost, request } from '@/shared/http';

/** Every staff user, by name. The page shows failures itself. */
export const listUsers = (signal?: AbortSignal): Promise<AuthUser[]> => hubGet('/auth/users', {}, { signal });

/**
 * Creates the Authentik user, the ERPNext user, and e-mails the temporary password. Resolves for
 * 201 and 207 (read `steps`/`warnings`). The hub hashes a password and writes to ERPNext: give it time.
 */
export const inviteUser = (body: InviteUserRequest): Promise<InviteUserResult> => hubPost('/auth/users', body, { timeoutMs: 30_000 });

/** Changes a user's name, groups or status (mirrored on the ERPNext user by the hub). */
export const updateUser = (pk: number, patch: UpdateUserRequest): Promise<AuthUser> =>
  request<AuthUser>(`/hub/auth/users/${encodeURIComponent(String(pk))}`, { method: 'PATCH', json: patch });

/** The group map the BFF enforces (validated by the caller); part of `/ops/api/config`. */
export const getGroupMap = async (): Promise<unknown> =>
  (await request<{ groups?: unknown }>('/config', { cacheMs: 5 * 60_000, timeoutMs: 8_000 })).groups;
