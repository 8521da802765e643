// `pnpm bench dispatch-board`: the dispatch board on a dense day (60 technicians, 800 jobs: tomorrow,
// whose jobs are all movable at any hour) in Chromium, against the real stack (standin + built BFF +
// built SPA, through the edge).
//  - first render: between the board's performance marks `dispatch:data-ready` (the day's data
//    arrived) and `dispatch:rendered` (the board is in the DOM) runs one synchronous block of
//    script (Vue's render, DOM creation). Its scripting time is read from a Chromium trace: the
//    main thread's CPU time between the two marks (`tts`), so other processes on a busy machine do
//    not inflate it; the wall-clock measure is reported too. Median of several fresh page loads
//    after a warm-up. Target ≤ 150 ms.
//  - drop to persisted: real mouse drags (HTML5 DnD) of Scheduled, conflict-free jobs to the queue
//    and back to their slot; each drop's `dispatch:drop-to-persisted` measure (drop handled → PUT
//    answered by ERPNext through the BFF → board updated). Target p95 ≤ 300 ms.
//  - ranking: shared/scheduling's rankTechnicians for one job against the day (all technicians,
//    every placed job with its address's coordinates), input assembly included, in this Node
//    process with the same data the board loads (the function is pure: no DOM, no network); each
//    of the day's jobs ranked once as if unplaced (each technician's first free slot searched),
//    after a warm-up. Target p95 ≤ 20 ms.
// Options: --no-build (reuse OPS_DIST / BFF_BUNDLE), BENCH_LOADS (default 7), BENCH_MOVES (default 20),
// BENCH_PORT_BASE (default 8240: ERP +1, hub +2, edge +4 (its outpost +7), BFF +5).
// BENCH_SMOKE=1: 10 technicians, 100 jobs, 1 load, 2 moves, on the build `npm test` just made.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { repoRoot as root, startStackChild, waitForUrl } from '../scripts/lib/processes';
import { parseTime } from '../apps/ops/src/features/dispatch/model/dispatchTime';
import { boardConflicts, placementOf, techProfile } from '../apps/ops/src/features/dispatch/model/dispatchConflicts';
import { rankInputFor } from '../apps/ops/src/features/dispatch/model/dispatchRanking';
import { JOB_FIELDS, LOCATION_FIELDS, TECHNICIAN_FIELDS, type BoardJob, type BoardLocation, type BoardTechnician, type Placement } from '../apps/ops/src/features/dispatch/model/dispatchTypes';
import { axisFor } from '../apps/ops/src/features/dispatch/model/dispatchTime';
import { rankTechnicians } from '../apps/ops/src/shared/scheduling/technicianRanking';
import { TIMING } from '../apps/ops/src/shared/instrumentation/timing';
import { benchGroup, stopAll } from './lib/benchProcesses';
import { percentile, report, reportError, round, size, SMOKE } from './lib/report';
import { addDays, isDstChangeDay, montrealToday } from '../packages/contracts/src/montrealTime';

const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 8240);
const PORTS = { erp: PORT_BASE + 1, hub: PORT_BASE + 2, edge: PORT_BASE + 4, bff: PORT_BASE + 5 } as const;
const BASE = `http://localhost:${PORTS.edge}`;
const ERP = `http://127.0.0.1:${PORTS.erp}`;
const ERP_TOKEN = 'bench-key:bench-secret';
const TECHNICIANS = size(60, 10);
const JOBS_PER_DAY = size(800, 100);
const LOADS = Number(process.env.BENCH_LOADS ?? size(7, 1));
const MOVES = Number(process.env.BENCH_MOVES ?? size(20, 2));
const TARGET = { firstRenderMs: 150, dropP95Ms: 300, rankingP95Ms: 20 } as const;
const MARK = TIMING.dispatch;
// Its own build by default, so that a bench does not overwrite the files a running stack serves.
const opsDist = process.env.OPS_DIST ?? `${root}apps/ops/${SMOKE ? 'dist' : 'dist-bench-dispatch'}`;
const bffBundle = process.env.BFF_BUNDLE ?? `${root}apps/bff/${SMOKE ? 'dist' : 'dist-bench-dispatch'}/index.js`;

function run(cmd: string, args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} a échoué`);
}

async function startStack(): Promise<void> {
  const stack = startStackChild(benchGroup, {
    OPS_PORT: String(PORTS.edge),
    BFF_PORT: String(PORTS.bff),
    STANDIN_ERP_PORT: String(PORTS.erp),
    STANDIN_HUB_PORT: String(PORTS.hub),
    STANDIN_ERP_TOKEN: ERP_TOKEN,
    STANDIN_DB: ':memory:',
    STANDIN_TECHNICIANS: String(TECHNICIANS),
    STANDIN_JOBS_PER_DAY: String(JOBS_PER_DAY),
    OPS_DIST: opsDist,
    BFF_BUNDLE: bffBundle,
    LOG_LEVEL: 'warn',
  });
  await waitForUrl(`${BASE}/ops/readyz`, { timeoutMs: 120_000, intervalMs: 300, child: stack });
}

async function erp<T>(path: string): Promise<T> {
  const res = await fetch(`${ERP}${path}`, { headers: { Authorization: `token ${ERP_TOKEN}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return ((await res.json()) as { data: T }).data;
}

const list = (fields: readonly string[], filters: unknown[] = []) =>
  new URLSearchParams({ fields: JSON.stringify(fields), filters: JSON.stringify(filters), limit_page_length: '0' });

/**
 * Scheduled jobs of `day` that the board itself finds nothing wrong with (the same rules: overlap,
 * shift, skill), so that bringing one back to its slot never opens the conflict dialog. The seed
 * plants one job past a shift, one overlap and one missing skill on every day.
 */
async function movableJobs(day: string, count: number): Promise<BoardJob[]> {
  const jobs = await erp<BoardJob[]>(`/api/resource/Dispatch Job?${list(JOB_FIELDS, [['scheduled_date', '=', day]])}`);
  const techs = await erp<BoardTechnician[]>(`/api/resource/Technician?${list(TECHNICIAN_FIELDS)}`);
  const dst = isDstChangeDay(day);
  const placements = jobs.map((j) => placementOf(j, dst)).filter((p): p is Placement => p !== null);
  const conflicts = boardConflicts(placements, new Map(techs.map((t) => [t.name, techProfile(t)])));
  const clean = jobs.filter((j) => j.status === 'Scheduled' && j.technician && j.start_time && !conflicts.has(j.name));
  // One job per technician, spread over the board.
  const seen = new Set<string>();
  return clean.filter((j) => !seen.has(j.technician as string) && seen.add(j.technician as string)).slice(0, count);
}

/**
 * Ranks technicians for each of the day's jobs (as if unplaced), timing each call with its input
 * assembly: the times in ms and how many technicians each ranking covered.
 */
async function rankingTimes(day: string): Promise<{ times: number[]; technicians: number; eligibleFirst: number }> {
  const jobs = await erp<BoardJob[]>(`/api/resource/Dispatch Job?${list(JOB_FIELDS, [['scheduled_date', '=', day]])}`);
  const techs = await erp<BoardTechnician[]>(`/api/resource/Technician?${list(TECHNICIAN_FIELDS)}`);
  const names = [...new Set(jobs.map((j) => j.service_location))];
  const locations = new Map<string, BoardLocation>();
  for (let i = 0; i < names.length; i += 100) {
    const chunk = await erp<BoardLocation[]>(`/api/resource/Service Location?${list(LOCATION_FIELDS, [['name', 'in', names.slice(i, i + 100)]])}`);
    for (const loc of chunk) locations.set(loc.name, loc);
  }
  const dst = isDstChangeDay(day);
  const byName = new Map(jobs.map((j) => [j.name, j]));
  const placements = jobs.map((j) => placementOf(j, dst)).filter((p): p is Placement => p !== null);
  const profiles = new Map(techs.map((t) => [t.name, techProfile(t)]));
  const sources = { profiles, placements, jobs: (name: string) => byName.get(name), locations, axis: axisFor(placements) };
  const rankOnce = (job: BoardJob) => rankTechnicians(rankInputFor(job, null, sources));
  for (const job of jobs.slice(0, 20)) rankOnce(job); // warm-up: JIT
  const times: number[] = [];
  let eligibleFirst = 0;
  for (const job of jobs) {
    const t0 = performance.now();
    const ranks = rankOnce(job);
    times.push(performance.now() - t0);
    if (ranks[0]?.eligible) eligibleFirst++;
  }
  return { times, technicians: techs.length, eligibleFirst };
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${BASE}/ops/dispatch`);
  await page.getByLabel('Adresse courriel').fill('dispatch@gigafibre.ca');
  await page.getByLabel('Mot de passe').fill('demo-dispatch');
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/ops/'));
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  tts?: number;
  tid: number;
}

/** One fresh load of the board: scripting (main-thread CPU) and wall time between its marks, in ms. */
async function firstRender(browser: Browser, page: Page, url: string): Promise<{ cpu: number; wall: number }> {
  await page.goto('about:blank');
  await browser.startTracing(page, { categories: ['blink.user_timing'] });
  await page.goto(url);
  const handle = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.duration, MARK.firstRender, { timeout: 60_000 });
  const wall = (await handle.jsonValue()) as number;
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const mark = (name: string) => traceEvents.find((e) => e.name === name && e.ph === 'I' && e.tts !== undefined);
  const ready = mark(MARK.dataReady);
  const rendered = mark(MARK.rendered);
  if (!ready?.tts || !rendered?.tts || ready.tid !== rendered.tid) throw new Error('marques de rendu absentes de la trace');
  return { cpu: (rendered.tts - ready.tts) / 1000, wall };
}

/** Scrolls the board until the technician's row is rendered (rows are virtualised). */
async function showRow(page: Page, technician: string): Promise<void> {
  const row = page.locator(`[data-row="${technician}"]`);
  const scroller = page.getByTestId('timeline-scroll');
  if ((await row.count()) > 0 && (await row.isVisible())) return;
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await page.waitForTimeout(50); // the scroll handler renders on the next frame
  for (let i = 0; i < 60 && (await row.count()) === 0; i++) {
    await scroller.evaluate((el) => (el.scrollTop += el.clientHeight * 0.7));
    await page.waitForTimeout(30);
  }
  await row.scrollIntoViewIfNeeded();
}

/**
 * The point `fraction` along the track, in the track's own coordinates, once the timeline is scrolled
 * sideways so that it is on screen (a drop outside the viewport never lands: Playwright retries it).
 */
async function slotOnScreen(page: Page, track: Locator, fraction: number): Promise<{ x: number; y: number }> {
  const scroller = page.getByTestId('timeline-scroll');
  let box = await track.boundingBox();
  const view = await scroller.boundingBox();
  if (!box || !view) throw new Error('rangée ou frise introuvable');
  const screenX = box.x + fraction * box.width;
  if (screenX < view.x + 40 || screenX > view.x + view.width - 40) {
    await scroller.evaluate((el, dx) => (el.scrollLeft += dx), screenX - (view.x + view.width / 2));
    await page.waitForTimeout(50); // the scroll handler renders on the next frame
    box = await track.boundingBox();
    if (!box) throw new Error('rangée introuvable après défilement');
  }
  return { x: fraction * box.width, y: Math.min(20, box.height / 2) };
}

async function measuredDrop(page: Page, drag: () => Promise<void>): Promise<number> {
  const before = await page.evaluate((name) => performance.getEntriesByName(name).length, MARK.dropToPersisted);
  await drag();
  const handle = await page.waitForFunction(
    ({ name, n }) => {
      const all = performance.getEntriesByName(name);
      return all.length > n ? all[all.length - 1]?.duration : undefined;
    },
    { name: MARK.dropToPersisted, n: before },
    { timeout: 15_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function moveRoundTrip(page: Page, job: BoardJob, axis: { start: number; end: number }): Promise<number[]> {
  const search = page.getByTestId('board-search');
  await search.fill(job.name);
  await page.waitForTimeout(250); // the search box's debounce
  // Enter jumps to the first match: the board scrolls to the job's row and focuses the card.
  await search.press('Enter');
  const card = page.locator(`[data-row="${job.technician}"] [data-job="${job.name}"]`);
  await card.waitFor();
  await showRow(page, job.technician as string);
  const toQueue = await measuredDrop(page, () => card.dragTo(page.getByTestId('queue'), { sourcePosition: { x: 3, y: 8 } }));
  const queued = page.locator(`[data-testid="queue"] [data-job="${job.name}"]`);
  await queued.waitFor();
  await showRow(page, job.technician as string);
  await queued.scrollIntoViewIfNeeded();
  const track = page.locator(`[data-track="${job.technician}"]`);
  const start = parseTime(job.start_time);
  if (start === null) throw new Error(`${job.name} : heure de début illisible (${job.start_time})`);
  const target = await slotOnScreen(page, track, ((start + 4 - axis.start) / (axis.end - axis.start)));
  // Grabbed at its left edge (as a dispatcher does), so the job starts where it is dropped.
  const back = await measuredDrop(page, () => queued.dragTo(track, { sourcePosition: { x: 3, y: 8 }, targetPosition: target }));
  await page.locator(`[data-row="${job.technician}"] [data-job="${job.name}"]`).waitFor();
  return [toQueue, back];
}

try {
  if (!SMOKE && !process.argv.includes('--no-build')) {
    run(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'], { OPS_DIST: opsDist });
    run(process.execPath, [`${root}apps/bff/build.mjs`], { BFF_BUNDLE: bffBundle });
  }
  if (!existsSync(`${opsDist}/index.html`) || !existsSync(bffBundle)) throw new Error(`SPA ou BFF non construits (${opsDist}, ${bffBundle}) : ${SMOKE ? 'lancez pnpm run build' : 'retirez --no-build'}`);
  await startStack();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'fr-CA', timezoneId: 'America/Toronto' });
    const page = await context.newPage();
    await signIn(page);
    // Tomorrow: the seed moves today's jobs on with the hour (in the evening they are all done and
    // none may be moved, so the bench measured no drop); tomorrow's are all Scheduled at any hour.
    const day = addDays(montrealToday(), 1);
    const url = `${BASE}/ops/dispatch?date=${day}`;

    await firstRender(browser, page, url); // warm-up: caches, JIT
    const renders: number[] = [];
    const walls: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const { cpu, wall } = await firstRender(browser, page, url);
      renders.push(cpu);
      walls.push(wall);
    }
    const cards = await page.locator('[data-job][role="button"]').count();

    const axisEl = page.locator('.dj-timeline');
    const axis = { start: Number(await axisEl.getAttribute('data-axis-start')), end: Number(await axisEl.getAttribute('data-axis-end')) };
    const drops: number[] = [];
    const movable = await movableJobs(day, MOVES);
    if (movable.length === 0) throw new Error(`aucune intervention déplaçable le ${day} : la mesure des dépôts serait vide`);
    try {
      for (const job of movable) drops.push(...(await moveRoundTrip(page, job, axis)));
    } catch (error) {
      // What the board looked like when a drag failed: the first thing to look at.
      const shot = `${tmpdir()}/dispatch-board-failure.png`;
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(`${(error as Error).message}\n(capture : ${shot})`, { cause: error });
    }

    const ranking = await rankingTimes(day);
    if (ranking.times.length === 0) throw new Error(`aucune intervention le ${day} : rien à classer`);
    const rankingP95 = percentile(ranking.times, 95);

    const firstRenderMs = percentile(renders, 50);
    const dropP95 = percentile(drops, 95);
    console.log(`premier rendu, script (ms de CPU) : ${renders.map((r) => round(r, 1)).join(', ')}`);
    console.log(`premier rendu, horloge (ms) : ${walls.map((r) => round(r, 1)).join(', ')} ; cartes rendues : ${cards}`);
    console.log(`déposer → enregistré (ms) : p50 ${round(percentile(drops, 50), 1)}, p95 ${round(dropP95, 1)}, max ${round(Math.max(...drops), 1)} sur ${drops.length}`);
    console.log(
      `classement de ${ranking.technicians} techniciens pour une intervention (ms) : p50 ${round(percentile(ranking.times, 50), 2)}, p95 ${round(rankingP95, 2)}, max ${round(Math.max(...ranking.times), 2)} sur ${ranking.times.length} ; premier proposé admissible : ${ranking.eligibleFirst}`,
    );
    report(
      'dispatch-board',
      {
        technicians: TECHNICIANS,
        jobs_per_day: JOBS_PER_DAY,
        first_render_scripting_ms: round(firstRenderMs, 1),
        first_render_scripting_max_ms: round(Math.max(...renders), 1),
        first_render_wall_ms: round(percentile(walls, 50), 1),
        drops: drops.length,
        drop_to_persisted_p50_ms: round(percentile(drops, 50), 1),
        drop_to_persisted_p95_ms: round(dropP95, 1),
        rankings: ranking.times.length,
        ranking_p50_ms: round(percentile(ranking.times, 50), 2),
        ranking_p95_ms: round(rankingP95, 2),
        ranking_max_ms: round(Math.max(...ranking.times), 2),
        target_first_render_ms: TARGET.firstRenderMs,
        target_drop_p95_ms: TARGET.dropP95Ms,
        target_ranking_p95_ms: TARGET.rankingP95Ms,
      },
      // A day without enough movable jobs would make the drop figure meaningless.
      firstRenderMs <= TARGET.firstRenderMs && dropP95 <= TARGET.dropP95Ms && rankingP95 <= TARGET.rankingP95Ms && drops.length >= Math.min(2 * MOVES, 20),
    );
  } finally {
    await browser.close();
  }
} catch (error) {
  reportError('dispatch-board', error);
} finally {
  await stopAll();
}
