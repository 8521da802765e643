// The last signed-in identity, kept on the device so the app can start without network (a
// technician in a basement opens it to see their jobs and the scan queue). It only shapes the UI:
// every request still goes through the edge and the BFF, which decide. Forgotten on sign-out and
// when the edge says the session is gone.
import { readPreference, writePreference } from '@/shared/storage/preferences';
import type { SessionUser } from './sessionApi';

const KEY = 'gigafibre-ops.session.last-user';

export function rememberUser(user: SessionUser): void {
  writePreference(KEY, JSON.stringify(user));
}

export function forgetUser(): void {
  try {
    globalThis.localStorage?.removeItem(KEY);
  } catch {
    // storage refused: nothing was kept either
  }
}

export function rememberedUser(): SessionUser | null {
  try {
    const value = JSON.parse(readPreference(KEY) ?? 'null') as Partial<SessionUser> | null;
    if (!value || typeof value.email !== 'string' || !Array.isArray(value.capabilities)) return null;
    return value as SessionUser;
  } catch {
    return null;
  }
}
