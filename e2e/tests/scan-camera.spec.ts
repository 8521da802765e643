// Live camera scanning with Chromium's fake camera: the video is generated here from a real
// barcode (bwip-js → Y4M), and the serial must be decoded from the camera stream by the app.
// A unit registered at another client is refused (issue 22: a technician never moves equipment
// across clients); the office moves it.
import { join } from 'node:path';
import { expect, test as signedInTest } from '../fixtures/auth';
import { fakeCameraArgs, writeBarcodeVideo } from '../fixtures/fakeCamera';
import { equipmentWithSerial, futureJobOfDemoTechnician, newMac, newSerial, registerEquipment } from '../fixtures/scanStandin';
import { ScanPage } from '../pages/ScanPage';

const PHONE = { width: 390, height: 844 };

/** One label per worker, filmed by the fake camera for the worker's whole browser. */
const test = signedInTest.extend<object, { label: { serial: string; mac: string; video: string } }>({
  label: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use, workerInfo) => {
      const serial = newSerial();
      const mac = newMac();
      const video = await writeBarcodeVideo(join(workerInfo.project.outputDir, `fake-camera-w${workerInfo.workerIndex}.y4m`), {
        bcid: 'qrcode',
        text: `S/N:${serial};MAC:${mac};MODEL:G-010G-Q`,
      });
      await use({ serial, mac, video });
    },
    { scope: 'worker' },
  ],
  launchOptions: [
    async ({ launchOptions, label }, use) => {
      await use({ ...launchOptions, args: [...(launchOptions.args ?? []), ...fakeCameraArgs(label.video)] });
    },
    { scope: 'worker' },
  ],
});

test('the rear camera reads the label’s code: serial, MAC and model fill the form, then it is linked', async ({ asUser, label }) => {
  const job = await futureJobOfDemoTechnician(0);
  const { page } = await asUser('tech', { viewport: PHONE, open: `/scan?job=${job.name}` });
  const scan = new ScanPage(page);
  await scan.ready(job.name);

  await scan.cameraOpen().click();
  await expect(scan.cameraState()).toHaveAttribute('data-state', /starting|running/);
  // Decoded from the video stream, not typed. Alone here it reads within seconds; the whole suite
  // on two busy cores once took past 15 s (the camera running, the QR code in view), hence 30.
  await expect(scan.serial()).toHaveValue(label.serial, { timeout: 30_000 });
  await expect(scan.mac()).toHaveValue(label.mac);
  await expect(scan.model()).toHaveValue('G-010G-Q');
  await expect(scan.typeButton('ONT')).toHaveAttribute('aria-pressed', 'true');
  // One read is enough in single mode: the camera closes.
  await expect(scan.cameraOpen()).toBeVisible();

  await scan.submit().click();
  await expect(scan.badge()).toHaveAttribute('data-count', '0', { timeout: 15_000 });
  expect(await equipmentWithSerial(label.serial)).toMatchObject([
    { mac_address: label.mac, equipment_type: 'ONT', dispatch_job: job.name, service_location: job.service_location },
  ]);
});

test('continuous mode takes a code that stays in view once; a unit registered at another client is refused, never moved or duplicated', async ({ asUser, label }) => {
  // The label's unit is registered at a client (the first test links it to its job; made here when it ran alone)…
  const unit = (await equipmentWithSerial(label.serial))[0] ?? (await registerEquipment(label.serial, label.mac, await futureJobOfDemoTechnician(0)));
  // …and is scanned on this technician's job at another client: a technician never moves equipment across clients.
  let job = await futureJobOfDemoTechnician(1);
  for (let pick = 2; job.customer === unit.customer && pick < 20; pick++) job = await futureJobOfDemoTechnician(pick);
  expect(job.customer).not.toBe(unit.customer);
  const { page } = await asUser('tech', { viewport: PHONE, open: `/scan?job=${job.name}` });
  const scan = new ScanPage(page);
  await scan.ready(job.name);

  // Chosen before opening: in single mode the code in view would be read and the camera closed at once.
  await scan.continuousToggle().click();
  await expect(scan.continuousToggle()).toHaveAttribute('aria-checked', 'true');
  await scan.cameraOpen().click();
  // The fake camera films the same label without end: it is queued once, however long it stays.
  await expect(scan.record(label.serial)).toHaveCount(1, { timeout: 15_000 });
  await expect(scan.page.getByTestId('camera-state')).toHaveAttribute('data-state', 'running');
  await expect(scan.record(label.serial)).toHaveAttribute('data-state', 'refused', { timeout: 15_000 });
  await expect(scan.record(label.serial).getByTestId('queue-record-reason')).toContainText('appartient à un équipement d’un autre client');
  // Two more seconds of video with the code still in view: nothing more may be queued.
  const video = page.getByTestId('camera-video');
  const playedSeconds = () => video.evaluate((v) => (v as unknown as { currentTime: number }).currentTime);
  const shownAt = await playedSeconds();
  await expect.poll(playedSeconds, { timeout: 10_000 }).toBeGreaterThan(shownAt + 2);
  await expect(scan.records()).toHaveCount(1);

  // The unit stayed where it was registered, once.
  const rows = await equipmentWithSerial(label.serial);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ service_location: unit.service_location, customer: unit.customer });
  await page.getByTestId('camera-close').click();
  await expect(scan.cameraOpen()).toBeVisible();
});
