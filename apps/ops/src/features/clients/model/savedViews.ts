// Saved list views, per user, on this device (localStorage).
//
// Why not on the server (Frappe's "List Filter" doctype)? The BFF reaches ERPNext with one service
// token, so ERPNext's own per-user permissions do not apply, and the route policy has no notion of
// "your own documents": any clients.view user could then read, change or delete everyone's views.
// Doing it right needs an owner check in the BFF (or a whitelisted method), which is more than a
// thin proxy should hold. The cost is that views do not follow the user to another computer.
import { readPreference, writePreference } from '@/shared/storage/preferences';
import { filtersFromQuery, filtersToQuery, type ClientListFilters } from './clientListFilters';

export interface SavedView {
  id: string;
  name: string;
  filters: ClientListFilters;
}

export const MAX_VIEW_NAME = 60;
export const MAX_SAVED_VIEWS = 20;
const keyFor = (user: string) => `ops.clients.views.v1.${user.toLowerCase()}`;

interface StoredView {
  id: string;
  name: string;
  query: Record<string, string>;
}

function isStored(v: unknown): v is StoredView {
  const s = v as Partial<StoredView> | null;
  return typeof s === 'object' && s !== null && typeof s.id === 'string' && typeof s.name === 'string' && typeof s.query === 'object' && s.query !== null;
}

/** The user's saved views, in the order they were saved. */
export function readSavedViews(user: string): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(readPreference(keyFor(user)) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(isStored).map((s) => ({ id: s.id, name: s.name, filters: filtersFromQuery(s.query) }));
  } catch {
    return [];
  }
}

function write(user: string, views: SavedView[]): SavedView[] {
  const stored: StoredView[] = views.map((v) => ({ id: v.id, name: v.name, query: filtersToQuery(v.filters) }));
  writePreference(keyFor(user), JSON.stringify(stored));
  return views;
}

/**
 * Saves `filters` under `name` (trimmed, at most MAX_VIEW_NAME characters); a view of the same
 * name (any case) is replaced. Throws a RangeError for an empty name or too many views.
 */
export function saveView(user: string, name: string, filters: ClientListFilters, id: string = crypto.randomUUID()): SavedView[] {
  const clean = name.trim().slice(0, MAX_VIEW_NAME);
  if (clean === '') throw new RangeError('empty-name');
  const views = readSavedViews(user);
  const same = views.findIndex((v) => v.name.toLocaleLowerCase('fr-CA') === clean.toLocaleLowerCase('fr-CA'));
  if (same >= 0) {
    views[same] = { id: (views[same] as SavedView).id, name: clean, filters };
    return write(user, views);
  }
  if (views.length >= MAX_SAVED_VIEWS) throw new RangeError('too-many');
  return write(user, [...views, { id, name: clean, filters }]);
}

export function deleteView(user: string, id: string): SavedView[] {
  return write(
    user,
    readSavedViews(user).filter((v) => v.id !== id),
  );
}
