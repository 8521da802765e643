// The scan queue against the BFF's hardening: a 429 waits the server's Retry-After (the scan stays
// queued, never refused), a photo over the upload limit (413) is refused with a reason the
// technician can act on. What reached ERPNext is checked on the standin's own API.
import { randomBytes } from 'node:crypto';
import { FaultClient } from '../../apps/standin/src/faults/client';
import { renderLabel } from '../../apps/standin/src/testing/label-image';
import { E2E_BASE_URL } from '../stack-env';
import { expect, sessionCookie, test } from '../fixtures/auth';
import { expectNoSeriousAxeViolation } from '../fixtures/axe';
import { equipmentWithSerial, futureJobOfDemoTechnician, newSerial } from '../fixtures/scanStandin';
import { ScanPage, ScanQueuePage } from '../pages/ScanPage';

const PHONE = { width: 390, height: 844 };
const edgeFaults = new FaultClient(E2E_BASE_URL);
const EQUIPMENT_POST = '/ops/api/erp/method/gigafibre.ops.link_job_equipment';
// Long enough for the test to reach « réessayer » during the wait on a loaded machine.
const RETRY_AFTER_S = 8;

test.afterEach(async () => {
  await edgeFaults.clear();
});

test('a 429 keeps the scan queued, counts down its Retry-After, and sends it once the wait is over', async ({ asUser }, testInfo) => {
  const job = await futureJobOfDemoTechnician(11);
  // No service worker: every request of the page is then visible to the test.
  const { page, context } = await asUser('tech', { viewport: PHONE, serviceWorkers: 'block', open: `/scan?job=${job.name}` });
  const scan = new ScanPage(page);
  await scan.ready(job.name);
  const posts: { key: string; at: number }[] = [];
  context.on('request', (req) => {
    if (req.method() === 'POST' && req.url().includes(EQUIPMENT_POST)) posts.push({ key: req.headers()['idempotency-key'] ?? '', at: Date.now() });
  });
  await edgeFaults.inject({
    path: EQUIPMENT_POST,
    method: 'POST',
    status: 429,
    headers: { 'Retry-After': String(RETRY_AFTER_S) },
    body: { error: 'rate_limited', message: `Trop de demandes : réessayez dans ${RETRY_AFTER_S} s.` },
    count: 1,
    cookie: await sessionCookie(context),
  });

  const serial = newSerial();
  await scan.linkByHand(serial);
  const record = scan.record(serial);
  // RETRY_AFTER_S plus up to a second at random, counted down (a no-break space before the unit).
  await expect(record.getByTestId('queue-rate-limited')).toHaveText(/^Trop de requêtes, nouvel essai dans [1-9]\u00a0s$/);
  await expect(record).toHaveAttribute('data-state', 'pending');
  await expect(scan.badge()).toHaveAttribute('data-attention', 'false');

  // « Réessayer maintenant » does not skip the server's wait.
  const queue = new ScanQueuePage(page);
  await queue.open();
  await expect(queue.activity().getByTestId('queue-rate-limited')).toContainText('Trop de requêtes, nouvel essai dans');
  await queue.retryNow().click();
  const clickedAt = Date.now();
  await expectNoSeriousAxeViolation(page, testInfo, 'file-envoi-trop-de-requetes');
  await expect(queue.empty()).toBeVisible({ timeout: 20_000 });

  expect(posts, JSON.stringify(posts)).toHaveLength(2);
  const [first, second] = posts as [(typeof posts)[0], (typeof posts)[0]];
  expect(second.key).toBe(first.key);
  expect(clickedAt).toBeLessThan(first.at + RETRY_AFTER_S * 1000); // the tap came during the wait…
  expect(second.at - first.at).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000); // …and did not cut it short
  expect(await equipmentWithSerial(serial)).toMatchObject([{ dispatch_job: job.name, service_location: job.service_location }]);
});

test('a label photo over the upload limit is refused with a reason, and taking another one sends it', async ({ asUser }, testInfo) => {
  const job = await futureJobOfDemoTechnician(12);
  const { page } = await asUser('tech', { viewport: PHONE, open: `/scan?job=${job.name}` });
  const scan = new ScanPage(page);
  await scan.ready(job.name);

  // 9 MiB the browser cannot decode (HEIC on some phones): sent as it is, over the BFF's 8 MiB.
  await scan.photoInput().setInputFiles({ name: 'etiquette.heic', mimeType: 'image/heic', buffer: randomBytes(9 * 1024 * 1024) });
  const photo = scan.records().filter({ hasText: 'Photo d’étiquette' });
  await expect(photo).toHaveAttribute('data-state', 'refused', { timeout: 20_000 });
  await expect(photo.getByTestId('queue-record-reason')).toContainText('Photo trop volumineuse (9 Mo) : reprenez-la, ou choisissez-en une plus petite.');
  await expect(photo.getByTestId('queue-record-reason')).toContainText('au plus 8 Mo');
  await expect(scan.badge()).toHaveAttribute('data-attention', 'true');
  await expectNoSeriousAxeViolation(page, testInfo, 'photo-refusee');

  const serial = newSerial();
  const label = await renderLabel([{ bcid: 'qrcode', text: `S/N:${serial};MODEL:G-010G-Q` }]);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), photo.getByTestId('queue-retake').click()]);
  await chooser.setFiles({ name: 'etiquette.png', mimeType: 'image/png', buffer: label });

  const confirm = scan.ocrConfirm();
  await expect(confirm).toBeVisible({ timeout: 15_000 });
  await expect(confirm.getByTestId('equipment-serial')).toHaveValue(serial);
  await expect(scan.records().filter({ hasText: 'Photo trop volumineuse' })).toHaveCount(0);
  await confirm.getByTestId('equipment-submit').click();
  await expect(scan.badge()).toHaveAttribute('data-count', '0', { timeout: 15_000 });
  expect(await equipmentWithSerial(serial)).toMatchObject([{ dispatch_job: job.name }]);
});
