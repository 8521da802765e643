// `pnpm bench closeout`: a technician's close-out photos on a slow phone, through the real app
// (Chromium) → edge → BFF → standin ERPNext.
// 1. 10 photos of 12 MP (4000×3000 JPEG) picked at once on the job page with Chromium's CPU
//    throttled ×4: the time until all are resized (≤ 1600 px, re-encoded) and queued. Target ≤ 6 s.
// 2. 200 queued items (those 10 photos and 190 equipment links) flushed after reconnect: the time,
//    what was lost and what was sent twice (per Idempotency-Key on the wire, and in ERPNext).
//    Target ≤ 60 s, 0 lost, 0 duplicated.
// BENCH_PORT_BASE (default 8525: ERP +1, hub +2, edge +4, BFF +5), OPS_DIST, BFF_BUNDLE;
// `--no-build` reuses the built SPA. BENCH_SMOKE=1: 2 photos of 2 MP and 10 items, figures not judged.
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';
import { newScanRecord } from '../apps/ops/src/features/scan/model/scanQueueRecord';
import { waitForUrl } from '../scripts/lib/processes';
import { appStack, buildApp, erpGet, startAppStack, storeQueueRecordsScript } from './lib/appStack';
import { stopAll } from './lib/benchProcesses';
import { report, reportError, round, size, SMOKE } from './lib/report';

const PHOTOS = size(10, 2);
const ITEMS = size(200, 10);
const [PHOTO_W, PHOTO_H] = SMOKE ? [1600, 1200] : [4000, 3000];
const STACK = appStack(Number(process.env.BENCH_PORT_BASE ?? 8525));
const EDGE = STACK.edge;
const BUDGET = { resizeMs: 6_000, flushMs: 60_000 };

/** Browser code: `n` camera-like JPEGs (noise over a gradient, so they compress like photos), base64. */
function photosScript(n: number, width: number, height: number): string {
  // Kept in the page as Files, as a phone's picker hands them over: sending 40 MB through the
  // DevTools protocol (setInputFiles) under the ×4 throttling measured the test harness, not the app.
  return `(async () => {
    const files = [];
    for (let k = 0; k < ${n}; k++) {
      const canvas = new OffscreenCanvas(${width}, ${height});
      const ctx = canvas.getContext('2d');
      const g = ctx.createLinearGradient(0, 0, ${width}, ${height});
      g.addColorStop(0, 'hsl(' + (k * 37) + ', 60%, 40%)');
      g.addColorStop(1, 'hsl(' + (k * 37 + 120) + ', 60%, 60%)');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, ${width}, ${height});
      const tile = ctx.createImageData(256, 256);
      for (let i = 0; i < tile.data.length; i++) tile.data[i] = i % 4 === 3 ? 40 : Math.random() * 255;
      for (let y = 0; y < ${height}; y += 256) for (let x = 0; x < ${width}; x += 256) ctx.putImageData(tile, x, y);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      files.push(new File([blob], 'IMG_' + (1000 + k) + '.jpg', { type: 'image/jpeg' }));
    }
    globalThis.__benchPhotos = files;
    return files.map((f) => f.size);
  })()`;
}

/** Browser code: whether the service worker's cache holds the photo worker's script. */
const PHOTO_WORKER_KEPT_SCRIPT = `(async () => {
  for (const name of await caches.keys()) {
    const kept = await (await caches.open(name)).keys();
    if (kept.some((request) => new URL(request.url).pathname.includes('/assets/photo-worker-'))) return true;
  }
  return false;
})()`;

/** Polls `check` until it holds. @throws after `timeoutMs` */
async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`délai dépassé : ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Browser code: the technician picks the photos made above (the input's change, as the picker fires it). */
const PICK_PHOTOS_SCRIPT = `(() => {
  const input = document.querySelector('[data-testid="photo-input"]');
  const picked = new DataTransfer();
  for (const file of globalThis.__benchPhotos) picked.items.add(file);
  input.files = picked.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
})()`;

async function main(): Promise<void> {
  buildApp(STACK);
  await waitForUrl(`${EDGE}/ops/readyz`, { child: startAppStack(STACK) });
  const { data: jobs } = await erpGet<{ data: { name: string; service_location: string }[] }>(STACK, '/api/resource/Dispatch Job', {
    fields: ['name', 'service_location'],
    filters: [
      ['technician', '=', 'TECH-001'],
      ['status', '=', 'Scheduled'],
    ],
    limit_page_length: 1,
  });
  const job = jobs[0];
  if (!job) throw new Error('aucune intervention planifiée pour TECH-001');

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    // The app as a technician has it installed: its service worker keeps what offline work needs.
    const context = await browser.newContext({ baseURL: EDGE, viewport: { width: 390, height: 844 }, locale: 'fr-CA', timezoneId: 'America/Toronto' });
    const page = await context.newPage();
    await page.goto(`/ops/#/j/${job.name}`);
    await page.getByLabel('Adresse courriel').fill('tech@gigafibre.ca');
    await page.getByLabel('Mot de passe').fill('demo-tech');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/ops/'));
    await page.goto(`/ops/#/j/${job.name}`);
    await page.getByTestId('photo-add').waitFor();
    // Offline, photos are prepared in workers only if the service worker has kept their script
    // (the app fetches it ahead, in idle time): wait for that, as on a phone used the day before.
    await waitUntil(() => page.evaluate(PHOTO_WORKER_KEPT_SCRIPT) as Promise<boolean>, 30_000, 'le service worker garde le script du worker photo');

    // The photos are made before the throttling (the phone's camera made them, not the app).
    const sizes = (await page.evaluate(photosScript(PHOTOS, PHOTO_W, PHOTO_H))) as number[];
    const photoMb = round(sizes.reduce((sum, size) => sum + size, 0) / sizes.length / 1e6, 2);

    // 1. Offline (nothing leaves), CPU ×4: pick them all, wait until all are queued.
    await context.setOffline(true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const resizeStart = performance.now();
    await page.evaluate(PICK_PHOTOS_SCRIPT);
    // (a locator, not waitForFunction: the app's CSP forbids evaluating strings in the page)
    await page.locator('[data-testid="photo-queued"]').nth(PHOTOS - 1).waitFor({ timeout: 120_000 });
    const resizeMs = performance.now() - resizeStart;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    // 2. The rest of the 200 items: equipment links, stored as the app stores them.
    const run = randomBytes(2).toString('hex').toUpperCase().slice(0, 3);
    const serials = Array.from({ length: ITEMS - PHOTOS }, (_, i) => `CLOS${run}${i.toString(16).toUpperCase().padStart(5, '0')}`);
    const links = serials.map((serial) =>
      newScanRecord({ kind: 'link-equipment', payload: { serial, mac: null, equipmentType: 'ONT', model: null, manufacturer: null, serviceLocation: job.service_location, source: 'camera' } }, { user: 'tech@gigafibre.ca', job: job.name }),
    );
    await page.evaluate(storeQueueRecordsScript(links));
    await page.waitForSelector(`[data-testid="scan-queue-badge"][data-count="${ITEMS}"]`, { timeout: 30_000 });

    const sendsPerKey = new Map<string, number>();
    page.on('request', (req) => {
      const url = req.url();
      if (req.method() === 'POST' && (url.includes('/ops/api/erp/method/upload_file') || url.includes('/ops/api/erp/method/gigafibre.ops.link_job_equipment'))) {
        const key = req.headers()['idempotency-key'] ?? '';
        sendsPerKey.set(key, (sendsPerKey.get(key) ?? 0) + 1);
      }
    });
    const flushStart = performance.now();
    await context.setOffline(false);
    await page.waitForSelector('[data-testid="scan-queue-badge"][data-count="0"]', { timeout: 180_000 });
    const flushMs = performance.now() - flushStart;

    const { data: equipment } = await erpGet<{ data: { serial_no: string }[] }>(STACK, '/api/resource/Service Equipment', { fields: ['serial_no'], filters: [['serial_no', 'like', `CLOS${run}%`]], limit_page_length: 0 });
    const { data: photos } = await erpGet<{ data: { file_name: string; file_size: number }[] }>(STACK, '/api/resource/File', {
      fields: ['file_name', 'file_size'],
      filters: [
        ['attached_to_doctype', '=', 'Dispatch Job'],
        ['attached_to_name', '=', job.name],
      ],
      limit_page_length: 0,
    });
    const stored = new Map<string, number>();
    for (const row of equipment) stored.set(row.serial_no, (stored.get(row.serial_no) ?? 0) + 1);
    const lost = serials.filter((s) => !stored.has(s)).length + Math.max(0, PHOTOS - photos.length);
    const duplicated = [...stored.values()].reduce((sum, n) => sum + n - 1, 0) + Math.max(0, photos.length - PHOTOS) + [...sendsPerKey.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const queuedKb = round(photos.reduce((sum, p) => sum + p.file_size, 0) / Math.max(1, photos.length) / 1024, 0);

    console.log(`${PHOTOS} photos de ${round((PHOTO_W * PHOTO_H) / 1e6, 1)} MP (${photoMb} Mo) réduites et mises en file en ${round(resizeMs / 1000, 2)} s (CPU ×4), ${queuedKb} ko chacune`);
    console.log(`${ITEMS} envois (dont ${PHOTOS} photos) en ${round(flushMs / 1000, 2)} s ; perdus ${lost} ; en double ${duplicated}`);
    report(
      'closeout',
      {
        photos: PHOTOS,
        photo_megapixels: round((PHOTO_W * PHOTO_H) / 1e6, 1),
        photo_input_mb: photoMb,
        cpu_throttle: 4,
        resize_and_queue_ms: Math.round(resizeMs),
        photo_queued_kb: queuedKb,
        items: ITEMS,
        flush_ms: Math.round(flushMs),
        lost,
        duplicated,
        sends: [...sendsPerKey.values()].reduce((a, b) => a + b, 0),
        resize_budget_ms: BUDGET.resizeMs,
        flush_budget_ms: BUDGET.flushMs,
      },
      resizeMs <= BUDGET.resizeMs && flushMs <= BUDGET.flushMs && lost === 0 && duplicated === 0,
    );
  } finally {
    await browser.close();
    await stopAll();
  }
}

main().catch(async (error: unknown) => {
  reportError('closeout', error);
  await stopAll();
  process.exit(2);
});
