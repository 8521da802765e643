// Soak: 10 minutes of mixed traffic through the standin edge (Traefik + Authentik's role) and two
// built BFF replicas (production mode) in front of the standin's ERP and hub, with fault injection:
//   - lists (customers, today's dispatch jobs, /ops/api/me) by dispatchers and support, 45/s;
//   - writes (a dispatch job's notes) by a dispatcher, 4/s;
//   - event streams opening, reading for 1–8 s and closing, 20 at a time;
//   - faults on paths only the fault worker uses: ERP 503, ERP latency, ERP connection reset,
//     hub 500; each followed by a normal call that must succeed.
// An unexpected error is any other status, a network error, or a stream that fails to open or
// dies on its own. BFF memory: each replica's RSS, sampled every 5 s; growth compares the lowest
// RSS of the last 3 minutes with the lowest of the 3 minutes from minute 2 (see below why), with
// V8's young generation pinned (BFF_NODE_ARGS, below).
// Target: 0 unexpected errors, RSS growth < 10 % on each replica.
//
//   SOAK_SECONDS or `--seconds N` (default 600) for shorter development runs (windows of a quarter).
//   BENCH_PORT_BASE (default 8750: edge, ERP +1, hub +2, BFFs +3 and +4). BENCH_SMOKE=1: 16 s.
//   To tell a leak from the sawtooth: BENCH_BFF_NODE_ARGS="--expose-gc --import ./bench/lib/gcProbe.mjs"
//   logs each replica's heap after a forced full GC every 10 s (see that file).
import { get } from 'node:http';
import { DEMO } from '../apps/standin/src/edge/demo-users';
import { FaultClient, type FaultRule } from '../apps/standin/src/faults/client';
import { FIXTURE_JOBS } from '../apps/standin/src/seed/fixtures';
import { montrealToday } from '../packages/contracts/src/montrealTime';
import { buildBff, execedPid, issuerFor, rssMb, startBff, startStandin, stopAll, waitFor } from './lib/benchProcesses';
import { report, reportError, round, size } from './lib/report';

const arg = process.argv.indexOf('--seconds');
const SECONDS = Number(arg > -1 ? process.argv[arg + 1] : (process.env.SOAK_SECONDS ?? size(600, 16)));
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 8750);
const PORTS = { edge: PORT_BASE, erp: PORT_BASE + 1, hub: PORT_BASE + 2, bffs: [PORT_BASE + 3, PORT_BASE + 4] } as const;
const EDGE = `http://127.0.0.1:${PORTS.edge}`;
const CONCURRENT_STREAMS = 20;
// Steady rates: 3 listers × 15 calls/s, 4 writes/s, a fault (and its recovery call) every second.
const LIST_INTERVAL_MS = 1000 / 15;
const WRITE_INTERVAL_MS = 250;
const FAULT_INTERVAL_MS = 1000;
const TARGET_GROWTH = 0.1;
// V8 grows its young generation in steps (semi-spaces 2 → 4 → 8 → 16 MB, two of them) once enough
// objects survive its scavenges, at moments of its choosing (1 to 7 minutes into these runs), and
// shrinks it only on an idle GC: up to ~28 MB of RSS that is no leak (the live heap after a full
// GC stays flat), which the floor comparison read as growth, or not, by chance: on the BFF before
// the shared event subscription +19 % / +19 % (another run +1 % / +4 %), after it +35 % / +40 %
// and +25 % / +25 %. The replicas run with it pinned at the size V8 reaches under this load anyway
// (16 MB, its default maximum on 64-bit Node 20), so the floors follow the old generation and
// native memory, where a leak shows. How much it takes to fail (measured): a BFF that kept every
// closed stream (~9 KB each, ~1,100 streams per replica in the windows) read +6.6 % / +7.3 %, a
// floor rising all along but under 10 %; per-stream retention is caught by a test instead
// (apps/bff/test/streams.spec.ts, « keeps nothing of browsers that left »).
const BFF_NODE_ARGS = ['--min-semi-space-size=16', '--max-semi-space-size=16'];

const counts = { lists: 0, writes: 0, faultsExpected: 0, faultRecoveries: 0, streamsOpened: 0, streamEvents: 0 };
const unexpected: string[] = [];
let running = true;

function fail(what: string): void {
  unexpected.push(`${new Date().toISOString()} ${what}`);
  if (unexpected.length <= 20) console.error(`unexpected: ${what}`);
}

async function signIn(email: string, password: string): Promise<string> {
  const res = await fetch(`${EDGE}/if/flow/default-authentication-flow/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, next: '/ops/' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  if (res.status !== 302 || !cookie) throw new Error(`sign-in ${email}: HTTP ${res.status}`);
  return cookie;
}

/** One call through the edge; returns the status, or the network error's code. */
async function call(cookie: string, path: string, init: RequestInit = {}): Promise<number | string> {
  try {
    const res = await fetch(`${EDGE}${path}`, { ...init, redirect: 'manual', headers: { Cookie: cookie, 'X-Requested-With': 'gigafibre-ops', ...(init.headers ?? {}) } });
    await res.arrayBuffer();
    return res.status;
  } catch (err) {
    return (err as Error & { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits out the rest of `intervalMs` since `started`: a steady rate, whatever the machine's speed,
 *  so the first and last minutes carry the same load and their memory can be compared. */
const pace = (started: number, intervalMs: number) => pause(Math.max(0, intervalMs - (Date.now() - started)));
const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
const today = montrealToday();

/** Reads lists in a loop, as a dispatcher or a CSR browsing. */
async function lister(cookie: string): Promise<void> {
  const paths = [
    `/ops/api/erp/resource/Customer?fields=${q(['name', 'customer_name', 'mobile_no', 'territory'])}&limit_page_length=20`,
    `/ops/api/erp/resource/Dispatch%20Job?fields=${q(['name', 'status', 'technician', 'start_time'])}&filters=${q([['scheduled_date', '=', today]])}&limit_page_length=200`,
    '/ops/api/me',
    `/ops/api/erp/resource/Customer?filters=${q([['customer_name', 'like', '%Trem%']])}&limit_page_length=10`,
  ];
  for (let i = 0; running; i++) {
    const started = Date.now();
    const path = paths[i % paths.length] as string;
    const status = await call(cookie, path);
    if (status === 200) counts.lists++;
    else fail(`GET ${path.slice(0, 60)} → ${status}`);
    await pace(started, LIST_INTERVAL_MS);
  }
}

/** Writes a job's notes every 200 ms. */
async function writer(cookie: string): Promise<void> {
  for (let i = 0; running; i++) {
    const started = Date.now();
    const status = await call(cookie, `/ops/api/erp/resource/Dispatch%20Job/${FIXTURE_JOBS.unassignedToday.job}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ notes: `Note de soak ${i}` }),
    });
    if (status === 200) counts.writes++;
    else fail(`PUT Dispatch Job → ${status}`);
    await pace(started, WRITE_INTERVAL_MS);
  }
}

/** Opens a stream, reads it for 1–8 s, closes it; again, until the end. */
async function streamer(cookie: string): Promise<void> {
  while (running) {
    const holdMs = 1000 + Math.random() * 7000;
    await new Promise<void>((done) => {
      let closedByUs = false;
      const req = get(`${EDGE}/ops/api/hub/events`, { agent: false, headers: { Cookie: cookie, Accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) {
          fail(`stream → ${res.statusCode}`);
          res.resume();
          return done();
        }
        counts.streamsOpened++;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (counts.streamEvents += chunk.split('\nevent: ').length - 1));
        res.on('close', () => {
          if (!closedByUs) fail('stream ended by the server');
          done();
        });
        setTimeout(() => {
          closedByUs = true;
          req.destroy();
        }, holdMs);
      });
      req.on('error', (err) => {
        if (!closedByUs) {
          fail(`stream: ${err.message}`);
          done();
        }
      });
    });
  }
}

interface FaultCase {
  service: FaultClient;
  rule: FaultRule;
  path: string;
  /** Statuses the browser may see while the fault is active. */
  expected: number[];
}

/** Injects one fault at a time on its own path, checks the answer, then checks recovery. */
async function faulter(cookie: string, erp: FaultClient, hub: FaultClient): Promise<void> {
  const technicians = '/ops/api/erp/resource/Technician?limit_page_length=5';
  const lookup = '/ops/api/hub/devices/lookup?serial=ALCLB2C4D601';
  const cases: FaultCase[] = [
    { service: erp, rule: { path: '/api/resource/Technician', status: 503, body: { exc_type: 'ServiceUnavailable' } }, path: technicians, expected: [503] },
    { service: erp, rule: { path: '/api/resource/Technician', latencyMs: 300 }, path: technicians, expected: [200] },
    // A reset on a reused pooled connection is retried once by the BFF (GET): 200; else 502.
    { service: erp, rule: { path: '/api/resource/Technician', reset: true }, path: technicians, expected: [502, 200] },
    { service: hub, rule: { path: '/devices/lookup', status: 500, body: { error: 'GenieACS injoignable' } }, path: lookup, expected: [500] },
  ];
  for (let i = 0; running; i++) {
    const started = Date.now();
    const c = cases[i % cases.length] as FaultCase;
    await c.service.inject({ ...c.rule, count: 1 });
    const status = await call(cookie, c.path);
    if (typeof status === 'number' && c.expected.includes(status)) counts.faultsExpected++;
    else fail(`fault ${JSON.stringify(c.rule)} → ${status}, expected ${c.expected.join('/')}`);
    const recovered = await call(cookie, c.path);
    if (recovered === 200) counts.faultRecoveries++;
    else fail(`after fault ${JSON.stringify(c.rule)} → ${recovered}`);
    await pace(started, FAULT_INTERVAL_MS);
  }
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

try {
  const bundle = await buildBff();
  startStandin({ erp: PORTS.erp, hub: PORTS.hub, edge: PORTS.edge, bffs: [...PORTS.bffs] }, { STANDIN_FAULTS: '1' });
  // Three identities stand in for a whole office's lists (45 a second): the per-user row budget,
  // meant for one person, is set out of reach; the access suites test it.
  const bffs = PORTS.bffs.map((port) => startBff(bundle, port, PORTS, issuerFor(PORTS.edge), { OPS_PUBLIC_ORIGIN: EDGE, OPS_RATE_LIMIT_LIST_ROWS: '999999/1s' }, BFF_NODE_ARGS));
  for (const port of PORTS.bffs) await waitFor(`http://127.0.0.1:${port}/ops/readyz`);
  await waitFor(`${EDGE}/ops/healthz`);
  const pids = await Promise.all(bffs.map(execedPid));

  const [dispatch, dispatch2, support] = await Promise.all([
    signIn(DEMO.dispatch.email, DEMO.dispatch.password),
    signIn(DEMO.dispatch2.email, DEMO.dispatch2.password),
    signIn(DEMO.support.email, DEMO.support.password),
  ]);
  const erp = new FaultClient(`http://127.0.0.1:${PORTS.erp}`);
  const hub = new FaultClient(`http://127.0.0.1:${PORTS.hub}`);

  const samples: { t: number; rss: number[] }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => samples.push({ t: (Date.now() - started) / 1000, rss: pids.map(rssMb) }), 5000);
  const progress = setInterval(() => {
    const last = samples.at(-1);
    console.log(`${round((Date.now() - started) / 1000, 0)} s: ${counts.lists} lists, ${counts.writes} writes, ${counts.streamsOpened} streams, ${counts.faultsExpected} faults, ${unexpected.length} unexpected; RSS ${last?.rss.map((r) => round(r, 0)).join(' / ')} MB`);
  }, 60_000);

  const workers = [
    lister(dispatch),
    lister(dispatch2),
    lister(support),
    writer(dispatch),
    faulter(dispatch2, erp, hub),
    ...Array.from({ length: CONCURRENT_STREAMS }, (_, i) => streamer([dispatch, dispatch2, support][i % 3] as string)),
  ];
  await pause(SECONDS * 1000);
  running = false;
  await Promise.all(workers);
  clearInterval(sampler);
  clearInterval(progress);
  await stopAll();

  // Memory: V8's heap makes RSS a sawtooth (garbage piles up for minutes, then a major GC), so a
  // leak shows as a rising floor. Growth = lowest RSS of the last window over lowest RSS of the
  // window starting at minute 2 (3-minute windows; a quarter of the run for short runs). The means
  // of the same windows are reported too.
  const from = Math.min(120, SECONDS / 4);
  const span = Math.min(180, SECONDS / 4);
  const rssIn = (a: number, b: number, i: number) => samples.filter((s) => s.t >= a && s.t <= b).map((s) => s.rss[i] as number);
  const growth = pids.map((_, i) => {
    const first = rssIn(from, from + span, i);
    const last = rssIn(SECONDS - span, SECONDS + 1, i);
    return { base: Math.min(...first), end: Math.min(...last), growth: Math.min(...last) / Math.min(...first) - 1, meanGrowth: mean(last) / mean(first) - 1, peak: Math.max(...rssIn(0, SECONDS + 1, i)) };
  });
  const worst = Math.max(...growth.map((g) => g.growth));
  report(
    'soak',
    {
      duration_s: SECONDS,
      replicas: pids.length,
      lists: counts.lists,
      writes: counts.writes,
      streams_opened: counts.streamsOpened,
      stream_events: counts.streamEvents,
      faults_injected_as_expected: counts.faultsExpected,
      fault_recoveries: counts.faultRecoveries,
      unexpected_errors: unexpected.length,
      rss_floor_from_minute_2_mb: growth.map((g) => round(g.base, 1)).join(' / '),
      rss_floor_end_mb: growth.map((g) => round(g.end, 1)).join(' / '),
      rss_growth_pct: growth.map((g) => round(g.growth * 100, 1)).join(' / '),
      rss_mean_growth_pct: growth.map((g) => round(g.meanGrowth * 100, 1)).join(' / '),
      rss_peak_mb: growth.map((g) => round(g.peak, 1)).join(' / '),
      rss_window_s: span,
      bff_node_args: BFF_NODE_ARGS.join(' '),
    },
    unexpected.length === 0 && worst < TARGET_GROWTH && counts.lists > 0 && counts.writes > 0 && counts.streamsOpened > 0 && counts.faultsExpected > 0,
  );
} catch (err) {
  reportError('soak', err);
  await stopAll();
}
