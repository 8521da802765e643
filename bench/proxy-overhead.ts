// What the BFF costs in front of ERPNext: the same list call (`GET /api/resource/Customer`, 20 rows,
// two fields) made directly to the standin's ERP and through the built BFF (JWT verified, policy
// checked, proxied with the service token), alternating rounds in one run so both see the same
// machine. Reports req/s both ways, their ratio, the latency the BFF adds (p50/p99), and the CPU
// each process spends per request. Target: ratio ≥ 0.6 and added p50 ≤ 1 ms.
//
// BENCH_SECONDS (default 5) per round, BENCH_ROUNDS (default 3), BENCH_CONNECTIONS (default 10).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { percentile, report, round } from './lib/report';

const root = fileURLToPath(new URL('..', import.meta.url));
const PORTS = { erp: 8601, hub: 8602, bff: 8603 } as const;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ERP_TOKEN = 'bench-key:bench-secret';
const HUB_TOKEN = 'bench-hub-token';
const JWT_SECRET = 'bench-jwt-secret-long-enough-for-hs256-0123456789';
const ISSUER = 'http://localhost/application/o/gigafibre-ops/';
const AUDIENCE = 'gigafibre-ops';
const LIST = '/resource/Customer?fields=%5B%22name%22%2C%22customer_name%22%5D&limit_page_length=20';

const children: ChildProcess[] = [];

function start(name: string, command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited early (${signal ?? code}):\n${stderr}`);
      process.exit(2);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
async function stopAll(): Promise<void> {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

async function waitFor(url: string, headers: Record<string, string>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { headers })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready after ${timeoutMs / 1000} s`);
}

/** User + system CPU time so far of a process and its descendants (tsx runs the standin in a child), in µs (Linux /proc). */
function cpuMicros(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0; // gone
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  const own = (ticks * 1e6) / 100; // USER_HZ is 100 on Linux
  return own + (children === '' ? 0 : children.split(' ').reduce((sum, child) => sum + cpuMicros(Number(child)), 0));
}

/** The edge's HS256 JWT, as the Authentik outpost injects it (signed by hand: no JWT library needed here). */
function signEdgeJwt(claims: Record<string, unknown>): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', JWT_SECRET).update(unsigned).digest('base64url')}`;
}

interface Round {
  rps: number;
  latencies: number[];
  requests: number;
  errors: number;
  cpuUsPerReq: Record<string, number>;
}

function load(url: string, headers: Record<string, string>, seconds: number, watch: Record<string, number>): Promise<Round> {
  const cpuBefore = Object.fromEntries(Object.entries(watch).map(([name, pid]) => [name, cpuMicros(pid)]));
  const loadBefore = process.cpuUsage();
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, headers, connections: CONNECTIONS, duration: seconds }, (err, result) => {
      if (err) return reject(err);
      const requests = result['2xx'];
      const cpuUsPerReq = Object.fromEntries(Object.entries(watch).map(([name, pid]) => [name, (cpuMicros(pid) - (cpuBefore[name] as number)) / Math.max(1, requests)]));
      const load = process.cpuUsage(loadBefore);
      cpuUsPerReq.autocannon = (load.user + load.system) / Math.max(1, requests);
      resolve({ rps: requests / result.duration, latencies, requests, errors: result.errors + result.non2xx, cpuUsPerReq });
    });
    // autocannon's own histogram has 1 ms resolution; keep the exact per-response times.
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) latencies.push(responseTime);
    });
  });
}

try {
  const bffBuild = spawn(process.execPath, ['apps/bff/build.mjs'], { cwd: root, stdio: 'inherit' });
  await new Promise<void>((resolve, reject) => bffBuild.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('BFF build failed')))));

  const standin = start('standin', `${root}node_modules/.bin/tsx`, ['apps/standin/src/main.ts'], {
    STANDIN_DB: ':memory:',
    STANDIN_SERVICES: 'erp,hub',
    STANDIN_ERP_PORT: String(PORTS.erp),
    STANDIN_HUB_PORT: String(PORTS.hub),
    STANDIN_ERP_TOKEN: ERP_TOKEN,
    STANDIN_HUB_TOKEN: HUB_TOKEN,
    LOG_LEVEL: 'warn',
  });
  // The bundle build.mjs just wrote (BFF_BUNDLE lets parallel checkouts build apart).
  const bff = start('bff', process.execPath, [process.env.BFF_BUNDLE ?? 'apps/bff/dist/index.js'], {
    NODE_ENV: 'production',
    PORT: String(PORTS.bff),
    ERP_URL: `http://127.0.0.1:${PORTS.erp}`,
    ERP_TOKEN,
    HUB_URL: `http://127.0.0.1:${PORTS.hub}`,
    HUB_TOKEN,
    AUTHENTIK_JWT_SECRET: JWT_SECRET,
    AUTHENTIK_ISSUER: ISSUER,
    AUTHENTIK_AUDIENCE: AUDIENCE,
    TRUSTED_PROXIES: '127.0.0.1/32,::1/128',
    // One user's thousands of lists a second is what the list-row budget stops; the bench measures work per request.
    OPS_RATE_LIMIT_LIST_ROWS: '999999/1s',
    LOG_LEVEL: 'info',
  });

  const erpAuth = { authorization: `token ${ERP_TOKEN}` };
  await waitFor(`http://127.0.0.1:${PORTS.erp}/api/method/ping`, erpAuth, 120_000);
  await waitFor(`http://127.0.0.1:${PORTS.bff}/ops/readyz`, {});

  const jwt = signEdgeJwt({ sub: 'bench', email: 'bench@gigafibre.ca', name: 'Bench', preferred_username: 'bench', groups: ['ops-dispatch'] });
  const direct = { url: `http://127.0.0.1:${PORTS.erp}/api${LIST}`, headers: erpAuth };
  const viaBff = { url: `http://127.0.0.1:${PORTS.bff}/ops/api/erp${LIST}`, headers: { 'x-authentik-jwt': jwt, 'x-authentik-email': 'bench@gigafibre.ca' } };
  const watch = { bff: bff.pid as number, standin: standin.pid as number };

  // Warm both paths (JIT, connection pools, the token cache), then alternate.
  await load(direct.url, direct.headers, 2, {});
  await load(viaBff.url, viaBff.headers, 2, {});
  const rounds: { direct: Round; bff: Round }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const d = await load(direct.url, direct.headers, SECONDS, watch);
    const b = await load(viaBff.url, viaBff.headers, SECONDS, watch);
    console.log(
      `round ${i + 1}: direct ${round(d.rps, 0)} req/s p50 ${round(percentile(d.latencies, 50), 3)} ms | via BFF ${round(b.rps, 0)} req/s p50 ${round(percentile(b.latencies, 50), 3)} ms`,
    );
    rounds.push({ direct: d, bff: b });
  }

  const all = (side: 'direct' | 'bff') => rounds.flatMap((r) => r[side].latencies);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const directRps = mean(rounds.map((r) => r.direct.rps));
  const bffRps = mean(rounds.map((r) => r.bff.rps));
  const ratio = bffRps / directRps;
  const addedP50 = percentile(all('bff'), 50) - percentile(all('direct'), 50);
  const addedP99 = percentile(all('bff'), 99) - percentile(all('direct'), 99);
  const errors = rounds.reduce((n, r) => n + r.direct.errors + r.bff.errors, 0);
  const bffCpu = mean(rounds.map((r) => r.bff.cpuUsPerReq.bff as number));
  const standinCpu = mean(rounds.map((r) => r.direct.cpuUsPerReq.standin as number));
  const loadCpu = mean(rounds.map((r) => r.direct.cpuUsPerReq.autocannon as number));
  console.log(
    `\ndirect ${round(directRps, 0)} req/s, via BFF ${round(bffRps, 0)} req/s, ratio ${round(ratio)}; added p50 ${round(addedP50, 3)} ms, p99 ${round(addedP99, 3)} ms;` +
      ` CPU per request: BFF ${round(bffCpu, 0)} µs, standin ERP ${round(standinCpu, 0)} µs, load generator ${round(loadCpu, 0)} µs; errors ${errors}`,
  );
  await stopAll();
  report(
    'proxy-overhead',
    {
      endpoint: `GET /api${decodeURIComponent(LIST)}`,
      connections: CONNECTIONS,
      rounds: ROUNDS,
      round_seconds: SECONDS,
      direct_rps: round(directRps, 0),
      bff_rps: round(bffRps, 0),
      ratio: round(ratio, 3),
      direct_p50_ms: round(percentile(all('direct'), 50), 3),
      bff_p50_ms: round(percentile(all('bff'), 50), 3),
      added_p50_ms: round(addedP50, 3),
      added_p99_ms: round(addedP99, 3),
      bff_cpu_us_per_req: round(bffCpu, 0),
      standin_cpu_us_per_req: round(standinCpu, 0),
      autocannon_cpu_us_per_req: round(loadCpu, 0),
      errors,
    },
    ratio >= 0.6 && addedP50 <= 1 && errors === 0,
  );
} catch (err) {
  console.error(err);
  await stopAll();
  process.exitCode = 2;
}
