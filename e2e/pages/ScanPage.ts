// « Scanner » (/ops/scan?job=…) and the send queue (/ops/scan/queue): the technician's scanning screens.
import { expect, type Locator, type Page } from '@playwright/test';

export class ScanPage {
  constructor(readonly page: Page) {}

  readonly cameraOpen = () => this.page.getByTestId('camera-open');
  readonly cameraState = () => this.page.getByTestId('camera-state');
  readonly continuousToggle = () => this.page.getByTestId('camera-continuous');
  readonly serial = () => this.page.getByTestId('equipment-card').getByTestId('equipment-serial');
  readonly mac = () => this.page.getByTestId('equipment-card').getByTestId('equipment-mac');
  readonly model = () => this.page.getByTestId('equipment-card').getByTestId('equipment-model');
  readonly submit = () => this.page.getByTestId('equipment-card').getByTestId('equipment-submit');
  readonly photoInput = () => this.page.getByTestId('photo-input');
  readonly ocrConfirm = () => this.page.getByTestId('ocr-confirm');
  readonly badge = () => this.page.getByTestId('scan-queue-badge');
  readonly records = () => this.page.getByTestId('queue-record');

  /** Opens the scan page for `job` and waits until it can take a scan. */
  async open(job: string): Promise<void> {
    await this.page.goto(`/ops/scan?job=${job}`);
    await this.ready(job);
  }

  async ready(job: string): Promise<void> {
    await expect(this.page.getByTestId('scan-job')).toContainText(job);
    await expect(this.cameraOpen()).toBeVisible();
    await expect(this.serial()).toBeEditable();
    await expect(this.badge()).toBeVisible();
  }

  /** The equipment type button (`ONT`, `Routeur`, `Nœud mesh`). */
  typeButton(label: string): Locator {
    return this.page.getByTestId('equipment-card').getByRole('button', { name: label, exact: true });
  }

  /** Types a serial (and MAC) and links it; waits until it is in the queue. */
  async linkByHand(serial: string, options: { mac?: string; type?: string } = {}): Promise<void> {
    await this.serial().fill(serial);
    if (options.mac) await this.mac().fill(options.mac);
    if (options.type) await this.typeButton(options.type).click();
    await this.submit().click();
    await expect(this.serial()).toHaveValue('');
  }

  /** The queued record whose title names `text` (a serial). */
  record(text: string): Locator {
    return this.records().filter({ hasText: text });
  }

  /**
   * Waits until the service worker controls the page and keeps what an offline reload needs (the
   * app warms the scan chunks in idle time and hands them to the worker). A first install on a busy
   * machine (another worker's board loading beside it) has taken more than 15 s.
   */
  async waitUntilReadyOffline(): Promise<void> {
    // (Functions, not strings: the app's CSP forbids eval. The DOM types are not in this project's lib.)
    type Browser = { navigator: { serviceWorker?: { controller: unknown } }; caches: { open(name: string): Promise<{ keys(): Promise<{ url: string }[]> }> } };
    await this.page.waitForFunction(() => (globalThis as unknown as Browser).navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
    const kept = () =>
      this.page.evaluate(async () => {
        const cache = await (globalThis as unknown as Browser).caches.open('gigafibre-ops-shell-v2');
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
    const pages = ['ScanPage-', 'ScanQueuePage-', 'ScanEquipmentCard-', 'ScanVisitQueue-', 'ScanJobContext-'];
    await expect
      .poll(async () => {
        const paths = await kept();
        return paths.includes('/ops/index.html') && pages.every((name) => paths.some((p) => p.startsWith(`/ops/assets/${name}`)));
      }, { timeout: 20_000, message: 'le service worker garde la coquille et les pages de scan' })
      .toBe(true);
  }
}

export class ScanQueuePage {
  constructor(readonly page: Page) {}

  readonly activity = () => this.page.getByTestId('queue-activity');
  readonly retryNow = () => this.page.getByTestId('queue-retry');
  readonly records = () => this.page.getByTestId('queue-record');
  readonly empty = () => this.page.getByTestId('queue-empty');

  async open(): Promise<void> {
    await this.page.goto('/ops/scan/queue');
    await expect(this.page.locator('main h1')).toHaveText('File d’envoi');
  }

  record(text: string): Locator {
    return this.records().filter({ hasText: text });
  }
}
