// What the BFF costs in front of ERPNext, and what the reverse proxy in front of it adds: the same
// list call (`GET /api/resource/Customer`, 20 rows, two fields) made
//   - directly to the standin's ERP,
//   - to the built BFF (JWT verified, policy checked, proxied with the service token),
//   - through nginx configured as production's Traefik + Authentik ForwardAuth (scripts/lib/
//     nginx-edge.conf: an auth_request to the outpost, played by the standin, for every call, then
//     the BFF over a keep-alive pool), with a signed-in session cookie,
// alternating rounds in one run so all see the same machine. Reports req/s each way, the ratios to
// direct, the latency added (p50/p99), and the CPU each process spends per request.
// Target (BFF): ratio ≥ 0.6 and added p50 ≤ 1 ms. The nginx figures are reported, not judged.
//
// BENCH_SECONDS (default 5) per round, BENCH_ROUNDS (default 3), BENCH_CONNECTIONS (default 10),
// BENCH_PORT_BASE (default 8600: ERP +1, hub +2, BFF +3, outpost +4, nginx +5), BENCH_NGINX=0 to
// leave nginx out (it is also left out, and said so, when it is not installed). BENCH_SMOKE=1: one
// round of 1 s after 1 s of warm-up.
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { nginxPath, nginxProblem, writeNginxFiles, type NginxFiles } from '../scripts/lib/nginxEdge';
import { BENCH, buildBff, issuerFor, startBff, startChild, startStandin, stopAll, treeCpuMicros, waitFor, signEdgeJwt } from './lib/benchProcesses';
import { percentile, report, reportError, round, size } from './lib/report';

const SECONDS = Number(process.env.BENCH_SECONDS ?? size(5, 1));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? size(3, 1));
const WARM_SECONDS = size(2, 1);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const BASE = Number(process.env.BENCH_PORT_BASE ?? 8600);
const PORTS = { erp: BASE + 1, hub: BASE + 2, bff: BASE + 3, outpost: BASE + 4, nginx: BASE + 5 } as const;
const LIST = '/resource/Customer?fields=%5B%22name%22%2C%22customer_name%22%5D&limit_page_length=20';
const nginxSkipped = process.env.BENCH_NGINX === '0' ? 'BENCH_NGINX=0' : nginxProblem(nginxPath(process.env));

interface Round {
  rps: number;
  latencies: number[];
  errors: number;
  /** What the errors were: non-2xx statuses and socket errors by code, so a failing run says why. */
  problems: Record<string, number>;
  cpuUsPerReq: Record<string, number>;
}

interface Target {
  url: string;
  headers: Record<string, string>;
}

function load(target: Target, seconds: number, watch: Record<string, number>): Promise<Round> {
  const cpuBefore = Object.fromEntries(Object.entries(watch).map(([name, pid]) => [name, treeCpuMicros(pid)]));
  const loadBefore = process.cpuUsage();
  const latencies: number[] = [];
  const problems: Record<string, number> = {};
  const count = (key: string) => (problems[key] = (problems[key] ?? 0) + 1);
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url: target.url, headers: target.headers, connections: CONNECTIONS, duration: seconds }, (err, result) => {
      if (err) return reject(err);
      const requests = Math.max(1, result['2xx']);
      const cpuUsPerReq = Object.fromEntries(Object.entries(watch).map(([name, pid]) => [name, (treeCpuMicros(pid) - (cpuBefore[name] as number)) / requests]));
      const used = process.cpuUsage(loadBefore);
      cpuUsPerReq.autocannon = (used.user + used.system) / requests;
      resolve({ rps: result['2xx'] / result.duration, latencies, errors: result.errors + result.non2xx, problems, cpuUsPerReq });
    });
    // autocannon's own histogram has 1 ms resolution; keep the exact per-response times.
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) latencies.push(responseTime);
      else count(`HTTP ${status}`);
    });
    instance.on('reqError', (error: NodeJS.ErrnoException) => count(error.code ?? error.message));
  });
}

/** A session cookie from the outpost's sign-in flow, through nginx, as a browser gets one. */
async function signIn(origin: string): Promise<string> {
  const res = await fetch(`${origin}/if/flow/default-authentication-flow/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    body: new URLSearchParams({ email: 'dispatch@gigafibre.ca', password: 'demo-dispatch', next: '/ops/' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (res.status !== 302 || cookie === '') throw new Error(`sign-in through nginx failed (${res.status})`);
  return cookie;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
let nginxFiles: NginxFiles | undefined;

try {
  const bundle = await buildBff();
  const withNginx = nginxSkipped === null;
  // The JWT issuer is the edge's origin: nginx's when it is there (the outpost signs for it).
  const issuer = issuerFor(withNginx ? PORTS.nginx : undefined);
  const standin = startStandin(withNginx ? { erp: PORTS.erp, hub: PORTS.hub, edge: PORTS.outpost, bffs: [PORTS.bff] } : { erp: PORTS.erp, hub: PORTS.hub }, { STANDIN_JWT_ISSUER: issuer });
  const bff = startBff(bundle, PORTS.bff, PORTS, issuer, {
    TRUSTED_PROXIES: '127.0.0.1/32,::1/128',
    // One user's thousands of lists a second is what the list-row budget stops; the bench measures work per request.
    OPS_RATE_LIMIT_LIST_ROWS: '999999/1s',
  });
  let nginx: ChildProcess | undefined;
  if (withNginx) {
    nginxFiles = writeNginxFiles({ listenPort: PORTS.nginx, outpostPort: PORTS.outpost, bffPorts: [PORTS.bff], faults: false });
    nginx = startChild('nginx', nginxPath(process.env), nginxFiles.args, {});
  }

  const erpAuth = { authorization: `token ${BENCH.erpToken}` };
  await waitFor(`http://127.0.0.1:${PORTS.erp}/api/method/ping`, erpAuth);
  await waitFor(`http://127.0.0.1:${PORTS.bff}/ops/readyz`);
  const jwt = signEdgeJwt({ sub: 'bench', email: 'bench@gigafibre.ca', name: 'Bench', preferred_username: 'bench', groups: ['ops-dispatch'] }, issuer);
  const targets: Record<string, Target> = {
    direct: { url: `http://127.0.0.1:${PORTS.erp}/api${LIST}`, headers: erpAuth },
    bff: { url: `http://127.0.0.1:${PORTS.bff}/ops/api/erp${LIST}`, headers: { 'x-authentik-jwt': jwt, 'x-authentik-email': 'bench@gigafibre.ca' } },
  };
  if (withNginx) {
    const origin = `http://127.0.0.1:${PORTS.nginx}`;
    await waitFor(`${origin}/ops/readyz`);
    targets.nginx = { url: `${origin}/ops/api/erp${LIST}`, headers: { cookie: await signIn(origin) } };
  }
  const watch = { bff: bff.pid as number, standin: standin.pid as number, ...(nginx && { nginx: nginx.pid as number }) };
  const legs = Object.keys(targets);

  // Warm every path (JIT, connection pools, the token caches), then alternate.
  for (const leg of legs) await load(targets[leg] as Target, WARM_SECONDS, {});
  const rounds: Record<string, Round>[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const r: Record<string, Round> = {};
    for (const leg of legs) r[leg] = await load(targets[leg] as Target, SECONDS, watch);
    console.log(`round ${i + 1}: ${legs.map((leg) => `${leg} ${round((r[leg] as Round).rps, 0)} req/s p50 ${round(percentile((r[leg] as Round).latencies, 50), 3)} ms`).join(' | ')}`);
    rounds.push(r);
  }

  const all = (leg: string) => rounds.flatMap((r) => (r[leg] as Round).latencies);
  const rps = (leg: string) => mean(rounds.map((r) => (r[leg] as Round).rps));
  const cpu = (leg: string, proc: string) => mean(rounds.map((r) => (r[leg] as Round).cpuUsPerReq[proc] ?? 0));
  const added = (leg: string, p: number, over = 'direct') => percentile(all(leg), p) - percentile(all(over), p);
  const ratio = rps('bff') / rps('direct');
  const errors = rounds.reduce((n, r) => n + legs.reduce((m, leg) => m + (r[leg] as Round).errors, 0), 0);
  const figures: Record<string, number | string | boolean> = {
    endpoint: `GET /api${decodeURIComponent(LIST)}`,
    connections: CONNECTIONS,
    rounds: ROUNDS,
    round_seconds: SECONDS,
    direct_rps: round(rps('direct'), 0),
    bff_rps: round(rps('bff'), 0),
    ratio: round(ratio, 3),
    direct_p50_ms: round(percentile(all('direct'), 50), 3),
    bff_p50_ms: round(percentile(all('bff'), 50), 3),
    added_p50_ms: round(added('bff', 50), 3),
    added_p99_ms: round(added('bff', 99), 3),
    bff_cpu_us_per_req: round(cpu('bff', 'bff'), 0),
    standin_cpu_us_per_req: round(cpu('direct', 'standin'), 0),
    autocannon_cpu_us_per_req: round(cpu('direct', 'autocannon'), 0),
    nginx: withNginx ? 'nginx-edge.conf (auth_request to the outpost, keep-alive pool to the BFF)' : `skipped: ${nginxSkipped}`,
  };
  if (withNginx) {
    Object.assign(figures, {
      nginx_rps: round(rps('nginx'), 0),
      nginx_ratio: round(rps('nginx') / rps('direct'), 3),
      nginx_ratio_to_bff: round(rps('nginx') / rps('bff'), 3),
      nginx_p50_ms: round(percentile(all('nginx'), 50), 3),
      nginx_added_p50_ms: round(added('nginx', 50), 3),
      nginx_added_p99_ms: round(added('nginx', 99), 3),
      nginx_added_p50_over_bff_ms: round(added('nginx', 50, 'bff'), 3),
      nginx_cpu_us_per_req: round(cpu('nginx', 'nginx'), 0),
      // The outpost's answer to nginx's auth_request, once per call, is the standin's work on this leg.
      outpost_and_erp_cpu_us_per_req: round(cpu('nginx', 'standin'), 0),
    });
  }
  figures.errors = errors;
  if (errors > 0) {
    const detail = (leg: string) => {
      const sum: Record<string, number> = {};
      for (const r of rounds) for (const [k, n] of Object.entries((r[leg] as Round).problems)) sum[k] = (sum[k] ?? 0) + n;
      return Object.entries(sum).map(([k, n]) => `${k} ×${n}`).join(', ');
    };
    figures.errors_detail = legs.map((leg) => `${leg}: ${detail(leg) || '0'}`).join(' ; ');
  }
  console.log(`\n${JSON.stringify(figures, null, 1)}`);
  await stopAll();
  nginxFiles?.remove();
  report('proxy-overhead', figures, ratio >= 0.6 && (figures.added_p50_ms as number) <= 1 && errors === 0);
} catch (err) {
  reportError('proxy-overhead', err);
  await stopAll();
  nginxFiles?.remove();
  process.exitCode = 2;
}
