// What a technician's scope should be, read straight from the ERP with the service token (not
// through the code under test): their jobs in the window, the customers, locations and equipment
// of those jobs, and documents outside it to attack with.
import { TECHNICIAN_WINDOW } from '@gigafibre/capabilities';
import { TEST_NOW } from '../../../standin/src/testing/harness';
import { addDays, montrealToday } from '@gigafibre/contracts';
import type { AccessStack } from './accessStack';

type Row = Record<string, unknown>;

export interface TechTruth {
  technician: string;
  jobs: Set<string>;
  customers: Set<string>;
  locations: Set<string>;
  equipment: Set<string>;
  /** Job → its row (customer, location, status, date). */
  jobRows: Map<string, Row>;
}

export interface Truth {
  window: { from: string; to: string };
  tech: TechTruth;
  tech2: TechTruth;
  /** Documents neither technician may see. */
  outside: { customer: string; location: string; equipment: string };
  /** A job of the demo technician's outside the window (last week's, before it). */
  oldJob: string | undefined;
}

async function list(stack: AccessStack, doctype: string, fields: string[], filters: unknown[]): Promise<Row[]> {
  const query = new URLSearchParams({ fields: JSON.stringify(fields), filters: JSON.stringify(filters), limit_page_length: '0' });
  const res = await stack.erp(`/api/resource/${encodeURIComponent(doctype)}?${query.toString()}`);
  if (!res.ok) throw new Error(`${doctype}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: Row[] }).data;
}

async function techTruth(stack: AccessStack, technician: string, window: Truth['window']): Promise<TechTruth> {
  const jobs = await list(stack, 'Dispatch Job', ['name', 'customer', 'service_location', 'status', 'scheduled_date'], [
    ['technician', '=', technician],
    ['scheduled_date', 'between', [window.from, window.to]],
  ]);
  const locations = new Set(jobs.map((j) => j.service_location as string));
  const equipment = await list(stack, 'Service Equipment', ['name'], [['service_location', 'in', [...locations]]]);
  return {
    technician,
    jobs: new Set(jobs.map((j) => j.name as string)),
    customers: new Set(jobs.map((j) => j.customer as string)),
    locations,
    equipment: new Set(equipment.map((e) => e.name as string)),
    jobRows: new Map(jobs.map((j) => [j.name as string, j])),
  };
}

export async function loadTruth(stack: AccessStack): Promise<Truth> {
  const today = montrealToday(TEST_NOW);
  const window = { from: addDays(today, -TECHNICIAN_WINDOW.daysBefore), to: addDays(today, TECHNICIAN_WINDOW.daysAfter) };
  const tech = await techTruth(stack, 'TECH-001', window);
  const tech2 = await techTruth(stack, 'TECH-002', window);
  const customers = await list(stack, 'Customer', ['name'], []);
  const customer = customers.map((c) => c.name as string).find((c) => !tech.customers.has(c) && !tech2.customers.has(c));
  const locations = await list(stack, 'Service Location', ['name', 'customer'], [['customer', '=', customer]]);
  const equipment = await list(stack, 'Service Equipment', ['name'], [['customer', '=', customer]]);
  const old = await list(stack, 'Dispatch Job', ['name'], [
    ['technician', '=', 'TECH-001'],
    ['scheduled_date', '<', window.from],
  ]);
  if (!customer || !locations[0] || !equipment[0]) throw new Error('the seed has no customer outside both technicians’ jobs');
  return {
    window,
    tech,
    tech2,
    outside: { customer, location: locations[0].name as string, equipment: equipment[0].name as string },
    oldJob: old[0]?.name as string | undefined,
  };
}
