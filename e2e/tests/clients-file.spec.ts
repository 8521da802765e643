// The client 360 file (issue 6): notes appear live for everyone, writes need clients.edit (in the
// UI and at the BFF), an unknown id says so, a failed section fails alone, Diagnostiquer leads to
// the diagnostics panel for that device.
import { E2E_BASE_URL, E2E_ERP_TOKEN, E2E_ERP_URL } from '../stack-env';
import { FaultClient } from '../../apps/standin/src/faults/client';
import { FIXTURE_CUSTOMERS, FIXTURE_JOBS } from '../../apps/standin/src/seed/fixtures';
import { HOURS_TAG } from '../clock';
import { expect, sessionCookie, test } from '../fixtures/auth';
import { jobStatus } from '../fixtures/scanStandin';
import { frenchDate, stackClock } from '../fixtures/stack';
import { ClientFilePage } from '../pages/ClientFilePage';

const edgeFaults = new FaultClient(E2E_BASE_URL);
const business = FIXTURE_CUSTOMERS.business;

/** Comments (read straight from the ERP) whose content holds `marker`. */
async function commentsWith(marker: string): Promise<unknown[]> {
  const filters = JSON.stringify([['content', 'like', `%${marker}%`]]);
  const res = await fetch(`${E2E_ERP_URL}/api/resource/Comment?filters=${encodeURIComponent(filters)}&fields=["name","owner","content"]`, {
    headers: { Authorization: `token ${E2E_ERP_TOKEN}` },
  });
  return ((await res.json()) as { data: unknown[] }).data;
}

test('a note added by one user appears live in another user’s open file, as text', async ({ asUser }) => {
  test.setTimeout(90_000); // two browsers, each loading a whole client file
  const watcher = await asUser('admin', { open: `/clients/${business.customer}` });
  const watching = new ClientFilePage(watcher.page);
  await watching.expectLoaded();
  await expect(watcher.shell.liveIndicator()).toHaveAttribute('data-status', 'connected');

  const writer = await asUser('support', { open: `/clients/${business.customer}` });
  const file = new ClientFilePage(writer.page);
  await file.expectLoaded();
  // Customer-written text is shown as text, never interpreted as HTML.
  const marker = `n${Date.now()}`;
  const text = `Rappeler après 17 h <b>pas en gras</b> ${marker}`;
  await file.addNote(text);
  await expect(file.notes().filter({ hasText: text })).toBeVisible();
  await expect(file.noteInput()).toHaveValue('');

  // The other browser, without reloading: within 2 seconds of the server's answer.
  await expect(watching.notes().filter({ hasText: text })).toBeVisible({ timeout: 2_000 });
  await expect(watching.notes().filter({ hasText: text }).locator('b')).toHaveCount(0);
  // Stored as ERPNext's desk expects Comment content: escaped HTML.
  expect(await commentsWith(marker)).toEqual([
    expect.objectContaining({ owner: 'support@gigafibre.ca', content: `<p>Rappeler après 17 h &lt;b&gt;pas en gras&lt;/b&gt; ${marker}</p>` }),
  ]);
});

test('without clients.edit there is no note form nor ticket button, and the BFF refuses the write', async ({ asUser }) => {
  const { page } = await asUser('dispatch', { open: `/clients/${business.customer}` });
  const file = new ClientFilePage(page);
  await file.expectLoaded();
  await expect(file.section('timeline').getByTestId('timeline-entry').first()).toBeVisible();
  await expect(file.noteForm()).toHaveCount(0);
  await expect(page.getByTestId('ticket-create')).toHaveCount(0);

  const marker = `d${Date.now()}`;
  const text = `Écrit sans droit ${marker}`;
  const body = { comment_type: 'Comment', reference_doctype: 'Customer', reference_name: business.customer, content: text };
  const headers = { 'X-Requested-With': 'gigafibre-ops' };
  const refused = await page.request.post('/ops/api/erp/resource/Comment', { data: body, headers });
  expect(refused.status()).toBe(403);
  // Either capability may post a Comment (a CSR's note on a client, an agent's on a ticket); the rows say which.
  expect(await refused.json()).toMatchObject({ missing: ['clients.edit', 'tickets.work'] });
  expect(await commentsWith(marker)).toEqual([]);

  // The same request from a CSR goes through: the refusal is the capability, not the request.
  const support = await asUser('support', { open: false });
  const accepted = await support.context.request.post('/ops/api/erp/resource/Comment', { data: { ...body, content: `${text} (support)` }, headers });
  expect(accepted.status()).toBe(200);
});

test('an unknown client id says « client introuvable », opened cold', async ({ asUser }) => {
  const { page } = await asUser('support', { open: '/clients/CUST-99999' });
  const file = new ClientFilePage(page);
  await expect(file.notFound()).toBeVisible();
  await expect(file.notFound()).toContainText('Client introuvable');
  await expect(file.notFound()).toContainText('CUST-99999');
  await file.notFound().getByRole('link', { name: 'Retour à la recherche' }).click();
  await expect(page).toHaveURL(/\/ops\/clients$/);
});

test('a failed section shows its own error and retry; the rest of the file stays', async ({ asUser }) => {
  // Scoped to this browser's session and this customer's invoices: tests in the other worker list
  // invoices too (the clients list's unpaid filter asks for this customer's among others).
  const { page, context } = await asUser('support', { open: false });
  await edgeFaults.inject({ path: '/ops/api/erp/resource/Sales Invoice', method: 'GET', status: 503, query: FIXTURE_CUSTOMERS.overdue.customer, cookie: await sessionCookie(context) });
  try {
    const file = new ClientFilePage(page);
    await file.open(FIXTURE_CUSTOMERS.overdue.customer);
    const invoices = file.section('invoices');
    await expect(invoices.getByTestId('section-error')).toBeVisible();
    await expect(file.name()).toHaveText(FIXTURE_CUSTOMERS.overdue.customerName);
    await expect(file.section('locations').getByTestId('equipment-row').first()).toBeVisible();
    await expect(file.balance()).toContainText('344,92');

    await invoices.getByTestId('section-retry').click();
    await expect(invoices.getByTestId('section-error')).toHaveCount(0);
    await expect(invoices.locator('[data-testid="invoice"][data-unpaid="true"]')).toHaveCount(4);
    await expect(invoices.getByTestId('invoice-total-due')).toContainText('344,92');
  } finally {
    await edgeFaults.clear();
  }
});

test('Diagnostiquer opens the diagnostics panel for that device; a ticket can be opened', async ({ asUser }) => {
  test.setTimeout(90_000); // the file is loaded twice
  const josee = FIXTURE_CUSTOMERS.badOptical;
  const { page } = await asUser('support', { open: `/clients/${josee.customer}` });
  const file = new ClientFilePage(page);
  await file.expectLoaded();
  await file.diagnose(josee.ont.serial).click();
  await expect(page).toHaveURL(new RegExp(`/ops/diagnostics\\?serial=${josee.ont.serial}&customer=${josee.customer}$`));

  await file.open(josee.customer);
  await page.getByTestId('ticket-create').click();
  const subject = `Lien instable ${Date.now()}`;
  await page.getByTestId('ticket-subject').fill(subject);
  await page.getByTestId('ticket-submit').click();
  await expect(file.section('tickets').getByTestId('ticket').filter({ hasText: subject })).toBeVisible();
  await expect(file.section('timeline').getByTestId('timeline-entry').filter({ hasText: subject })).toBeVisible();
});

test('a job today stays « à venir » until it is done, whatever the hour (Montréal’s today, not UTC’s)', { tag: HOURS_TAG }, async ({ asUser }) => {
  const client = FIXTURE_CUSTOMERS.unknownSerial;
  const todayJob = FIXTURE_JOBS.techToday[2]; // at this client's address, today 13:30
  const { page } = await asUser('support', { open: `/clients/${client.customer}` });
  const file = new ClientFilePage(page);
  await file.expectLoaded();
  const status = await jobStatus(todayJob);
  const group = status === 'Completed' || status === 'Cancelled' ? 'past' : 'upcoming';
  const row = file.section('jobs').locator(`[data-testid="job-${group}"][data-job="${todayJob}"]`);
  await expect(row).toBeVisible();
  // The date shown is Montréal's today.
  const { today } = await stackClock();
  await expect(row).toContainText(frenchDate(today, 'medium'));
  await expect(row).toContainText('13 h 30');
});
