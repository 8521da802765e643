// Outage incidents through the BFF (/ops/api/hub/incidents…, incidents.view), and the open tickets
// and jobs of the clients they touch (ERPNext, as the clients and tickets screens read them).
import type { AffectedPage, IncidentDetail, IncidentList, IncidentStatus } from '@gigafibre/contracts';
import { erpList, request } from '@/shared/http';
import { OPEN_JOB_STATUSES, OPEN_TICKET_STATUSES, type OpenJob, type OpenTicket } from '../model/incidentWork';

/** Incidents, newest first. */
export const listIncidents = (status: IncidentStatus | 'all', signal?: AbortSignal): Promise<IncidentList> =>
  request<IncidentList>('/hub/incidents', { query: { status, limit: 100 }, signal });

/** One incident and its timeline. */
export const getIncident = (id: string, signal?: AbortSignal): Promise<IncidentDetail> => request<IncidentDetail>(`/hub/incidents/${encodeURIComponent(id)}`, { signal });

/** A page of affected addresses (by location name). */
export const getAffectedPage = (id: string, cursor: string | null, limit = 50, signal?: AbortSignal): Promise<AffectedPage> =>
  request<AffectedPage>(`/hub/incidents/${encodeURIComponent(id)}/affected`, { query: { limit, ...(cursor ? { cursor } : {}) }, signal });

/** The open tickets and the jobs still to do of these clients (one page of affected clients). */
export async function getOpenWork(customers: readonly string[], signal?: AbortSignal): Promise<{ tickets: OpenTicket[]; jobs: OpenJob[] }> {
  if (customers.length === 0) return { tickets: [], jobs: [] };
  const [tickets, jobs] = await Promise.all([
    erpList('Issue', { fields: ['name', 'subject', 'status', 'customer'], filters: [['customer', 'in', [...customers]], ['status', 'in', [...OPEN_TICKET_STATUSES]]], limit: 500, signal }),
    erpList('Dispatch Job', {
      fields: ['name', 'job_type', 'status', 'customer', 'scheduled_date'],
      filters: [['customer', 'in', [...customers]], ['status', 'in', [...OPEN_JOB_STATUSES]]],
      limit: 500,
      signal,
    }),
  ]);
  return { tickets, jobs };
}
