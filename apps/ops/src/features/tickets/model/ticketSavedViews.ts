// The queue's saved views, per user, on this device (shared/storage/savedViews.ts says why).
import { savedViewsOf } from '@/shared/storage/savedViews';
import { ticketFiltersFromQuery, ticketFiltersToQuery } from './ticketQueueFilters';

export const ticketViews = savedViewsOf('tickets', { toQuery: ticketFiltersToQuery, fromQuery: ticketFiltersFromQuery });
