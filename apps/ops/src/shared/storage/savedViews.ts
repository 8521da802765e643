// Saved list views, per user, on this device (localStorage): a list's filters under a name.
//
// Why not on the server (Frappe's "List Filter" doctype)? The BFF reaches ERPNext with one service
// token, so ERPNext's own per-user permissions do not apply, and the route policy has no notion of
// "your own documents": any user could then read, change or delete everyone's views. Doing it right
// needs an owner check in the BFF (or a whitelisted method), which is more than a thin proxy should
// hold. The cost is that views do not follow the user to another computer.
import { readPreference, writePreference } from './preferences';

export interface SavedView<F> {
  id: string;
  name: string;
  filters: F;
}

export const MAX_VIEW_NAME = 60;
export const MAX_SAVED_VIEWS = 20;

interface StoredView {
  id: string;
  name: string;
  query: Record<string, string>;
}

function isStored(v: unknown): v is StoredView {
  const s = v as Partial<StoredView> | null;
  return typeof s === 'object' && s !== null && typeof s.id === 'string' && typeof s.name === 'string' && typeof s.query === 'object' && s.query !== null;
}

/** How a list's filters go to and from the URL query a view is stored as. */
export interface ViewCodec<F> {
  toQuery(filters: F): Record<string, string>;
  fromQuery(query: Record<string, string>): F;
}

/** The saved views of one list (`list` names its storage key, e.g. `clients`). */
export function savedViewsOf<F>(list: string, codec: ViewCodec<F>) {
  const keyFor = (user: string) => `ops.${list}.views.v1.${user.toLowerCase()}`;

  function read(user: string): SavedView<F>[] {
    try {
      const parsed: unknown = JSON.parse(readPreference(keyFor(user)) ?? '[]');
      if (!Array.isArray(parsed)) return [];
      return parsed.filter(isStored).map((s) => ({ id: s.id, name: s.name, filters: codec.fromQuery(s.query) }));
    } catch {
      return [];
    }
  }

  function write(user: string, views: SavedView<F>[]): SavedView<F>[] {
    const stored: StoredView[] = views.map((v) => ({ id: v.id, name: v.name, query: codec.toQuery(v.filters) }));
    writePreference(keyFor(user), JSON.stringify(stored));
    return views;
  }

  /**
   * Saves `filters` under `name` (trimmed, at most MAX_VIEW_NAME characters); a view of the same
   * name (any case) is replaced. Throws a RangeError for an empty name or too many views.
   */
  function save(user: string, name: string, filters: F, id: string = crypto.randomUUID()): SavedView<F>[] {
    const clean = name.trim().slice(0, MAX_VIEW_NAME);
    if (clean === '') throw new RangeError('empty-name');
    const views = read(user);
    const same = views.findIndex((v) => v.name.toLocaleLowerCase('fr-CA') === clean.toLocaleLowerCase('fr-CA'));
    if (same >= 0) {
      views[same] = { id: (views[same] as SavedView<F>).id, name: clean, filters };
      return write(user, views);
    }
    if (views.length >= MAX_SAVED_VIEWS) throw new RangeError('too-many');
    return write(user, [...views, { id, name: clean, filters }]);
  }

  function remove(user: string, id: string): SavedView<F>[] {
    return write(
      user,
      read(user).filter((v) => v.id !== id),
    );
  }

  return { read, save, remove };
}
