// The BFF's own CPU time per request: identity (JWT, cached after the first), CSRF, policy,
// logging and proxying included. The built BFF runs in production mode in front of the standin's
// ERP; a fixed number of requests is sent for each endpoint, with the headers the edge really
// forwards (outpost identity set, X-Forwarded-*, the browser's own), and the BFF process's CPU
// time (user + system, every thread: /proc/<pid>/stat) is divided by the number of requests.
// Target: ≤ 150 µs per request for a typical ERP list call and for /ops/api/me. A third endpoint
// is a technician's list of today's jobs (the row-scoped path: the BFF adds the technician's scope
// to the filters), so the cost of scoping shows next to the dispatcher's unscoped call.
// The per-user list-row budget (OPS_RATE_LIMIT_LIST_ROWS) is set out of reach: one user sending
// 20,000 lists in seconds is exactly what it stops, and the bench measures the work per request.
//
//   BENCH_REQUESTS (default 20000) per endpoint, BENCH_CONNECTIONS (default 10),
//   BENCH_CPU_PROF=<dir> runs the BFF with --cpu-prof (profiles written to <dir> at exit),
//   BENCH_PORT_BASE (default 8710: ERP on base+1, hub +2, BFF +3). BENCH_SMOKE=1: 500 requests each.
import autocannon from 'autocannon';
import { BENCH, buildBff, cpuMicros, execedPid, issuerFor, rssMb, signEdgeJwt, startBff, startStandin, stopAll, waitFor } from './lib/benchProcesses';
import { report, reportError, round, size } from './lib/report';
import { montrealToday } from '../packages/contracts/src/montrealTime';

const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 8710);
const PORTS = { erp: PORT_BASE + 1, hub: PORT_BASE + 2, bff: PORT_BASE + 3 } as const;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? size(20_000, 500));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const TARGET_US = 150;
const LIST = `/ops/api/erp/resource/Customer?fields=${encodeURIComponent('["name","customer_name","mobile_no","email_id","territory"]')}&limit_page_length=20`;
const ME = '/ops/api/me';
/** What a technician's phone asks most: its jobs of the day (features/scan/api.ts listJobsOfDay). */
function techList(today: string): string {
  const fields = ['name', 'status', 'job_type', 'priority', 'customer', 'service_location', 'scheduled_date', 'start_time', 'duration_minutes', 'notes'];
  const filters = [['technician', '=', 'TECH-001'], ['scheduled_date', '=', today], ['status', '!=', 'Cancelled']];
  return `/ops/api/erp/resource/Dispatch%20Job?fields=${encodeURIComponent(JSON.stringify(fields))}&filters=${encodeURIComponent(JSON.stringify(filters))}&order_by=${encodeURIComponent('start_time asc')}&limit_page_length=50`;
}

/** What the edge sends the BFF for a signed-in dispatcher's XHR (Traefik + Authentik outpost). */
function edgeHeaders(jwt: string, who = { username: 'bench', email: 'bench@gigafibre.ca', name: 'Bench Dispatch', groups: 'ops-dispatch' }): Record<string, string> {
  return {
    accept: 'application/json',
    'accept-language': 'fr-CA,fr;q=0.9,en-CA;q=0.8',
    'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0 Safari/537.36',
    referer: 'https://erp.gigafibre.ca/ops/',
    cookie: 'authentik_proxy_a1b2c3=MTc1MjAwMDAwMHxEdi1CQkFFQ180SUFBUkFCRUFBQV8tLUZfNElBQlFaemRISnBibWM',
    'x-requested-with': 'gigafibre-ops',
    'x-forwarded-for': '203.0.113.7',
    'x-forwarded-host': 'erp.gigafibre.ca',
    'x-forwarded-proto': 'https',
    'x-forwarded-port': '443',
    'x-real-ip': '203.0.113.7',
    'x-authentik-username': who.username,
    'x-authentik-groups': who.groups,
    'x-authentik-email': who.email,
    'x-authentik-name': who.name,
    'x-authentik-uid': 'a3f1c2d4e5b6',
    'x-authentik-jwt': jwt,
    'x-authentik-meta-outpost': 'authentik Embedded Outpost',
    'x-authentik-meta-provider': 'gigafibre-ops',
    'x-authentik-meta-app': 'gigafibre-ops',
    'x-authentik-meta-version': '2025.10.0',
  };
}

interface Measure {
  cpuUsPerReq: number;
  requests: number;
  errors: number;
  rps: number;
}

function run(url: string, headers: Record<string, string>, amount: number, pid: number): Promise<Measure> {
  const before = cpuMicros(pid);
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: CONNECTIONS, amount }, (err, result) => {
      if (err) return reject(err);
      const used = cpuMicros(pid) - before;
      const ok = result['2xx'];
      resolve({ cpuUsPerReq: used / Math.max(1, ok), requests: ok, errors: result.errors + result.non2xx + result.timeouts, rps: ok / result.duration });
    });
  });
}

try {
  const bundle = await buildBff();
  startStandin({ erp: PORTS.erp, hub: PORTS.hub });
  const profDir = process.env.BENCH_CPU_PROF;
  const bff = startBff(bundle, PORTS.bff, PORTS, issuerFor(), { OPS_RATE_LIMIT_LIST_ROWS: '999999/1s' }, profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []);
  await waitFor(`http://127.0.0.1:${PORTS.erp}/api/method/ping`, { authorization: `token ${BENCH.erpToken}` });
  await waitFor(`http://127.0.0.1:${PORTS.bff}/ops/readyz`);
  const pid = await execedPid(bff);

  const jwt = signEdgeJwt({ sub: 'a3f1c2d4e5b6', email: 'bench@gigafibre.ca', name: 'Bench Dispatch', preferred_username: 'bench', groups: ['ops-dispatch'] }, issuerFor());
  const headers = edgeHeaders(jwt);
  const techClaims = { sub: 'c7d8e9f0a1b2', email: 'tech@gigafibre.ca', name: 'Jean-François Roy', preferred_username: 'tech', groups: ['ops-tech'] };
  const techHeaders = edgeHeaders(signEdgeJwt(techClaims, issuerFor()), { username: 'tech', email: techClaims.email, name: 'Jean-Francois Roy', groups: 'ops-tech' });
  const TECH = techList(montrealToday(new Date()));
  const base = `http://127.0.0.1:${PORTS.bff}`;

  // Warm up (JIT, connection pools, the verified-token cache), then measure each endpoint.
  await run(base + LIST, headers, 3000, pid);
  await run(base + ME, headers, 3000, pid);
  await run(base + TECH, techHeaders, 3000, pid);
  const list = await run(base + LIST, headers, REQUESTS, pid);
  const me = await run(base + ME, headers, REQUESTS, pid);
  const tech = await run(base + TECH, techHeaders, REQUESTS, pid);
  const rss = rssMb(pid);
  console.log(`ERP list: ${round(list.cpuUsPerReq, 1)} µs CPU/request (${list.requests} requests, ${round(list.rps, 0)} req/s)`);
  console.log(`/ops/api/me: ${round(me.cpuUsPerReq, 1)} µs CPU/request (${me.requests} requests, ${round(me.rps, 0)} req/s)`);
  console.log(`technician's jobs (scoped): ${round(tech.cpuUsPerReq, 1)} µs CPU/request (${tech.requests} requests, ${round(tech.rps, 0)} req/s)`);
  await stopAll();
  const errors = list.errors + me.errors + tech.errors;
  report(
    'proxy-cpu',
    {
      list_endpoint: `GET ${decodeURIComponent(LIST)}`,
      requests_per_endpoint: REQUESTS,
      connections: CONNECTIONS,
      erp_list_cpu_us_per_req: round(list.cpuUsPerReq, 1),
      me_cpu_us_per_req: round(me.cpuUsPerReq, 1),
      tech_list_cpu_us_per_req: round(tech.cpuUsPerReq, 1),
      erp_list_rps: round(list.rps, 0),
      me_rps: round(me.rps, 0),
      tech_list_rps: round(tech.rps, 0),
      bff_rss_mb: round(rss, 1),
      target_us_per_req: TARGET_US,
      errors,
    },
    list.cpuUsPerReq <= TARGET_US && me.cpuUsPerReq <= TARGET_US && tech.cpuUsPerReq <= TARGET_US && errors === 0 && [list, me, tech].every((m) => m.requests === REQUESTS),
  );
} catch (err) {
  reportError('proxy-cpu', err);
  await stopAll();
}
