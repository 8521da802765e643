// Issue 5: an ERP or hub outage shows a banner and the board stays readable. The outages are
// simulated in this browser only (request interception), so other tests on the shared stack are
// untouched.
import { expect, test } from '../fixtures/auth';
import { DispatchBoardPage } from '../pages/DispatchBoardPage';
import { DispatchErp } from '../pages/DispatchErp';
import { E2E_ERP_TOKEN, E2E_ERP_URL } from '../stack-env';

const unavailable = { status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'ERPNext ne répond pas' }) };

test('ERPNext down after the board loaded: a banner, the board still readable, retry once it is back', async ({ asUser }) => {
  const { page } = await asUser('dispatch', { open: '/dispatch' });
  const board = new DispatchBoardPage(page);
  await board.waitReady();
  const cards = await page.locator('[data-track] [data-job]').count();
  expect(cards).toBeGreaterThan(0);

  // ERPNext stops answering this browser; then a job changes (a live event the board must fetch).
  await page.route('**/ops/api/erp/**', (route) => route.fulfill(unavailable));
  const job = await DispatchErp.queueJob(4, 6);
  const res = await fetch(`${E2E_ERP_URL}/api/resource/${encodeURIComponent('Dispatch Job')}/${job.name}`, {
    method: 'PUT',
    headers: { Authorization: `token ${E2E_ERP_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ notes: `Vérifié par le test de panne ${Date.now()}` }),
  });
  expect(res.status).toBe(200);

  const banner = page.getByTestId('refresh-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Actualisation impossible');
  await expect(banner).toContainText('ERPNext ne répond pas');
  // Still readable: the day's cards are all there.
  await expect(page.locator('[data-track] [data-job]').first()).toBeVisible();
  expect(await page.locator('[data-track] [data-job]').count()).toBeGreaterThan(cards / 2);

  await page.unroute('**/ops/api/erp/**');
  await banner.getByRole('button', { name: 'Réessayer' }).click();
  await expect(banner).toBeHidden();
  await expect(page.locator('[data-track] [data-job]').first()).toBeVisible();
});

test('the hub’s positions down: the map says so and still shows the jobs', async ({ asUser }) => {
  const { page } = await asUser('dispatch', { open: '/dispatch', viewport: { width: 1920, height: 1080 } });
  const board = new DispatchBoardPage(page);
  await board.waitReady();
  await page.route('**/ops/api/hub/traccar/**', (route) => route.fulfill(unavailable));
  await page.getByTestId('map-toggle').click();
  await expect(page.getByTestId('map-no-positions')).toBeVisible();
  await expect(page.getByTestId('map-panel')).toContainText(/\d+ interventions · 0 technicien/);
  // No technician badge; the jobs are still drawn (circles on the canvas, clumps as numbered badges).
  await expect(page.getByTestId('map-panel').locator('.dj-map-tech')).toHaveCount(0);
  await expect(page.getByTestId('map-panel').locator('canvas')).toHaveCount(1);
});
