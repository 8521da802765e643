// The client list's saved views, per user, on this device (shared/storage/savedViews.ts says why
// not on the server).
import { MAX_SAVED_VIEWS, MAX_VIEW_NAME, savedViewsOf, type SavedView as StoredSavedView } from '@/shared/storage/savedViews';
import { filtersFromQuery, filtersToQuery, type ClientListFilters } from './clientListFilters';

export { MAX_SAVED_VIEWS, MAX_VIEW_NAME };
export type SavedView = StoredSavedView<ClientListFilters>;

const views = savedViewsOf('clients', { toQuery: filtersToQuery, fromQuery: filtersFromQuery });

/** The user's saved views, in the order they were saved. */
export const readSavedViews = views.read;
/** Saves the filters under a name (a same-named view is replaced); RangeError for an empty name or too many. */
export const saveView = views.save;
export const deleteView = views.remove;
