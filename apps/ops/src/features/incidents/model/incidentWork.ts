// What an affected client already has in progress: open tickets and jobs still to do, by client.

/** Ticket statuses still being worked. */
export const OPEN_TICKET_STATUSES = ['Open', 'Replied', 'On Hold'] as const;
/** Job statuses not yet closed. */
export const OPEN_JOB_STATUSES = ['Unscheduled', 'Scheduled', 'En Route', 'In Progress'] as const;

export interface OpenTicket {
  name: string;
  subject: string | null;
  status: string | null;
  customer: string | null;
}

export interface OpenJob {
  name: string;
  job_type: string | null;
  status: string | null;
  customer: string | null;
  scheduled_date: string | null;
}

export interface ClientWork {
  tickets: OpenTicket[];
  jobs: OpenJob[];
}

/** Groups tickets and jobs by client (jobs by day, unscheduled last). */
export function workByCustomer(tickets: readonly OpenTicket[], jobs: readonly OpenJob[]): Map<string, ClientWork> {
  const out = new Map<string, ClientWork>();
  const entry = (customer: string) => {
    let e = out.get(customer);
    if (!e) out.set(customer, (e = { tickets: [], jobs: [] }));
    return e;
  };
  for (const t of tickets) if (t.customer) entry(t.customer).tickets.push(t);
  for (const j of jobs) if (j.customer) entry(j.customer).jobs.push(j);
  for (const e of out.values()) e.jobs.sort((a, b) => (a.scheduled_date ?? '9999').localeCompare(b.scheduled_date ?? '9999') || a.name.localeCompare(b.name));
  return out;
}
