// The clients a user opened last, per user on this device (localStorage), so the search box
// offers them while empty. Versioned and validated on read: a bad record is dropped, never a crash.
import { readPreference, writePreference } from '@/shared/storage/preferences';

export interface RecentClient {
  id: string;
  name: string;
  /** When it was opened (ms since epoch). */
  at: number;
}

export const MAX_RECENT_CLIENTS = 8;
const keyFor = (user: string) => `ops.clients.recent.v1.${user.toLowerCase()}`;

function isRecent(value: unknown): value is RecentClient {
  const r = value as Partial<RecentClient> | null;
  return typeof r === 'object' && r !== null && typeof r.id === 'string' && typeof r.name === 'string' && typeof r.at === 'number';
}

/** The user's recent clients, newest first. */
export function readRecentClients(user: string): RecentClient[] {
  const raw = readPreference(keyFor(user));
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isRecent).slice(0, MAX_RECENT_CLIENTS) : [];
  } catch {
    return [];
  }
}

/** Puts `client` first (once), keeps the newest few; returns the new list. */
export function rememberRecentClient(user: string, client: { id: string; name: string }, now = Date.now()): RecentClient[] {
  const next = [{ id: client.id, name: client.name, at: now }, ...readRecentClients(user).filter((r) => r.id !== client.id)].slice(0, MAX_RECENT_CLIENTS);
  writePreference(keyFor(user), JSON.stringify(next));
  return next;
}

/** Empties the user's list. */
export function clearRecentClients(user: string): void {
  writePreference(keyFor(user), '[]');
}
