// `pnpm bench scan-queue`: 500 scans queued offline flush after the network comes back, through the
// real app (Chromium) → edge → BFF → standin ERPNext. Reports the flush time, what was lost and
// what was sent twice (counted per Idempotency-Key on the wire, and checked in ERPNext), and the
// scan route's first-load JS (gzip) without the camera reader (@zxing, loaded when the camera opens).
// Targets: flush ≤ 15 s, 0 lost, 0 duplicated, first load ≤ 120 kB.
//
// SCAN_BENCH_RECORDS (default 500), BENCH_PORT_BASE (default 8505: ERP +1, hub +2, edge +4 (its
// outpost +7), BFF +5), OPS_DIST, BFF_BUNDLE; `--no-build` reuses the built SPA.
// BENCH_SMOKE=1: 20 scans, on the build `npm test` just made.
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';
import { linkKeyOf, newScanRecord, type ScanQueueRecord } from '../apps/ops/src/features/scan/model/scanQueueRecord';
import { waitForUrl } from '../scripts/lib/processes';
import { appStack, buildApp, erpGet, startAppStack, storeQueueRecordsScript } from './lib/appStack';
import { stopAll } from './lib/benchProcesses';
import { FirstLoad, kb } from './lib/firstLoad';
import { report, reportError, round, size } from './lib/report';

const RECORDS = Number(process.env.SCAN_BENCH_RECORDS ?? size(500, 20));
const STACK = appStack(Number(process.env.BENCH_PORT_BASE ?? process.env.SCAN_BENCH_PORT_BASE ?? 8505));
const EDGE = STACK.edge;
const DIST = STACK.dist;
const BUDGET = { flushMs: 15_000, scanFirstLoadKb: 120 };

/** First-load JS of the scan route: the shell (what index.html loads), the page and its French messages. */
function scanFirstLoad(): { kb: number; shellKb: number; zxingInFirstLoad: boolean } {
  const build = new FirstLoad(DIST);
  const shell = build.closure(build.shellKeys);
  const scan = build.closure(['src/features/scan/pages/ScanPage.vue', 'src/features/scan/messages/frCA.ts'], shell);
  return { kb: kb(build.sizes(scan).js), shellKb: kb(build.sizes(shell).js), zxingInFirstLoad: [...scan.modules].some((key) => key.includes('@zxing')) };
}

async function main(): Promise<void> {
  buildApp(STACK);
  const firstLoad = scanFirstLoad();
  await waitForUrl(`${EDGE}/ops/readyz`, { child: startAppStack(STACK) });

  const { data: jobs } = await erpGet<{ data: { name: string; service_location: string }[] }>(STACK, '/api/resource/Dispatch Job', {
    fields: ['name', 'service_location'],
    filters: [['technician', '=', 'TECH-001']],
    limit_page_length: 1,
  });
  const job = jobs[0];
  if (!job) throw new Error('aucune intervention pour TECH-001');

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    // No service worker: every request of the page is then visible here, to count sends per key.
    const context = await browser.newContext({ baseURL: EDGE, viewport: { width: 390, height: 844 }, locale: 'fr-CA', timezoneId: 'America/Toronto', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto('/ops/scan/queue');
    await page.getByLabel('Adresse courriel').fill('tech@gigafibre.ca');
    await page.getByLabel('Mot de passe').fill('demo-tech');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/ops/'));
    // The queue page: the busiest screen while it flushes (the badge is on every page).
    await page.goto('/ops/scan/queue');
    await page.getByTestId('scan-queue-badge').waitFor();

    // 500 scans taken offline, as the app stores them (same record shape, same database).
    await context.setOffline(true);
    const run = randomBytes(2).toString('hex').toUpperCase().slice(0, 3);
    const serials = Array.from({ length: RECORDS }, (_, i) => `BNCH${run}${i.toString(16).toUpperCase().padStart(5, '0')}`);
    const records: ScanQueueRecord[] = serials.map((serial) =>
      newScanRecord(
        { kind: 'link-equipment', payload: { serial, mac: null, equipmentType: 'ONT', model: null, manufacturer: null, serviceLocation: job.service_location, source: 'camera' } },
        { user: 'tech@gigafibre.ca', job: job.name },
      ),
    );
    await page.evaluate(storeQueueRecordsScript(records));
    await page.waitForSelector(`[data-testid="scan-queue-badge"][data-count="${RECORDS}"]`, { timeout: 30_000 });

    const sendsPerKey = new Map<string, number>();
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().includes('/ops/api/erp/method/gigafibre.ops.link_job_equipment')) {
        const key = req.headers()['idempotency-key'] ?? '';
        sendsPerKey.set(key, (sendsPerKey.get(key) ?? 0) + 1);
      }
    });

    const progress = setInterval(() => void page.getByTestId('scan-queue-badge').getAttribute('data-count').then((n) => console.log(`  en attente : ${n}`)).catch(() => undefined), 5_000);
    const started = performance.now();
    await context.setOffline(false); // the app flushes on `online`
    await page.waitForSelector('[data-testid="scan-queue-badge"][data-count="0"]', { timeout: 120_000 });
    const flushMs = performance.now() - started;
    clearInterval(progress);

    const { data: rows } = await erpGet<{ data: { serial_no: string; dispatch_job: string }[] }>(STACK, '/api/resource/Service Equipment', {
      fields: ['serial_no', 'dispatch_job'],
      filters: [['serial_no', 'like', `BNCH${run}%`]],
      limit_page_length: 0,
    });
    const stored = new Map<string, number>();
    for (const row of rows) if (row.dispatch_job === job.name) stored.set(row.serial_no, (stored.get(row.serial_no) ?? 0) + 1);
    const lost = serials.filter((s) => !stored.has(s)).length;
    const duplicatedRows = [...stored.values()].reduce((sum, n) => sum + n - 1, 0);
    const duplicatedSends = [...sendsPerKey.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    // Sent under the app's own key for a link (linkKeyOf); any other key is a send this bench did not make.
    const keys = new Set(records.map(linkKeyOf));
    const unknownSends = [...sendsPerKey.keys()].filter((key) => !keys.has(key)).length;

    console.log(`${RECORDS} scans envoyés en ${round(flushMs / 1000, 2)} s (${round(RECORDS / (flushMs / 1000), 1)}/s) ; perdus ${lost} ; en double ${duplicatedRows + duplicatedSends}`);
    console.log(
      `premier chargement de /scan sans @zxing : ${firstLoad.kb} kB gzip (coquille ${firstLoad.shellKb} + page ${round(firstLoad.kb - firstLoad.shellKb, 1)})${firstLoad.zxingInFirstLoad ? ' — @zxing est dans le premier chargement !' : ''}`,
    );
    const pass =
      flushMs <= BUDGET.flushMs && lost === 0 && duplicatedRows === 0 && duplicatedSends === 0 && unknownSends === 0 && firstLoad.kb <= BUDGET.scanFirstLoadKb && !firstLoad.zxingInFirstLoad;
    report(
      'scan-queue',
      {
        records: RECORDS,
        flush_ms: Math.round(flushMs),
        records_per_s: round(RECORDS / (flushMs / 1000), 1),
        lost,
        duplicated: duplicatedRows + duplicatedSends,
        sends: [...sendsPerKey.values()].reduce((a, b) => a + b, 0),
        unknown_sends: unknownSends,
        scan_route_first_load_js_gzip_kb: firstLoad.kb,
        shell_first_load_js_gzip_kb: firstLoad.shellKb,
        scan_page_own_js_gzip_kb: round(firstLoad.kb - firstLoad.shellKb, 1),
        zxing_in_first_load: firstLoad.zxingInFirstLoad,
        flush_budget_ms: BUDGET.flushMs,
        first_load_budget_kb: BUDGET.scanFirstLoadKb,
      },
      pass,
    );
  } finally {
    await browser.close();
    await stopAll();
  }
}

main().catch(async (error: unknown) => {
  reportError('scan-queue', error);
  await stopAll();
  process.exit(2);
});
