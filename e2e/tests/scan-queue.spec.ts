// The scan queue, the heart of field scanning: a scan is never lost. What reached ERPNext is
// checked on the standin's own API, never through the app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { DEMO } from '../../apps/standin/src/edge/demo-users';
import { FaultClient } from '../../apps/standin/src/faults/client';
import { renderLabel } from '../../apps/standin/src/testing/label-image';
import { E2E_BASE_URL, E2E_ERP_URL, E2E_HUB_URL, MAIN_STACK } from '../stack-env';
import { expect, installStackClock, sessionCookie, signInThroughEdge, test } from '../fixtures/auth';
import { equipmentWithSerial, frappeErrorBody, futureJobOfDemoTechnician, newMac, newSerial } from '../fixtures/scanStandin';
import { ScanPage, ScanQueuePage } from '../pages/ScanPage';
import { SignInPage } from '../pages/SignInPage';

const PHONE = { width: 390, height: 844 };
const erpFaults = new FaultClient(E2E_ERP_URL);
const hubFaults = new FaultClient(E2E_HUB_URL);
const edgeFaults = new FaultClient(E2E_BASE_URL);
const EQUIPMENT_POST = '/api/method/gigafibre.ops.link_job_equipment';

test.afterEach(async () => {
  await Promise.all([erpFaults.clear(), hubFaults.clear(), edgeFaults.clear()]);
});

test('five scans made offline survive a reload and reach ERPNext exactly once', async ({ asUser }) => {
  const job = await futureJobOfDemoTechnician(2);
  const { page, context } = await asUser('tech', { viewport: PHONE, serviceWorkers: 'allow', open: `/scan?job=${job.name}` });
  const scan = new ScanPage(page);
  await scan.ready(job.name);
  await scan.waitUntilReadyOffline();

  await context.setOffline(true);
  const serials = Array.from({ length: 5 }, newSerial);
  for (const serial of serials) await scan.linkByHand(serial);
  await expect(scan.badge()).toHaveAttribute('data-count', '5');

  // A reload with no network: the service worker serves the app, the queue is still there.
  await page.reload();
  await scan.ready(job.name);
  for (const serial of serials) await expect(scan.record(serial)).toHaveAttribute('data-state', 'pending');
  await expect(scan.badge()).toHaveAttribute('data-count', '5');
  for (const serial of serials) expect(await equipmentWithSerial(serial)).toEqual([]);

  await context.setOffline(false);
  await expect(scan.badge()).toHaveAttribute('data-count', '0', { timeout: 20_000 });
  for (const serial of serials) {
    const rows = await equipmentWithSerial(serial);
    expect(rows, serial).toHaveLength(1);
    expect(rows[0]).toMatchObject({ service_location: job.service_location, dispatch_job: job.name, equipment_type: 'ONT', status: 'Active' });
  }
  // Nothing is left to send again (a second flush would find nothing).
  await page.reload();
  await scan.ready(job.name);
  await expect(scan.records()).toHaveCount(0);
  for (const serial of serials) expect(await equipmentWithSerial(serial), serial).toHaveLength(1);
});

test('a label photo whose OCR takes 10 s times out at 8 s, stays queued, and is read on the retry', async ({ asUser }) => {
  const job = await futureJobOfDemoTechnician(3);
  const { page } = await asUser('tech', { viewport: PHONE, open: `/scan?job=${job.name}` });
  const scan = new ScanPage(page);
  await scan.ready(job.name);
  const serial = newSerial();
  const mac = newMac();
  const label = await renderLabel([{ bcid: 'qrcode', text: `S/N:${serial};MAC:${mac};MODEL:G-010G-Q` }]);

  await hubFaults.inject({ path: '/vision/equipment', method: 'POST', latencyMs: 10_000, count: 1 });
  const started = Date.now();
  await scan.photoInput().setInputFiles({ name: 'etiquette.png', mimeType: 'image/png', buffer: label });
  const photo = scan.records().filter({ hasText: 'Photo d’étiquette' });
  await expect(photo).toHaveAttribute('data-state', /pending|sending/);

  // The send gives up at 8 s (the hub would only answer at 10 s) and the photo stays queued.
  await expect(photo.getByTestId('queue-record-error')).toContainText('Le serveur n’a pas répondu à temps', { timeout: 15_000 });
  const gaveUpAfter = Date.now() - started;
  expect(gaveUpAfter).toBeGreaterThanOrEqual(7_900);
  expect(gaveUpAfter).toBeLessThan(10_000);

  // The automatic retry (after a short backoff) gets the reading, shown for confirmation.
  const confirm = scan.ocrConfirm();
  await expect(confirm).toBeVisible({ timeout: 15_000 });
  await expect(confirm.getByTestId('equipment-serial')).toHaveValue(serial);
  await expect(confirm.getByTestId('equipment-mac')).toHaveValue(mac);
  await expect(confirm.getByTestId('equipment-model')).toHaveValue('G-010G-Q');
  expect(await equipmentWithSerial(serial)).toEqual([]); // nothing is used before it is confirmed

  await confirm.getByTestId('equipment-submit').click();
  await expect(confirm).toBeHidden();
  await expect(scan.badge()).toHaveAttribute('data-count', '0', { timeout: 15_000 });
  expect(await equipmentWithSerial(serial)).toMatchObject([{ mac_address: mac, dispatch_job: job.name, service_location: job.service_location }]);
});

test('the session expires mid-flush: what was not sent stays queued and goes once signed in again', async ({ asUser }) => {
  const job = await futureJobOfDemoTechnician(4);
  // Fresh: signing in again in the popup replaces this session, which others must not be reusing.
  const { page, context, shell, user } = await asUser('tech', { fresh: true, viewport: PHONE, open: `/scan?job=${job.name}` });
  const scan = new ScanPage(page);
  await scan.ready(job.name);
  await context.setOffline(true);
  const serials = [newSerial(), newSerial(), newSerial()];
  for (const serial of serials) await scan.linkByHand(serial);

  // The first create goes through, then the edge says the session is over.
  const edgePath = '/ops/api/erp/method/gigafibre.ops.link_job_equipment';
  const cookie = await sessionCookie(context);
  await edgeFaults.inject({ path: edgePath, method: 'POST', latencyMs: 1, count: 1, cookie });
  await edgeFaults.inject({ path: edgePath, method: 'POST', signIn: true, count: 50, cookie });
  await context.setOffline(false);

  await expect(shell.sessionExpiredDialog()).toBeVisible({ timeout: 15_000 });
  await expect(scan.badge()).toHaveAttribute('data-count', '2');
  expect(await equipmentWithSerial(serials[0]!)).toHaveLength(1);
  for (const serial of serials.slice(1)) {
    expect(await equipmentWithSerial(serial)).toEqual([]);
    await expect(scan.record(serial)).toHaveAttribute('data-state', 'pending');
  }
  await expect(scan.record(serials[1]!).getByTestId('queue-record-error')).toContainText('session a expiré');

  // Signing in again (in a new tab, the page keeps its state) sends the rest.
  await edgeFaults.clear();
  const [popup] = await Promise.all([context.waitForEvent('page'), shell.sessionExpiredDialog().getByRole('button', { name: 'Se reconnecter dans un nouvel onglet' }).click()]);
  await popup.waitForURL(/\/if\/flow\//);
  await new SignInPage(popup).signIn(user.email, user.password);
  await popup.close();
  await page.bringToFront();
  await page.evaluate('window.dispatchEvent(new Event("focus"))');
  await expect(shell.sessionExpiredDialog()).toBeHidden();
  await expect(scan.badge()).toHaveAttribute('data-count', '0', { timeout: 15_000 });
  for (const serial of serials) expect(await equipmentWithSerial(serial), serial).toHaveLength(1);
});

test('a refused scan shows the server’s reason, holds back nothing else, and can be fixed and resent', async ({ asUser }) => {
  const job = await futureJobOfDemoTechnician(5);
  const { page, context } = await asUser('tech', { viewport: PHONE, open: `/scan?job=${job.name}` });
  const scan = new ScanPage(page);
  await scan.ready(job.name);
  const [refusedSerial, otherSerial, fixedSerial] = [newSerial(), newSerial(), newSerial()];
  const reason = `Le numéro de série ${refusedSerial} est signalé défectueux : installez un autre appareil.`;

  // Queued offline, refused when the connection comes back (alone in flight: records of
  // different units go in parallel, and the injected fault takes the first POST to arrive).
  await context.setOffline(true);
  await scan.linkByHand(refusedSerial);
  await erpFaults.inject({ path: EQUIPMENT_POST, method: 'POST', status: 417, body: frappeErrorBody('ValidationError', reason), count: 1 });
  await context.setOffline(false);

  const refused = scan.record(refusedSerial);
  await expect(refused).toHaveAttribute('data-state', 'refused', { timeout: 15_000 });
  await expect(refused.getByTestId('queue-record-reason')).toHaveText(`Refusé par le serveur : ${reason}`);
  await expect(scan.badge()).toHaveAttribute('data-attention', 'true');
  // The refused one holds back nothing else: the next scan goes.
  await scan.linkByHand(otherSerial, { type: 'Routeur' });
  await expect(scan.record(otherSerial)).toHaveCount(0, { timeout: 15_000 });
  expect(await equipmentWithSerial(otherSerial)).toMatchObject([{ equipment_type: 'Router', dispatch_job: job.name }]);
  expect(await equipmentWithSerial(refusedSerial)).toEqual([]);

  // The queue page lists it with its reason; fix the serial and send it again.
  const queue = new ScanQueuePage(page);
  await queue.open();
  await expect(queue.record(refusedSerial).getByTestId('queue-record-reason')).toContainText(reason);
  await queue.record(refusedSerial).getByTestId('queue-fix').click();
  const dialog = page.getByTestId('queue-fix-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('equipment-serial').fill(fixedSerial);
  await dialog.getByTestId('equipment-submit').click();
  await expect(queue.empty()).toBeVisible({ timeout: 15_000 });
  expect(await equipmentWithSerial(fixedSerial)).toMatchObject([{ dispatch_job: job.name }]);
  expect(await equipmentWithSerial(refusedSerial)).toEqual([]);
});

test('a refused scan is never dropped silently: deleting it asks first', async ({ asUser }) => {
  const job = await futureJobOfDemoTechnician(6);
  const { page } = await asUser('tech', { viewport: PHONE, open: `/scan?job=${job.name}` });
  const scan = new ScanPage(page);
  await scan.ready(job.name);
  const serial = newSerial();
  await erpFaults.inject({ path: EQUIPMENT_POST, method: 'POST', status: 417, body: frappeErrorBody('LinkValidationError', 'Service Location introuvable'), count: 1 });
  await scan.linkByHand(serial);
  const record = scan.record(serial);
  await expect(record).toHaveAttribute('data-state', 'refused', { timeout: 15_000 });

  await record.getByTestId('queue-discard').click();
  const confirm = page.getByRole('dialog').filter({ hasText: 'Supprimer cet envoi ?' });
  await expect(confirm).toContainText(serial);
  await confirm.getByRole('button', { name: 'Annuler' }).click();
  await expect(record).toHaveAttribute('data-state', 'refused');

  await record.getByTestId('queue-discard').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer définitivement' }).click();
  await expect(record).toHaveCount(0);
  await expect(scan.badge()).toHaveAttribute('data-count', '0');
  expect(await equipmentWithSerial(serial)).toEqual([]);
});

test('queued scans survive closing the browser; it reopens offline on the queue and sends them later', async ({ launchOptions }) => {
  const profile = mkdtempSync(join(tmpdir(), 'ops-scan-profile-'));
  const job = await futureJobOfDemoTechnician(7);
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL: E2E_BASE_URL, viewport: PHONE, locale: 'fr-CA', timezoneId: 'America/Toronto' });
    await installStackClock(context, MAIN_STACK);
    return context;
  };
  const serials = [newSerial(), newSerial()];
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await signInThroughEdge(page, DEMO.tech, `/scan?job=${job.name}`);
    const scan = new ScanPage(page);
    await scan.ready(job.name);
    await scan.waitUntilReadyOffline();
    await context.setOffline(true);
    for (const serial of serials) await scan.linkByHand(serial);
    await expect(scan.badge()).toHaveAttribute('data-count', '2');
    await context.close(); // the browser quits

    // Restarted with the same profile, still without network: the app opens on its queue.
    context = await launch();
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    const queue = new ScanQueuePage(page);
    await queue.open();
    await expect(queue.activity()).toHaveAttribute('data-activity', 'offline');
    for (const serial of serials) await expect(queue.record(serial)).toHaveAttribute('data-state', 'pending');
    for (const serial of serials) expect(await equipmentWithSerial(serial)).toEqual([]);

    await context.setOffline(false);
    await expect(queue.empty()).toBeVisible({ timeout: 20_000 });
    for (const serial of serials) expect(await equipmentWithSerial(serial), serial).toMatchObject([{ dispatch_job: job.name }]);
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('two tabs coming back online together send each queued scan once', async ({ asUser }) => {
  const job = await futureJobOfDemoTechnician(10);
  // No service worker here: every request of both tabs is then visible to the test.
  const { page, context } = await asUser('tech', { viewport: PHONE, serviceWorkers: 'block', open: `/scan?job=${job.name}` });
  const tabA = new ScanPage(page);
  await tabA.ready(job.name);
  const tabB = new ScanPage(await context.newPage());
  await tabB.open(job.name);

  const sends = new Map<string, number>();
  context.on('request', (req) => {
    if (req.method() === 'POST' && req.url().includes('/ops/api/erp/method/gigafibre.ops.link_job_equipment')) {
      const key = req.headers()['idempotency-key'] ?? '';
      sends.set(key, (sends.get(key) ?? 0) + 1);
    }
  });
  await context.setOffline(true);
  const serials = Array.from({ length: 4 }, newSerial);
  for (const serial of serials) await tabA.linkByHand(serial);
  // The other tab sees them too (same database, told through a BroadcastChannel).
  await expect(tabB.badge()).toHaveAttribute('data-count', '4');

  await context.setOffline(false); // both tabs hear `online` and flush at once
  await expect(tabA.badge()).toHaveAttribute('data-count', '0', { timeout: 20_000 });
  await expect(tabB.badge()).toHaveAttribute('data-count', '0', { timeout: 20_000 });
  expect([...sends.values()], JSON.stringify([...sends])).toEqual([1, 1, 1, 1]);
  for (const serial of serials) expect(await equipmentWithSerial(serial), serial).toHaveLength(1);
});
