// Issue 18: a technician closes a job on the phone with the network cut in the middle and a reload:
// en route, on site, a photo (a JPEG with EXIF orientation and GPS), the customer's signature, the
// checklist and notes, completion. Back online, ERPNext holds each exactly once (times, files
// attached and private, the photo upright at ≤ 1600 px without EXIF), and a dispatcher's board and
// job drawer show it live (times, notes, photo enlarged, signature). A technician cannot read a photo
// of another technician's job.
import { join } from 'node:path';
import { FaultClient } from '../../apps/standin/src/faults/client';
import { FIXTURE_JOBS, FIXTURE_TECHNICIANS } from '../../apps/standin/src/seed/fixtures';
import { expect, test } from '../fixtures/auth';
import { expectNoSeriousAxeViolation } from '../fixtures/axe';
import { attachAsOffice, closeoutOf, commentsOn, fileBytes, filesOf, jpegFacts, reassignAsOffice } from '../fixtures/closeoutStandin';
import { futureJobOfDemoTechnician } from '../fixtures/scanStandin';
import { DispatchBoardPage } from '../pages/DispatchBoardPage';
import { ScanPage, ScanQueuePage } from '../pages/ScanPage';
import { E2E_ERP_URL } from '../stack-env';
import { TechJobPage } from '../pages/TechJobPage';

const PHONE = { width: 390, height: 844 };
const TECH = FIXTURE_TECHNICIANS.demo.technician;
/** 2400×1800 as stored, EXIF Orientation 6 (shown 1800×2400, portrait) and a GPS position. */
const EXIF_PHOTO = join(import.meta.dirname, '../fixtures/photos/exif-orientation6-gps.jpg');
const erpFaults = new FaultClient(E2E_ERP_URL);

test.afterEach(async () => {
  await erpFaults.clear();
});

test('offline close-out with a reload: every step, the photo and the signature reach ERPNext once; the board follows live', async ({ asUser }, testInfo) => {
  test.setTimeout(120_000); // two browsers, a phone going offline and back, two reloads: 30 s alone, over 60 s beside another worker
  const target = await futureJobOfDemoTechnician(5, 'Installation');
  const dispatcher = await asUser('dispatch', { open: `/dispatch?date=${target.scheduled_date}` });
  const board = new DispatchBoardPage(dispatcher.page);
  await board.waitReady();
  await board.showRow(TECH);
  const card = board.boardCard(target.name, TECH);
  await expect(card).toHaveAttribute('data-status', 'Scheduled');

  const { page, context } = await asUser('tech', { viewport: PHONE, serviceWorkers: 'allow', open: `/j/${target.name}` });
  const job = new TechJobPage(page);
  await job.open(target.name);
  await new ScanPage(page).waitUntilReadyOffline();

  // Online: en route, at once on the dispatcher's board.
  await job.advance();
  await expect(card).toHaveAttribute('data-status', 'En Route', { timeout: 10_000 });
  await expect(job.steps()).toHaveCount(1);
  // The dispatcher opens the job: its close-out so far (the departure), followed live from here on.
  await card.click();
  const closeout = board.drawer().getByTestId('drawer-closeout');
  await expect(closeout.getByTestId('drawer-closeout-steps').locator('li')).toHaveCount(1);

  // The network goes: on site, a photo, then the completion with checklist, signature and notes.
  await context.setOffline(true);
  await job.advance();
  await expect(job.status()).toHaveAttribute('data-status', 'In Progress');
  await page.getByTestId('photo-input').setInputFiles(EXIF_PHOTO);
  await expect(page.getByTestId('photo-queued')).toHaveCount(1);
  await job.nextStatus().click();
  await job.tickChecklist();
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('no signature pad');
  await page.mouse.move(box.x + 20, box.y + 120);
  await page.mouse.down();
  for (const [x, y] of [[80, 40], [140, 130], [200, 50], [260, 120]] as const) await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
  await page.mouse.up();
  await expect(pad).toHaveAttribute('data-strokes', '1');
  await page.getByTestId('signature-name').fill('Claire Tremblay');
  await page.getByTestId('closeout-notes').fill('ONT installé au sous-sol, Wi-Fi montré.');
  await expectNoSeriousAxeViolation(page, testInfo, 'fermeture-signature');
  await page.getByTestId('closeout-submit').click();
  await expect(job.closeoutDialog()).toHaveCount(0);
  await expect(job.status()).toHaveAttribute('data-status', 'Completed');
  await expect(job.status()).toHaveAttribute('data-queued', 'true');

  // A reload with no network: everything is still queued, nothing reached ERPNext.
  await page.reload();
  await expect(page.locator('main h1')).toHaveText(`Intervention ${target.name}`);
  await expect(job.status()).toHaveAttribute('data-status', 'Completed');
  await expect(page.getByTestId('photo-queued')).toHaveCount(1);
  expect((await closeoutOf(target.name)).status).toBe('En Route');
  expect(await filesOf(target.name)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('fermeture-hors-ligne.png'), fullPage: true });

  // Back online: the queue empties, the board turns Terminée live.
  await context.setOffline(false);
  await expect(job.status()).toHaveAttribute('data-queued', 'false', { timeout: 20_000 });
  await expect(card).toHaveAttribute('data-status', 'Completed', { timeout: 10_000 });
  const closed = await closeoutOf(target.name);
  expect(closed).toMatchObject({ status: 'Completed', completion_notes: 'ONT installé au sous-sol, Wi-Fi montré.', failure_reason: null });
  expect(JSON.parse(closed.checklist_done ?? '[]')).toEqual(expect.arrayContaining(['ont-light', 'speed-test', 'site-clean']));
  expect([closed.en_route_at, closed.arrived_at, closed.closed_at].every(Boolean)).toBe(true);
  expect(String(closed.en_route_at) <= String(closed.arrived_at) && String(closed.arrived_at) <= String(closed.closed_at)).toBe(true);

  // Exactly one photo and one signature, private.
  const files = await filesOf(target.name);
  // (photo and signature travel in parallel chains: either may land first)
  expect(files.map((f) => f.file_name.replace(/-\d{14}-\d+\.jpg$/, '.jpg')).sort()).toEqual([`photo-${target.name}.jpg`, `signature-${target.name}.png`]);
  expect(files.every((f) => f.is_private === 1 && f.file_url === `/private/files/${f.file_name}`)).toBe(true);
  // The photo: upright (the orientation applied: portrait), at most 1600 px, no EXIF, no GPS, a few hundred kB.
  const photoFile = files.find((f) => f.file_name.startsWith('photo-')) as { file_url: string };
  const photo = await fileBytes(photoFile.file_url);
  expect(jpegFacts(photo)).toEqual({ width: 1200, height: 1600, exif: false, gps: false });
  expect(photo.length).toBeLessThan(1_500_000);
  expect(photo.includes(Buffer.from('GigafibreTestCam'))).toBe(false);

  // The dispatcher's drawer, open since « en route », follows: the three times, the notes, the
  // checklist, the photo (enlarged on a click) and the signature, read through the BFF.
  await expect(closeout.getByTestId('drawer-closeout-steps').locator('li')).toHaveCount(3, { timeout: 10_000 });
  await expect(closeout.getByTestId('drawer-closeout-notes')).toContainText('ONT installé au sous-sol, Wi-Fi montré.');
  await expect(closeout.getByTestId('drawer-closeout-checklist')).toContainText('sur 4');
  await expect(closeout.getByTestId('drawer-closeout-photo')).toHaveCount(1);
  const signature = closeout.getByTestId('drawer-closeout-signature').locator('img');
  await expect.poll(() => signature.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
  await closeout.getByTestId('drawer-closeout-photo').click();
  const enlarged = dispatcher.page.getByTestId('drawer-closeout-enlarged');
  await expect(enlarged).toBeVisible();
  await expect.poll(() => enlarged.locator('img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1200);
  await expectNoSeriousAxeViolation(dispatcher.page, testInfo, 'tiroir-photo-agrandie');
  await dispatcher.page.keyboard.press('Escape');
  await expect(enlarged).toHaveCount(0);
  await expectNoSeriousAxeViolation(dispatcher.page, testInfo, 'tiroir-fermeture');
  await dispatcher.page.screenshot({ path: testInfo.outputPath('tiroir-fermeture.png') });

  // The page shows the sent photo from ERPNext; a reload sends nothing again.
  await expect(page.getByTestId('photo-sent')).toHaveCount(1);
  await page.reload();
  await expect(page.locator('main h1')).toHaveText(`Intervention ${target.name}`);
  await expect(page.getByTestId('photo-queued')).toHaveCount(0);
  expect(await filesOf(target.name)).toHaveLength(2);
  await expect(job.steps()).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath('fermeture-terminee.png'), fullPage: true });

  // The dispatcher reads it through the BFF; the technician cannot read a photo of another
  // technician's job (attached by the office), whatever its URL.
  const url = `/ops/api/erp${photoFile.file_url}`;
  expect((await dispatcher.page.request.get(url)).status()).toBe(200);
  const theirs = await attachAsOffice(FIXTURE_JOBS.overlapTarget.job, `photo-autre-${Date.now()}.jpg`, photo);
  expect((await page.request.get(`/ops/api/erp${theirs}`)).status()).toBe(403);
  expect((await dispatcher.page.request.get(`/ops/api/erp${theirs}`)).status()).toBe(200);
});

test('« Non complétée » asks for a reason from the list (details for « Autre ») and lands with its time', async ({ asUser }) => {
  const target = await futureJobOfDemoTechnician(6, 'Repair');
  const { page } = await asUser('tech', { viewport: PHONE, open: `/j/${target.name}` });
  const job = new TechJobPage(page);
  await job.open(target.name);
  await job.advance();
  await page.getByTestId('job-fail').click();
  const dialog = job.closeoutDialog();
  await dialog.getByTestId('closeout-submit').click();
  await expect(dialog.getByRole('alert')).toContainText('Choisissez une raison');
  await dialog.getByText('Autre', { exact: true }).click();
  await dialog.getByTestId('closeout-submit').click();
  await expect(dialog).toContainText('Précisez la raison « Autre »');
  await dialog.getByText('Client absent').click();
  await dialog.getByTestId('closeout-details').fill('Personne à la porte, carte laissée');
  await dialog.getByTestId('closeout-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(job.status()).toHaveAttribute('data-status', 'Not Completed');
  await expect.poll(async () => (await closeoutOf(target.name)).failure_reason, { timeout: 15_000 }).toBe('Customer Absent');
  await expect(page.getByTestId('job-failure-reason')).toContainText('Client absent', { timeout: 10_000 });
  await expect(job.nextStatus()).toHaveCount(0);
  await expect(page.getByTestId('job-fail')).toHaveCount(0);
});

test('a photo whose upload first meets a 503 stays queued, is sent again with the same key, and lands once', async ({ asUser }) => {
  const target = await futureJobOfDemoTechnician(7, 'Repair');
  const { page, context } = await asUser('tech', { viewport: PHONE, open: `/j/${target.name}` });
  const job = new TechJobPage(page);
  await job.open(target.name);
  await context.setOffline(true);
  await page.getByTestId('photo-input').setInputFiles(EXIF_PHOTO);
  await expect(page.getByTestId('photo-queued')).toHaveCount(1);
  await erpFaults.inject({ path: '/api/method/upload_file', method: 'POST', status: 503, body: { exc_type: 'ServiceUnavailable' }, count: 1 });
  await context.setOffline(false);
  // Retried after its backoff (a few seconds), never refused: a 5xx is transient.
  await expect(page.getByTestId('photo-queued')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('photo-sent')).toHaveCount(1, { timeout: 10_000 });
  expect((await filesOf(target.name)).filter((f) => f.file_name.startsWith('photo-'))).toHaveLength(1);
  await new ScanQueuePage(page).open();
  await expect(page.getByTestId('scan-queue-badge')).toHaveAttribute('data-count', '0');
});

test('a job reassigned while the phone was offline: its step is kept and handed to dispatch, the technician is told', async ({ asUser }) => {
  const target = await futureJobOfDemoTechnician(13, 'Relocation');
  const { page, context } = await asUser('tech', { viewport: PHONE, open: `/j/${target.name}` });
  const job = new TechJobPage(page);
  await job.open(target.name);
  // No reload offline here: the queued step lives in IndexedDB, the page stays as it is.
  await context.setOffline(true);
  await job.advance();
  await expect(job.status()).toHaveAttribute('data-queued', 'true');
  // Meanwhile dispatch gives the job to another technician.
  await reassignAsOffice(target.name, FIXTURE_TECHNICIANS.second.technician);
  await context.setOffline(false);

  // Not applied (the job is not theirs), not lost: kept in the queue, saying why, in French.
  const queue = new ScanQueuePage(page);
  await expect(page.getByTestId('scan-queue-badge')).toHaveAttribute('data-attention', 'true', { timeout: 20_000 });
  await queue.open();
  const record = queue.record('en route');
  await expect(record).toHaveAttribute('data-state', 'refused');
  await expect(record.getByTestId('queue-record-reason')).toContainText(`L’intervention ${target.name} a été confiée à un autre technicien`);
  // Dispatch has it, once: a Comment on the job, shown in the job's drawer.
  expect((await commentsOn(target.name)).filter((c) => c.includes('Statut « en route »'))).toHaveLength(1);
  const dispatcher = await asUser('dispatch', { open: `/dispatch?job=${target.name}` });
  await expect(new DispatchBoardPage(dispatcher.page).drawer().getByTestId('drawer-closeout-late-item')).toContainText('intervention réassignée');
  expect((await closeoutOf(target.name)).status).toBe('Scheduled');
});
