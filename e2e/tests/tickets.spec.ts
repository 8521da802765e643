// Issue 16: the CSR closes the loop. Two browsers: a CSR finds a client by phone, opens a ticket,
// runs Diagnostiquer, books a visit; a dispatcher sees it arrive in the queue live and assigns it;
// the CSR's ticket shows « planifiée » live; the CSR replies and resolves; the history names each
// step's author. A dispatch-only user cannot change a ticket (UI hidden, BFF 403). A save over a
// change made meanwhile is refused in French and the new state shown.
import { DEMO } from '../../apps/standin/src/edge/demo-users';
import { FIXTURE_CUSTOMERS } from '../../apps/standin/src/seed/fixtures';
import { expect, test } from '../fixtures/auth';
import { expectNoSeriousAxeViolation } from '../fixtures/axe';
import { activeStack, stackToday } from '../fixtures/stack';
import { ClientSearchPage } from '../pages/ClientSearchPage';
import { DispatchBoardPage } from '../pages/DispatchBoardPage';
import { DispatchErp } from '../pages/DispatchErp';
import { TicketPage, TicketQueuePage } from '../pages/TicketPage';
import { E2E_ERP_TOKEN } from '../stack-env';

const CLIENT = FIXTURE_CUSTOMERS.badOptical;
const headers = { Authorization: `token ${E2E_ERP_TOKEN}`, 'Content-Type': 'application/json' };

async function erp<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${activeStack().erpUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (!res.ok) throw new Error(`ERP ${method} ${path} → ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: T }).data;
}

/** A fresh ticket on the fixture client, so the test owns what it changes. */
const newTicket = (subject: string) => erp<{ name: string; modified: string }>('POST', '/api/resource/Issue', { subject, customer: CLIENT.customer, priority: 'High', issue_type: 'Technique', description: 'Coupures le soir.' });

test('a CSR works a ticket end to end while a dispatcher assigns the visit it booked', async ({ asUser }, testInfo) => {
  test.setTimeout(180_000); // two users, the board, a booking, a reply: many steps
  const subject = `Coupures intermittentes ${Date.now()}`;
  const ticket = await newTicket(subject);
  const csr = await asUser('support', { open: '/clients' });
  const dispatcher = await asUser('dispatch', { open: '/dispatch' });

  // The CSR finds the client by phone and opens the ticket from the client file.
  const search = new ClientSearchPage(csr.page);
  await search.search(CLIENT.phone);
  await search.results().first().click();
  await csr.page.locator('[data-testid="ticket"][data-ticket="' + ticket.name + '"]').getByTestId('ticket-open').click();
  const page = new TicketPage(csr.page);
  await page.loaded();
  await expect(csr.page.getByRole('heading', { level: 1 })).toHaveText(subject);
  await expect(page.sla()).toContainText('Première réponse dans');

  // Diagnostiquer leads to the diagnostics screen for the client's ONT, and back.
  await csr.page.getByTestId('diagnose').first().click();
  await expect(csr.page).toHaveURL(/\/ops\/diagnostics\?serial=/);
  await csr.page.goBack();
  await page.loaded();

  // The CSR takes the ticket and books a visit for today.
  await csr.page.getByTestId('ticket-assign-me').click();
  await expect(csr.page.getByTestId('assignee')).toContainText(DEMO.support.name);
  const job = await page.bookVisit(await stackToday());
  await expect(page.visitStatus(job)).toHaveText('à planifier');

  // The dispatcher sees it arrive in the queue without a reload, and assigns it.
  const board = new DispatchBoardPage(dispatcher.page);
  await board.waitReady();
  await board.searchFor(job);
  await expect(board.queueCard(job)).toBeVisible({ timeout: 5_000 });
  const slot = await DispatchErp.freeSlot(await DispatchErp.job(job), 14 * 60);
  await board.dragToSlot(board.queueCard(job), slot.technician.name, slot.start);
  await expect.poll(async () => (await DispatchErp.job(job)).status).toBe('Scheduled');

  // The CSR's ticket shows it planned, live, with the technician's name.
  await expect(page.visitStatus(job)).toHaveText('planifiée', { timeout: 5_000 });
  await expect(csr.page.locator(`[data-testid="visit"][data-job="${job}"]`)).toContainText(slot.technician.technician_name);

  // A reply to the customer, then resolved: the history names who did what.
  await page.reply('Bonjour, un technicien passera aujourd’hui.');
  await page.choose(page.status(), 'Résolu');
  await expect(page.status()).toHaveValue('Résolu');
  await expect(page.history().filter({ hasText: `${DEMO.support.name} a répondu au client` })).toHaveCount(1);
  await expect(page.history().filter({ hasText: 'Statut : Ouvert → Résolu' })).toContainText(DEMO.support.name);
  await expect(page.history().filter({ hasText: `${DEMO.support.name} s’est assigné` })).toHaveCount(1);
  await expect(csr.page.getByTestId('ticket-history')).not.toContainText('@gigafibre.ca');
  const stored = await erp<{ status: string; first_responded_on?: string; resolution_date?: string; agreement_status: string }>('GET', `/api/resource/Issue/${ticket.name}`);
  expect(stored).toMatchObject({ status: 'Resolved', agreement_status: 'Fulfilled' });
  await expectNoSeriousAxeViolation(csr.page, testInfo, 'ticket');
});

test('the queue finds the ticket under « mine » and moves it live when someone else changes it', async ({ asUser }) => {
  const ticket = await newTicket(`File en direct ${Date.now()}`);
  await erp('POST', '/api/method/frappe.desk.form.assign_to.add', { doctype: 'Issue', name: ticket.name, assign_to: JSON.stringify([DEMO.support.email]) });
  const { page } = await asUser('support');
  const queue = new TicketQueuePage(page);
  await queue.open(`?scope=mine&sort=newest&q=${ticket.name}`);
  await expect(queue.row(ticket.name)).toContainText('Haute');
  await expect(queue.row(ticket.name).getByTestId('queue-assigned')).toHaveText(DEMO.support.name);
  // Someone else lowers the priority: the row follows without a reload.
  await erp('PUT', `/api/resource/Issue/${ticket.name}`, { priority: 'Low' });
  await expect(queue.row(ticket.name)).toContainText('Basse', { timeout: 5_000 });
  // Keyboard: Enter opens the focused row.
  await queue.row(ticket.name).focus();
  await page.keyboard.press('Enter');
  await new TicketPage(page).loaded();
});

test('a save over someone else’s change is refused in French and the new state is shown', async ({ asUser }) => {
  const ticket = await newTicket(`Modifié ailleurs ${Date.now()}`);
  const { page } = await asUser('support');
  // No live events for this page: the other change reaches it only through the save's refusal
  // (with events, the page would show it first and the save would carry the new `modified`).
  await page.route('**/ops/api/hub/events**', (route) => route.abort());
  const view = new TicketPage(page);
  await view.open(ticket.name);
  // The session's stream opened before the route was set (a hash change keeps the page): reload.
  await page.reload();
  await view.loaded();
  await erp('PUT', `/api/resource/Issue/${ticket.name}`, { priority: 'Urgent' });
  await expect(view.priority()).toHaveValue('Haute');
  await view.choose(view.status(), 'En attente');
  await expect(view.stale()).toContainText('modifié par quelqu’un d’autre');
  await expect(view.priority()).toHaveValue('Urgente');
  expect((await erp<{ status: string }>('GET', `/api/resource/Issue/${ticket.name}`)).status).toBe('Open');
});

test('a dispatch-only user reads a ticket but cannot change it: nothing offered, the BFF answers 403', async ({ asUser }) => {
  const ticket = await newTicket(`Lecture seule ${Date.now()}`);
  const { page } = await asUser('dispatch');
  const view = new TicketPage(page);
  await view.open(ticket.name);
  await expect(page.getByTestId('ticket-read-only')).toBeVisible();
  await expect(view.status()).toHaveCount(0);
  await expect(page.getByTestId('ticket-reply')).toHaveCount(0);
  await expect(page.getByTestId('ticket-assign')).toHaveCount(0);
  await expect(page.getByTestId('visit-book')).toBeVisible();
  const res = await page.request.put(`/ops/api/erp/resource/Issue/${ticket.name}`, { headers: { 'X-Requested-With': 'gigafibre-ops' }, data: { status: 'Closed' } });
  expect(res.status()).toBe(403);
  const assign = await page.request.post('/ops/api/erp/method/frappe.desk.form.assign_to.add', {
    headers: { 'X-Requested-With': 'gigafibre-ops' },
    data: { doctype: 'Issue', name: ticket.name, assign_to: JSON.stringify([DEMO.dispatch.email]) },
  });
  expect(assign.status()).toBe(403);
  expect((await erp<{ status: string; _assign?: string }>('GET', `/api/resource/Issue/${ticket.name}`)).status).toBe('Open');
});

test('« Planifier une visite » from the client file books a visit for that client, then goes back to the file', async ({ asUser }) => {
  const { page } = await asUser('support');
  await page.goto(`/ops/clients/${CLIENT.customer}`);
  await page.getByTestId('client-visit-book').click();
  const view = new TicketPage(page);
  const job = await view.bookVisit(await stackToday(), false);
  await expect(page).toHaveURL(new RegExp(`/clients/${CLIENT.customer}$`));
  const stored = await DispatchErp.job(job);
  expect([stored.status, stored.technician]).toEqual(['Unscheduled', null]);
  await expect(page.locator(`[data-job="${job}"]`).first()).toBeVisible();
});
