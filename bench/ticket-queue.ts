// `pnpm bench ticket-queue`: the CSR's ticket queue at 100,000 Issues, end to end through the built
// BFF (JWT verified, access table applied, proxied to the standin's ERPNext), with the requests the
// SPA sends (its own filters: apps/ops/src/features/tickets/model/ticketQueueFilters.ts):
//   - the queue's first page (50 tickets by SLA due time, then their clients' names), and the same
//     page under each quick filter (mine, unassigned, open, due within the hour, a type, a
//     priority, a search) — target p95 ≤ 100 ms each;
//   - the counts of the quick filters (five get_count in parallel) — reported;
//   - opening a ticket with its history: the ticket, its Communications, Comments and Versions, its
//     client, places and equipment, its visits, in parallel as the page does — target p95 ≤ 150 ms.
//
//   BENCH_TICKETS (default 100000), BENCH_SCALE customers (default 20000), BENCH_ROUNDS (default 60
//   per measure), BENCH_DB (keep the seeded file between runs), BENCH_PORT_BASE (default 8840: ERP +1,
//   hub +2, BFF +3). BENCH_SMOKE=1: 2,000 tickets, 500 customers, 5 rounds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRIORITIES } from '../packages/contracts/src';
import {
  countFilters,
  COUNTED_FILTERS,
  DEFAULT_TICKET_FILTERS,
  ISSUE_TYPES,
  QUEUE_FIELDS,
  ticketFilters,
  ticketOrderBy,
  ticketSearchFilters,
  type TicketQueueFilters,
} from '../apps/ops/src/features/tickets/model/ticketQueueFilters';
import { AGENTS } from '../apps/standin/src/seed/issues';
import { BENCH, buildBff, issuerFor, signEdgeJwt, startBff, startStandin, stopAll, waitFor } from './lib/benchProcesses';
import { percentile, report, reportError, round, size } from './lib/report';

const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 8840);
const PORTS = { erp: PORT_BASE + 1, hub: PORT_BASE + 2, bff: PORT_BASE + 3 } as const;
const TICKETS = Number(process.env.BENCH_TICKETS ?? size(100_000, 2_000));
const SCALE = Number(process.env.BENCH_SCALE ?? size(20_000, 500));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? size(60, 5));
const PAGE = 50;
const TARGET_QUEUE_P95_MS = 100;
const TARGET_OPEN_P95_MS = 150;

const dir = mkdtempSync(join(tmpdir(), 'ticket-queue-'));
const dbFile = process.env.BENCH_DB ?? join(dir, 'standin.db');
const erpAuth = { authorization: `token ${BENCH.erpToken}` };
/** The CSR the bench signs in as: a seeded agent, so « mine » has tickets. */
const CSR = AGENTS[0];

try {
  const bundle = await buildBff();
  const seedStart = performance.now();
  startStandin({ erp: PORTS.erp, hub: PORTS.hub }, { STANDIN_DB: dbFile, STANDIN_SCALE: String(SCALE), STANDIN_TICKETS: String(TICKETS) });
  // The per-user list-row budget is set out of reach: one user here stands for a whole team's queue.
  startBff(bundle, PORTS.bff, PORTS, issuerFor(), { LOG_LEVEL: 'warn', OPS_RATE_LIMIT_LIST_ROWS: '999999/1s' });
  await waitFor(`http://127.0.0.1:${PORTS.erp}/api/method/ping`, erpAuth, 600_000);
  const readySeconds = (performance.now() - seedStart) / 1000;
  await waitFor(`http://127.0.0.1:${PORTS.bff}/ops/readyz`);
  console.log(`standin prêt : ${TICKETS} billets, ${SCALE} clients en ${round(readySeconds, 1)} s`);

  const jwt = signEdgeJwt({ sub: 'bench-csr', email: CSR.email, name: CSR.name, preferred_username: 'csr', groups: ['ops-support'] }, issuerFor());
  const headers = { 'x-authentik-jwt': jwt, 'x-authentik-email': CSR.email, accept: 'application/json' };
  let errors = 0;

  async function get<T>(path: string, query: Record<string, unknown>): Promise<T> {
    const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    const res = await fetch(`http://127.0.0.1:${PORTS.bff}/ops/api/erp/${path}?${q}`, { headers });
    const body = (await res.json()) as { data?: T; message?: T };
    if (!res.ok) {
      errors++;
      console.error(`${res.status} ${path} ${JSON.stringify(body).slice(0, 300)}`);
    }
    return (res.ok ? (body.data ?? body.message) : undefined) as T;
  }
  const list = <T>(doctype: string, query: Record<string, unknown>) => get<T[]>(`resource/${encodeURIComponent(doctype)}`, query);

  /** The queue's page as fetchQueuePage sends it: the tickets, then their clients' names. */
  async function queuePage(filters: TicketQueueFilters): Promise<number> {
    const t0 = performance.now();
    const search = ticketSearchFilters(filters.search);
    const rows = (await list<{ customer: string | null }>('Issue', {
      fields: QUEUE_FIELDS,
      filters: ticketFilters(filters, CSR.email, Date.now()),
      ...(search.length > 0 ? { or_filters: search } : {}),
      order_by: `${ticketOrderBy(filters.sort)}, name asc`,
      limit_page_length: PAGE,
    })) ?? [];
    const ids = [...new Set(rows.map((r) => r.customer).filter(Boolean))];
    if (ids.length > 0) await list('Customer', { fields: ['name', 'customer_name'], filters: [['name', 'in', ids]], limit_page_length: ids.length });
    return performance.now() - t0;
  }

  async function counts(): Promise<number> {
    const t0 = performance.now();
    const all = countFilters(CSR.email, Date.now());
    await Promise.all(COUNTED_FILTERS.map((key) => get('method/frappe.client.get_count', { doctype: 'Issue', filters: all[key] })));
    return performance.now() - t0;
  }

  /** Opening a ticket: every read TicketPage starts, in parallel (then the job technicians' names). */
  async function openTicket(name: string, customer: string): Promise<number> {
    const t0 = performance.now();
    const ref = [['reference_doctype', '=', 'Issue'], ['reference_name', '=', name]];
    await Promise.all([
      get(`resource/Issue/${encodeURIComponent(name)}`, {}),
      list('Communication', { fields: ['name', 'creation', 'owner', 'sender', 'sender_full_name', 'sent_or_received', 'subject', 'content', 'communication_medium'], filters: ref, order_by: 'creation desc', limit_page_length: 200 }),
      list('Comment', { fields: ['name', 'creation', 'owner', 'comment_type', 'comment_email', 'comment_by', 'content'], filters: ref, order_by: 'creation desc', limit_page_length: 200 }),
      list('Version', { fields: ['name', 'creation', 'owner', 'data'], filters: [['ref_doctype', '=', 'Issue'], ['docname', '=', name]], order_by: 'creation desc', limit_page_length: 200 }),
      get(`resource/Customer/${encodeURIComponent(customer)}`, {}),
      list('Service Location', { fields: ['name', 'address_line', 'city', 'postal_code'], filters: [['customer', '=', customer]], order_by: 'name asc', limit_page_length: 100 }),
      list('Service Equipment', { fields: ['name', 'service_location', 'equipment_type', 'model', 'serial_no', 'status'], filters: [['customer', '=', customer]], order_by: 'name asc', limit_page_length: 100 }),
      list('Dispatch Job', { fields: ['name', 'status', 'job_type', 'scheduled_date', 'start_time', 'requested_date', 'technician', 'service_location', 'modified'], filters: [['issue', '=', name]], order_by: 'creation desc', limit_page_length: 20 }),
    ]);
    return performance.now() - t0;
  }

  const quick: Record<string, TicketQueueFilters> = {
    first_page: DEFAULT_TICKET_FILTERS,
    mine: { ...DEFAULT_TICKET_FILTERS, scope: 'mine' },
    unassigned: { ...DEFAULT_TICKET_FILTERS, scope: 'unassigned' },
    open: { ...DEFAULT_TICKET_FILTERS, open: true },
    due: { ...DEFAULT_TICKET_FILTERS, due: true },
    type: { ...DEFAULT_TICKET_FILTERS, type: ISSUE_TYPES[2] },
    priority: { ...DEFAULT_TICKET_FILTERS, priority: PRIORITIES[3] },
    search: { ...DEFAULT_TICKET_FILTERS, search: 'modem' },
  };
  // Tickets to open: recent ones (they carry history), spread over the list.
  const sample = (await list<{ name: string; customer: string }>('Issue', { fields: ['name', 'customer'], filters: [['creation', '>', '2000-01-01']], order_by: 'creation desc', limit_page_length: Math.min(200, TICKETS) })) ?? [];

  for (let i = 0; i < 5; i++) for (const f of Object.values(quick)) await queuePage(f); // warm up
  errors = 0;
  const times: Record<string, number[]> = {};
  for (let r = 0; r < ROUNDS; r++) {
    for (const [key, f] of Object.entries(quick)) (times[key] ??= []).push(await queuePage(f));
    (times.counts ??= []).push(await counts());
    const t = sample[r % Math.max(1, sample.length)];
    if (t) (times.open_ticket ??= []).push(await openTicket(t.name, t.customer));
  }
  await stopAll();

  const p95 = Object.fromEntries(Object.entries(times).map(([k, v]) => [`${k}_p95_ms`, round(percentile(v, 95))]));
  const queueWorst = Math.max(...Object.keys(quick).map((k) => percentile(times[k] ?? [], 95)));
  const openP95 = percentile(times.open_ticket ?? [], 95);
  report(
    'ticket-queue',
    { tickets: TICKETS, customers: SCALE, rounds: ROUNDS, ready_s: round(readySeconds, 1), ...p95, queue_worst_p95_ms: round(queueWorst), open_ticket_p50_ms: round(percentile(times.open_ticket ?? [], 50)), errors },
    queueWorst <= TARGET_QUEUE_P95_MS && openP95 <= TARGET_OPEN_P95_MS && errors === 0,
  );
} catch (err) {
  reportError('ticket-queue', err);
  await stopAll();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
