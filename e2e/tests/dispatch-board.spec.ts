// Issue 5: the board as dispatchers see it: screenshots at 1366×768, 1440×900 and 1920×1080 in both themes
// (attached to the report), no serious or critical axe violation, the job drawer (client link,
// phone, equipment, history), the map panel with markers on a plain background when no tiles
// are configured, the queue's filters, and a readable list per technician on a phone.
import AxeBuilder from '@axe-core/playwright';
import { FIXTURE_CUSTOMERS, FIXTURE_JOBS, FIXTURE_TECHNICIANS } from '../../apps/standin/src/seed/fixtures';
import { minutesOf, montrealInstant } from '../../packages/contracts/src/montrealTime';
import { HOURS_TAG } from '../clock';
import { expect, test } from '../fixtures/auth';
import { transitionsEnded } from '../fixtures/axe';
import { moveContextClock } from '../fixtures/pageClock';
import { DispatchBoardPage } from '../pages/DispatchBoardPage';
import { frenchDate, stackClock, stackToday } from '../fixtures/stack';
import { DispatchErp } from '../pages/DispatchErp';
import { hubThread } from '../fixtures/messagingStandin';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

// One page for the whole matrix: the window resized and the theme switched as a dispatcher would,
// each variant screenshotted and checked (a page load per variant cost the suite a minute).
test('board at 1366×768, 1440×900 and 1920×1080, light and dark: screenshots, no serious axe violation', async ({ asUser }, testInfo) => {
  test.setTimeout(90_000);
  const { page, shell } = await asUser('dispatch', { open: '/dispatch', viewport: SIZES[0] });
  const board = new DispatchBoardPage(page);
  await board.waitReady();
  for (const viewport of SIZES) {
    await page.setViewportSize(viewport);
    for (const theme of ['clair', 'sombre'] as const) {
      const dark = await page.locator('body').evaluate((b) => b.classList.contains('body--dark'));
      if (dark !== (theme === 'sombre')) await shell.themeToggle().click();
      await expect(page.locator('body')).toHaveClass(theme === 'sombre' ? /body--dark/ : /body--light/);
      await expect(page.locator('[data-track] [data-job]').first()).toBeVisible();
      await expect(board.queueCount()).toContainText(/\d/);
      const variant = `${viewport.width}x${viewport.height}-${theme}`;
      await transitionsEnded(page);
      await testInfo.attach(`dispatch-${variant}.png`, { body: await page.screenshot(), contentType: 'image/png' });
      const results = await new AxeBuilder({ page }).include('[data-testid="dispatch-board"]').analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious, variant).toEqual([]);
    }
  }
});

test('today shows the now-line at the current time (Montréal wall clock)', async ({ asUser }) => {
  const { page } = await asUser('dispatch', { open: false });
  // 14:20 in Montréal on the stack's today, whatever the machine's zone; the clock runs on from there.
  const today = await stackToday();
  await moveContextClock(page.context(), montrealInstant(today, 14 * 60 + 20));
  const board = new DispatchBoardPage(page);
  await board.open(today);
  const line = page.getByTestId('now-line');
  await expect(line).toBeVisible();
  await expect(line).toContainText(/Maintenant, 14 h 2[01]/); // a slow run may pass the minute
  // Not on another day.
  await page.keyboard.press('ArrowRight');
  await expect(page).not.toHaveURL(new RegExp(`date=${today}`));
  await expect(line).toHaveCount(0);
});

test('the board opens on Montréal’s today with its jobs, and the now-line is where the clock is', { tag: HOURS_TAG }, async ({ asUser }) => {
  const { page } = await asUser('dispatch', { open: '/dispatch' });
  const board = new DispatchBoardPage(page);
  await board.waitReady();
  const { today } = await stackClock();
  const longDate = frenchDate(today, 'full');
  await expect(page.getByTestId('board-date')).toContainText(longDate);
  await expect(page.getByTestId('today')).toHaveClass(/text-primary/);
  // Today's seeded jobs, not another day's (at 23:30 UTC is already tomorrow).
  await expect(board.boardCard(FIXTURE_JOBS.overlapTarget.job, FIXTURE_JOBS.overlapTarget.technician)).toBeVisible();

  // The axis is labelled on each hour from its start; it ends an hour after the last label.
  const hours = (await page.locator('.dj-axis__hour').allTextContents()).map((h) => Number.parseInt(h, 10) * 60);
  const axis = { start: hours[0] ?? 0, end: (hours.at(-1) ?? 0) + 60 };
  const now = minutesOf((await stackClock()).time);
  const line = page.getByTestId('now-line');
  if (now >= axis.start && now < axis.end) {
    // « Maintenant, 12 h 00 »: the wall-clock minute, give or take the one that may have passed.
    const label = (await line.textContent()) ?? '';
    const match = /Maintenant, (\d{1,2}) h (\d{2})/.exec(label);
    expect(match, label).not.toBeNull();
    const shown = Number(match?.[1]) * 60 + Number(match?.[2]);
    expect(shown - now, label).toBeGreaterThanOrEqual(0);
    expect(shown - now, label).toBeLessThanOrEqual(1);
  } else {
    // Outside the day's axis (before 07:00, after the last shift) there is no line to draw.
    await expect(line).toHaveCount(0);
  }
});

test('the job drawer: client link, phone, equipment at the location, notes, history; no axe violation', async ({ asUser }) => {
  const { page } = await asUser('dispatch', { open: `/dispatch?job=${FIXTURE_JOBS.unassignedToday.job}` });
  const board = new DispatchBoardPage(page);
  const drawer = board.drawer();
  await expect(drawer).toContainText(FIXTURE_JOBS.unassignedToday.job);
  await expect(drawer).toContainText(FIXTURE_CUSTOMERS.healthyMesh.customerName);
  await expect(drawer.getByTestId('drawer-client-link')).toHaveAttribute('href', `/ops/clients/${FIXTURE_CUSTOMERS.healthyMesh.customer}`);
  await expect(drawer.getByTestId('drawer-phone')).toHaveText('438 555-0166');
  await expect(drawer.getByTestId('drawer-phone')).toHaveAttribute('href', 'tel:+14385550166');
  await expect(drawer.getByTestId('drawer-address')).toContainText(FIXTURE_CUSTOMERS.healthyMesh.address);
  await expect(drawer.getByTestId('drawer-equipment')).toContainText(FIXTURE_CUSTOMERS.healthyMesh.ont.serial);
  for (const node of FIXTURE_CUSTOMERS.healthyMesh.mesh ?? []) await expect(drawer.getByTestId('drawer-equipment')).toContainText(node.serial);
  await expect(drawer.getByTestId('drawer-notes')).toContainText('nœud mesh');
  await expect(drawer.getByTestId('drawer-status')).toHaveText('À planifier');
  const results = await new AxeBuilder({ page }).include('[data-testid="job-drawer"]').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // A scheduled job's history shows its planning (Version documents).
  await page.goto(`/ops/dispatch?job=${FIXTURE_JOBS.overlapTarget.job}`);
  await expect(drawer.getByTestId('drawer-when')).toContainText(FIXTURE_TECHNICIANS.second.name);
  await expect(drawer.getByTestId('drawer-when')).toContainText('13 h 00 – 15 h 00');
  await expect(drawer.getByTestId('drawer-history')).toContainText('Statut : À planifier →');
});

test('the drawer moves a job along its status, and its history shows it', async ({ asUser }) => {
  const job = await DispatchErp.queueJob(5, 6);
  const slot = await DispatchErp.freeSlot(job, 8 * 60);
  await DispatchErp.assign(job.name, slot.technician.name, await stackToday(), slot.start);
  try {
    const { page } = await asUser('dispatch', { open: `/dispatch?job=${job.name}` });
    const drawer = new DispatchBoardPage(page).drawer();
    await expect(drawer.getByTestId('drawer-status')).toHaveText('Planifié');
    // « No automatic text » is saved on the job: going En route then texts the customer nothing.
    await drawer.getByTestId('drawer-no-sms').click();
    await expect(drawer.getByTestId('drawer-no-sms')).toHaveAttribute('aria-checked', 'true');
    await expect.poll(async () => (await DispatchErp.job(job.name)).no_sms).toBe(1);
    await drawer.getByTestId('status-en-route').click();
    await expect(drawer.getByTestId('drawer-status')).toHaveText('En route');
    expect((await DispatchErp.job(job.name)).status).toBe('En Route');
    await expect(drawer.getByTestId('drawer-history')).toContainText('Statut : Planifié →');
    expect((await hubThread(job.customer)).filter((m) => m.job === job.name && m.template === 'en_route')).toEqual([]);
    // En route → the next steps only.
    await expect(drawer.getByTestId('status-in-progress')).toBeVisible();
    await expect(drawer.getByTestId('status-completed')).toHaveCount(0);
  } finally {
    await DispatchErp.unassign(job.name);
    await DispatchErp.update(job.name, { no_sms: 0 });
  }
});

test('the map shows the day’s jobs and the technicians’ positions, on a plain background without tiles', async ({ asUser }) => {
  const { page } = await asUser('dispatch', { open: '/dispatch', viewport: { width: 1920, height: 1080 } });
  // Leaflet works under the BFF's strict CSP (no inline style attributes in its markup).
  const cspErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
  });
  const board = new DispatchBoardPage(page);
  await board.waitReady();
  await page.getByTestId('map-toggle').click();
  const map = page.getByTestId('map-panel');
  await expect(map).toBeVisible();
  // Leaflet and its stylesheet arrived with the panel; no tile URL in this stack: markers on a plain background.
  await expect(page.getByTestId('map-no-tiles')).toBeVisible();
  await expect(map.locator('.leaflet-container')).toBeVisible();
  await expect(map.locator('.leaflet-tile')).toHaveCount(0);
  await expect(map.locator('.dj-map-tech__badge').first()).toBeVisible();
  await expect(map).toContainText(/\d+ interventions · \d+ techniciens localisés/);
  await expect(map.locator('canvas')).toHaveCount(1);
  // Jobs that would overlap on screen are one badge with their count; a click zooms in and splits it.
  const biggest = () => map.getByTestId('map-cluster').evaluateAll((els) => Math.max(0, ...els.map((el) => Number(el.getAttribute('data-count')))));
  await expect.poll(biggest).toBeGreaterThan(1);
  const before = await biggest();
  // (A DOM click: technicians' badges may sit over the clump, and Leaflet listens on the marker.)
  await map.locator(`[data-testid="map-cluster"][data-count="${before}"]`).first().dispatchEvent('click');
  await expect.poll(biggest).toBeLessThan(before);
  // The map takes the room it needs: its separator grows it with the arrow keys (and remembers it).
  const separator = page.getByTestId('map-resize');
  const size = async () => Number(await separator.getAttribute('aria-valuenow'));
  const initial = await size();
  await separator.focus();
  await page.keyboard.press((await separator.getAttribute('aria-orientation')) === 'vertical' ? 'ArrowLeft' : 'ArrowUp');
  await expect.poll(size).toBe(initial + 5);
  await page.keyboard.press('Home');
  await expect.poll(size).toBe(20);
  await page.keyboard.press('End');
  await expect.poll(size).toBe(70);
  // Leaflet's own stylesheet is applied (it positions the container).
  await expect(map.locator('.leaflet-container')).toHaveCSS('position', 'relative');
  const results = await new AxeBuilder({ page }).include('[data-testid="map-panel"]').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  expect(cspErrors).toEqual([]);
  await page.keyboard.press('m');
  await expect(map).toBeHidden();
});

test('queue filters narrow the list and say how many are shown', async ({ asUser }) => {
  const { page } = await asUser('dispatch', { open: '/dispatch' });
  const board = new DispatchBoardPage(page);
  await board.waitReady();
  // Other tests move jobs in and out of the queue meanwhile: compare shapes, not exact numbers.
  await expect(board.queueCount()).toHaveText(/^\d+ interventions?$/);
  await page.getByTestId('queue-filters-toggle').click();
  await page.getByTestId('filter-type').click();
  await page.getByRole('option', { name: 'Réparation' }).click();
  await page.keyboard.press('Escape');
  await expect(board.queueCount()).toHaveText(/^\d+ sur \d+$/);
  const shown = board.queue().locator('[data-job][role="button"]');
  const n = await shown.count();
  for (let i = 0; i < Math.min(n, 5); i++) await expect(shown.nth(i)).toContainText('Réparation');
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(board.queueCount()).toHaveText(/^\d+ interventions?$/);
});

test('on a phone: a readable list per technician, and the queue in its own tab', async ({ asUser }, testInfo) => {
  const { page } = await asUser('dispatch', { open: '/dispatch', viewport: { width: 390, height: 844 } });
  await expect(page.locator('.dj-mobile__tech').first()).toBeVisible();
  const second = page.locator(`.dj-mobile__tech[data-row="${FIXTURE_TECHNICIANS.second.technician}"]`);
  await second.scrollIntoViewIfNeeded();
  await expect(second.locator(`[data-job="${FIXTURE_JOBS.overlapTarget.job}"]`)).toContainText('13 h 00 – 15 h 00');
  await testInfo.attach('dispatch-390x844.png', { body: await page.screenshot(), contentType: 'image/png' });
  await page.getByRole('tab', { name: /À planifier/ }).click();
  await expect(page.getByTestId('queue').locator('[data-job]').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).include('[data-testid="dispatch-board"]').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
