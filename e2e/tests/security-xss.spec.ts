// Issue 11: customer-supplied text holding HTML and script (planted by the standin's
// STANDIN_HOSTILE_TEXT seed: a name, an address, access notes, a note, a ticket, a job's notes, Wi-Fi
// SSIDs, station host names) is shown as text on every screen that shows it — clients search and
// 360, diagnostics, the dispatch queue and job drawer — and nothing runs.
// The browser's CSP is bypassed here on purpose: this proves the rendering itself is safe, not
// only that the policy would block a mistake (security-csp.spec.ts covers the policy).
import type { Page } from '@playwright/test';
import type { DeviceLookup } from '../../packages/contracts/src/index';
import { HOSTILE_TEXT } from '../../apps/standin/src/seed/hostileText';
import { expect, test } from '../fixtures/auth';
import { ClientFilePage } from '../pages/ClientFilePage';
import { ClientSearchPage } from '../pages/ClientSearchPage';
import { DiagnosticsPage } from '../pages/DiagnosticsPage';
import { E2E_ERP_TOKEN, E2E_ERP_URL, E2E_HUB_TOKEN, E2E_HUB_URL } from '../stack-env';

interface Planted {
  customer: string;
  routerSerial: string;
  /** Its unscheduled job today (in the dispatch queue). */
  job: string;
}

async function erpList<T>(doctype: string, params: Record<string, unknown>): Promise<T[]> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, JSON.stringify(v)]));
  const res = await fetch(`${E2E_ERP_URL}/api/resource/${encodeURIComponent(doctype)}?${query.toString()}`, { headers: { Authorization: `token ${E2E_ERP_TOKEN}` } });
  return ((await res.json()) as { data: T[] }).data;
}

/** Where the seed planted the payloads (it picks the customer; tests find it through the ERP). */
async function planted(): Promise<Planted> {
  const [customer] = await erpList<{ name: string }>('Customer', { filters: [['customer_name', 'like', `%${HOSTILE_TEXT.searchTerm}%`]] });
  if (!customer) throw new Error('no hostile customer: is STANDIN_HOSTILE_TEXT=1 set for the e2e stack?');
  const [job] = await erpList<{ name: string }>('Dispatch Job', { filters: { customer: customer.name, status: 'Unscheduled' } });
  if (!job) throw new Error(`no unscheduled job for ${customer.name}`);
  const equipment = await erpList<{ serial_no: string }>('Service Equipment', { fields: ['serial_no'], filters: { customer: customer.name } });
  for (const { serial_no } of equipment) {
    const res = await fetch(`${E2E_HUB_URL}/devices/lookup?serial=${encodeURIComponent(serial_no)}`, { headers: { Authorization: `Bearer ${E2E_HUB_TOKEN}` } });
    const lookup = res.ok ? ((await res.json()) as DeviceLookup) : null;
    if (lookup?.wifi.radios.some((r) => r.ssids.some((s) => s.ssid === HOSTILE_TEXT.ssid))) return { customer: customer.name, routerSerial: serial_no, job: job.name };
  }
  throw new Error(`no router with the hostile SSID for ${customer.name}`);
}

/** Nothing ran: no payload set its flag, no dialog opened, no element of a payload exists. */
async function expectNothingRan(page: Page, dialogs: string[], where: string): Promise<void> {
  expect(await page.evaluate('window.__xss'), where).toBeUndefined();
  expect(dialogs, where).toEqual([]);
  await expect(page.locator('img[src="x"], main script, main svg[onload]'), where).toHaveCount(0);
}

test('customer-supplied HTML and script are shown as text and never run', async ({ asUser }) => {
  test.slow();
  const { customer, routerSerial, job } = await planted();
  const { page } = await asUser('admin', { open: false, bypassCSP: true });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  // Clients: the search box's results.
  await page.goto('/ops/clients');
  const search = new ClientSearchPage(page);
  await search.search(HOSTILE_TEXT.searchTerm);
  await expect(search.result(customer)).toContainText(HOSTILE_TEXT.customerName);
  await expectNothingRan(page, dialogs, 'clients search');

  // The client's 360 file: name, locations (address, access notes), tickets, jobs, timeline notes.
  const file = new ClientFilePage(page);
  await file.open(customer);
  await expect(file.name()).toHaveText(HOSTILE_TEXT.customerName);
  await expect(file.section('locations')).toContainText(HOSTILE_TEXT.addressLine);
  await expect(file.section('tickets')).toContainText(HOSTILE_TEXT.ticketSubject);
  await expect(file.section('timeline')).toContainText('Note');
  await expectNothingRan(page, dialogs, 'client 360');

  // Diagnostics of its router: SSIDs and the stations' host names.
  const diagnostics = new DiagnosticsPage(page);
  await diagnostics.open(routerSerial, customer);
  await diagnostics.expectPanel();
  await expect(diagnostics.ssids().filter({ hasText: HOSTILE_TEXT.ssid }).first()).toBeVisible();
  for (const host of HOSTILE_TEXT.hostNames) await expect(diagnostics.clientNames().filter({ hasText: host })).toHaveCount(1);
  await expectNothingRan(page, dialogs, 'diagnostics');

  // Dispatch: the job's card in the queue and its drawer (customer, address, notes).
  await page.goto(`/ops/dispatch?job=${job}`);
  const drawer = page.getByTestId('job-drawer');
  await expect(drawer).toContainText(HOSTILE_TEXT.customerName);
  await expect(drawer.getByTestId('drawer-address')).toContainText(HOSTILE_TEXT.addressLine);
  await expect(drawer.getByTestId('drawer-notes')).toContainText(HOSTILE_TEXT.jobNotes);
  await page.keyboard.press('Escape');
  await page.getByTestId('board-search').fill(HOSTILE_TEXT.searchTerm); // the queue is virtualised: narrow it to the job
  await expect(page.getByTestId('queue').locator(`[data-job="${job}"][role="button"]`)).toContainText(HOSTILE_TEXT.searchTerm);
  await expectNothingRan(page, dialogs, 'dispatch');

  // Control: the same payload, were it ever parsed as HTML, would run here (so the checks above mean something).
  await page.evaluate(`document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(HOSTILE_TEXT.customerName)})`);
  await expect.poll(() => page.evaluate('window.__xss')).toBe('customer_name');
});
