// The technician's day on a phone: today's jobs, one job (call, directions, equipment, notes),
// the status buttons (queued like scans when offline), and axe on the field screens, light and dark.
import { FIXTURE_CUSTOMERS, FIXTURE_JOBS } from '../../apps/standin/src/seed/fixtures';
import { expect, test } from '../fixtures/auth';
import { expectNoSeriousAxeViolation } from '../fixtures/axe';
import { HOURS_TAG } from '../clock';
import { futureJobOfDemoTechnician, jobStatus } from '../fixtures/scanStandin';
import { frenchDate, stackClock } from '../fixtures/stack';
import { ScanPage, ScanQueuePage } from '../pages/ScanPage';
import { TechJobPage, TechJobsPage } from '../pages/TechJobPage';

const PHONE = { width: 390, height: 844 };
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36';

test('« Mes tâches » lists today’s jobs in order with client, address and status; a job opens with call, directions, notes and equipment', { tag: HOURS_TAG }, async ({ asUser }) => {
  const { page } = await asUser('tech', { viewport: PHONE, userAgent: ANDROID, open: '/j' });
  const jobs = new TechJobsPage(page);
  await expect(jobs.cards()).toHaveCount(FIXTURE_JOBS.techToday.length);
  expect(await jobs.cards().evaluateAll((cards) => cards.map((c) => c.getAttribute('data-job')))).toEqual([...FIXTURE_JOBS.techToday]);
  // Whatever the hour, each job says where it stands, as ERPNext has it (done ones included).
  for (const name of FIXTURE_JOBS.techToday) {
    await expect(jobs.card(name).getByTestId('job-status')).toHaveAttribute('data-status', await jobStatus(name));
  }
  const last = FIXTURE_JOBS.techToday[2];
  const customer = FIXTURE_CUSTOMERS.unknownSerial;
  await expect(jobs.card(last)).toContainText(customer.customerName);
  await expect(jobs.card(last)).toContainText(customer.address);
  await expect(jobs.card(last)).toContainText('13 h 30');

  await jobs.card(last).click();
  const job = new TechJobPage(page);
  await expect(page).toHaveURL(new RegExp(`/ops/j/${last}$`));
  await expect(job.customer()).toHaveText(customer.customerName);
  await expect(job.call()).toHaveAttribute('href', `tel:+1${customer.phoneDigits}`);
  await expect(job.address()).toContainText(`${customer.address}, ${customer.city}, ${customer.postalCode}`);
  // Android: a geo: link opens the phone's maps app at the address.
  await expect(job.directions()).toHaveAttribute('href', new RegExp(`^geo:${customer.lat},${customer.lon}\\?q=`));
  await expect(job.notes()).toContainText('scanner le nouvel appareil');
  await expect(page.locator(`[data-testid="job-equipment-item"][data-serial="${customer.ont.serial}"]`)).toBeVisible();

  // Big targets for gloved hands (no next step once the job is done).
  const done = (await jobStatus(last)) === 'Completed';
  await expect(job.nextStatus()).toHaveCount(done ? 0 : 1);
  for (const target of [job.call(), job.directions(), job.scan(), ...(done ? [] : [job.nextStatus()])]) {
    const box = await target.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
  }
  await job.scan().click();
  await expect(page).toHaveURL(new RegExp(`/ops/scan\\?job=${last}$`));
  await new ScanPage(page).ready(last);
});

test('/ops/scan and /ops/j agree on today’s jobs, finished ones labelled, at any hour', { tag: HOURS_TAG }, async ({ asUser }) => {
  const { page } = await asUser('tech', { viewport: PHONE, open: '/j' });
  const jobs = new TechJobsPage(page);
  await expect(jobs.cards()).toHaveCount(FIXTURE_JOBS.techToday.length);
  const listed = await jobs.cards().evaluateAll((cards) => cards.map((c) => [c.getAttribute('data-job'), c.querySelector('[data-status]')?.getAttribute('data-status')]));
  const { today } = await stackClock();
  // The page is about Montréal's today (not UTC's: at 23:30 it is already tomorrow there).
  await expect(page.locator('main')).toContainText(frenchDate(today, 'full'));

  await page.goto('/ops/scan');
  const picks = page.getByTestId('scan-pick-job');
  await expect(picks).toHaveCount(listed.length);
  const offered = await picks.evaluateAll((buttons) => buttons.map((b) => [b.getAttribute('data-job'), b.getAttribute('data-status')]));
  // The same jobs with the same statuses; the ones still to do come first.
  expect([...offered].sort()).toEqual([...listed].sort());
  const order = offered.map(([, status]) => (status === 'Completed' ? 1 : 0));
  expect(order).toEqual([...order].sort());
  await expect(page.getByTestId('scan-pick-none')).toHaveCount(0);
  const allDone = listed.every(([, status]) => status === 'Completed');
  await expect(page.getByTestId('scan-pick-all-done')).toHaveCount(allDone ? 1 : 0);
});

test('status buttons go en route → en cours → terminé, queued while offline and sent in order', async ({ asUser }) => {
  const target = await futureJobOfDemoTechnician(8, 'Repair');
  const { page, context } = await asUser('tech', { viewport: PHONE, open: `/j/${target.name}` });
  const job = new TechJobPage(page);
  await job.open(target.name);
  await expect(job.status()).toHaveAttribute('data-status', 'Scheduled');

  await context.setOffline(true);
  await expect(job.nextStatus()).toHaveAttribute('data-next', 'En Route');
  await job.advance();
  await expect(job.status()).toHaveAttribute('data-status', 'En Route');
  await expect(job.status()).toHaveAttribute('data-queued', 'true');
  await expect(job.nextStatus()).toHaveAttribute('data-next', 'In Progress');
  await job.advance();
  await expect(job.status()).toHaveAttribute('data-status', 'In Progress');
  expect(await jobStatus(target.name)).toBe('Scheduled');

  await context.setOffline(false);
  await expect(job.status()).toHaveAttribute('data-queued', 'false', { timeout: 15_000 });
  await expect(job.status()).toHaveAttribute('data-status', 'In Progress');
  expect(await jobStatus(target.name)).toBe('In Progress');

  await job.advance(); // « terminer » asks for the checklist first
  await expect(job.status()).toHaveAttribute('data-status', 'Completed', { timeout: 15_000 });
  await expect.poll(() => jobStatus(target.name)).toBe('Completed');
  await expect(job.nextStatus()).toHaveCount(0);
});

for (const theme of ['clair', 'sombre'] as const) {
  test(`field screens on a phone, ${theme}: no serious or critical axe violation`, async ({ asUser }, testInfo) => {
    const target = await futureJobOfDemoTechnician(9);
    const { page, shell } = await asUser('tech', { viewport: PHONE, open: '/j' });
    if (theme === 'sombre') {
      await shell.themeToggle().click();
      await expect(page.locator('body')).toHaveClass(/body--dark/);
    }
    const jobs = new TechJobsPage(page);
    await expect(jobs.cards().first()).toBeVisible();
    await expectNoSeriousAxeViolation(page, testInfo, `mes-taches-${theme}`);

    const job = new TechJobPage(page);
    await job.open(target.name);
    await expectNoSeriousAxeViolation(page, testInfo, `intervention-${theme}`);

    const scan = new ScanPage(page);
    await scan.open(target.name);
    await scan.serial().fill('ALCL123'); // an error state is part of the page too
    await expect(page.getByText('Numéro de série invalide')).toBeVisible();
    await expectNoSeriousAxeViolation(page, testInfo, `scanner-${theme}`);

    const queue = new ScanQueuePage(page);
    await queue.open();
    await expectNoSeriousAxeViolation(page, testInfo, `file-envoi-${theme}`);
  });
}
