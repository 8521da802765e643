// `pnpm bench messages`: customer SMS through the built BFF (production mode, JWT verified) in
// front of the standin's hub playing Twilio.
//   1. A thread of 5,000 messages opens: its first page (50 newest) and the number's opt-out
//      state, in parallel as the client file's panel asks them — target p95 ≤ 150 ms.
//   2. 1,000 inbound texts (Twilio's signed webhook on the hub, BENCH_RATE a second) reach 2,000
//      open browser streams through the BFF as `event: message` — delivery p99 < 100 ms, measured
//      from the moment the webhook is posted to the moment a tab has read the event.
//
//   BENCH_THREAD (default 5000), BENCH_ROUNDS (default 200), BENCH_STREAMS (default 2000),
//   BENCH_INBOUND (default 1000), BENCH_RATE (inbound texts a second, default 5: 10,000 deliveries
//   a second, five times sse-fanout's), BENCH_PORT_BASE (default 8860: ERP +1, hub +2, BFF +3).
//   BENCH_SMOKE=1: 300 messages, 10 rounds, 50 streams, 20 texts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { smsSegments, type Message } from '../packages/contracts/src';
import { openDatabase } from '../apps/standin/src/db/open';
import { STANDIN_DEFAULTS } from '../apps/standin/src/config';
import { MessageStore } from '../apps/standin/src/hub/messages/store';
import { FIXTURE_CUSTOMERS } from '../apps/standin/src/seed/fixtures';
import { playInboundSms } from '../apps/standin/src/testing/twilio';
import { BENCH, buildBff, cpuMicros, execedPid, FD_LIMIT, issuerFor, root, signEdgeJwt, startBff, startStandin, stopAll, waitFor } from './lib/benchProcesses';
import { percentile, report, reportError, round, size } from './lib/report';

const THREAD = Number(process.env.BENCH_THREAD ?? size(5000, 300));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? size(200, 10));
const STREAMS = Number(process.env.BENCH_STREAMS ?? size(2000, 50));
const INBOUND = Number(process.env.BENCH_INBOUND ?? size(1000, 20));
const RATE = Number(process.env.BENCH_RATE ?? 5);
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 8860);
const PORTS = { erp: PORT_BASE + 1, hub: PORT_BASE + 2, bff: PORT_BASE + 3 } as const;
const TARGET_OPEN_P95_MS = 150;
const TARGET_DELIVERY_P99_MS = 100;
const CUSTOMER = FIXTURE_CUSTOMERS.badOptical;
const NUMBER = `+1${CUSTOMER.phoneDigits}`;

// This process holds every tab's socket: make sure it may open that many (ulimit is per process).
if (process.env.BENCH_FD_RAISED !== '1') {
  const limit = Number(spawnSync('/bin/sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim());
  if (Number.isFinite(limit) && limit < STREAMS * 2 + 256) {
    const script = `ulimit -n ${FD_LIMIT} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"`;
    const again = spawnSync('/bin/sh', ['-c', script, 'sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, BENCH_FD_RAISED: '1' }, cwd: root });
    process.exit(again.status ?? 2);
  }
}

/** Fills the customer's thread in the hub's database: `count` messages a minute apart, both ways. */
function fillThread(dbFile: string, count: number): void {
  const db = openDatabase(dbFile);
  const store = new MessageStore(db);
  const start = Date.now() - count * 60_000;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const inbound = i % 3 === 1;
      const body = inbound ? `Réponse ${i} : merci, c’est noté.` : `Message ${i} : votre technicien passera demain entre 8 h et 12 h.`;
      const seg = smsSegments(body);
      const at = new Date(start + i * 60_000).toISOString();
      const message: Omit<Message, 'sid' | 'idempotency_key'> = {
        customer: CUSTOMER.customer,
        direction: inbound ? 'inbound' : 'outbound-api',
        from: inbound ? NUMBER : STANDIN_DEFAULTS.twilioNumber,
        to: inbound ? STANDIN_DEFAULTS.twilioNumber : NUMBER,
        body,
        status: inbound ? 'received' : 'delivered',
        error_code: null,
        segments: seg.segments,
        encoding: seg.encoding,
        sent_by: inbound ? null : { email: 'csr@gigafibre.ca', name: 'Agent' },
        template: null,
        job: null,
        date_created: at,
        date_updated: at,
      };
      store.insert({ idempotencyKey: null, fingerprint: null, message });
    }
  })();
  db.close();
}

/** Each text's send time (performance.now), by its number; NaN until sent. */
const sentAt = new Float64Array(INBOUND).fill(Number.NaN);
/** Every delivery's latency, ms. */
const latencies: number[] = [];
const MARKER = /"body":"bench-in-(\d+)"/g;

interface Tab {
  req: ClientRequest;
  /** Texts this tab has received (a repeat is not counted twice). */
  seen: Uint8Array;
  /** An event not complete yet. */
  rest: string;
}

/**
 * Notes each text's latency as its event completes in a tab. Done as chunks arrive, keeping no
 * chunk: holding them all (2,000 tabs × 1,000 events, ~1.8 GB) made this process's own garbage
 * collection the slowest part of the measure.
 */
function onChunk(tab: Tab, chunk: Buffer): void {
  const now = performance.now();
  const text = tab.rest + chunk.toString('latin1'); // the markers are ASCII
  const end = text.lastIndexOf('\n\n');
  if (end === -1) {
    tab.rest = text;
    return;
  }
  for (const match of text.slice(0, end).matchAll(MARKER)) {
    const i = Number(match[1]);
    if (tab.seen[i] === 0) {
      tab.seen[i] = 1;
      latencies.push(now - (sentAt[i] as number));
    }
  }
  tab.rest = text.slice(end + 2);
}

function openTabs(headers: Record<string, string>, count: number): Promise<Tab[]> {
  const tabs: Tab[] = [];
  let connected = 0;
  return new Promise((resolve, reject) => {
    for (let i = 0; i < count; i++) {
      const tab: Tab = { req: null as unknown as ClientRequest, seen: new Uint8Array(INBOUND), rest: '' };
      tab.req = get({ host: '127.0.0.1', port: PORTS.bff, path: '/ops/api/hub/events', agent: false, headers }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream ${i}: HTTP ${res.statusCode}`));
        res.once('data', () => {
          if (++connected === count) resolve(tabs);
        });
        res.on('data', (chunk: Buffer) => onChunk(tab, chunk));
      });
      tab.req.on('error', reject);
      tabs.push(tab);
    }
  });
}

const dir = mkdtempSync(join(tmpdir(), 'bench-messages-'));
const dbFile = join(dir, 'standin.db');

try {
  const bundle = await buildBff();
  startStandin({ erp: PORTS.erp, hub: PORTS.hub }, { STANDIN_DB: dbFile, STANDIN_SCALE: String(size(2000, 300)) });
  const bffChild = startBff(bundle, PORTS.bff, PORTS, issuerFor(), { LOG_LEVEL: 'warn', MAX_EVENT_STREAMS: String(STREAMS + 100) });
  await waitFor(`http://127.0.0.1:${PORTS.erp}/api/method/ping`, { authorization: `token ${BENCH.erpToken}` }, 300_000);
  await waitFor(`http://127.0.0.1:${PORTS.bff}/ops/readyz`);
  const bffPid = await execedPid(bffChild);
  fillThread(dbFile, THREAD);

  const jwt = signEdgeJwt({ sub: 'bench-csr', email: 'csr@gigafibre.ca', name: 'Agent Bench', preferred_username: 'csr', groups: ['ops-support'] }, issuerFor());
  const headers = { 'x-authentik-jwt': jwt, accept: 'application/json' };
  const bff = `http://127.0.0.1:${PORTS.bff}/ops/api/hub`;
  let errors = 0;
  const call = async (path: string) => {
    const res = await fetch(`${bff}${path}`, { headers });
    const body = (await res.json()) as { messages?: unknown[] };
    if (!res.ok) {
      errors++;
      console.error(`${res.status} ${path} ${JSON.stringify(body).slice(0, 300)}`);
    }
    return body;
  };

  // 1. Opening the thread: first page + opt-out state, as the panel does.
  const opens: number[] = [];
  for (let i = 0; i < ROUNDS + 5; i++) {
    const t0 = performance.now();
    const [page] = await Promise.all([call(`/messages?customer=${CUSTOMER.customer}&limit=50`), call(`/messages/opt-out?number=${encodeURIComponent(NUMBER)}`)]);
    if (i >= 5) opens.push(performance.now() - t0); // the first few warm the caches and the JIT
    if (page.messages?.length !== 50) errors++;
  }
  console.log(`fil de ${THREAD} messages : ouverture p50 ${round(percentile(opens, 50), 1)} ms, p95 ${round(percentile(opens, 95), 1)} ms`);

  // 2. Inbound texts to every open stream.
  const streamHeaders = { 'x-authentik-jwt': jwt, accept: 'text/event-stream' };
  const openedAt = performance.now();
  const tabs = await openTabs(streamHeaders, STREAMS);
  console.log(`${STREAMS} flux ouverts en ${round((performance.now() - openedAt) / 1000, 1)} s`);
  const hub = `http://127.0.0.1:${PORTS.hub}`;
  const gap = 1000 / RATE;
  // The BFF's CPU per delivery: what the figure costs whatever else the machine is doing.
  const cpuBefore = cpuMicros(bffPid);
  const began = performance.now();
  for (let i = 0; i < INBOUND; i++) {
    const wait = began + i * gap - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sentAt[i] = performance.now();
    const res = await playInboundSms(hub, { from: NUMBER, body: `bench-in-${i}` });
    if (!res.ok) errors++;
  }
  await new Promise((r) => setTimeout(r, 1000));
  const cpuPerDelivery = (cpuMicros(bffPid) - cpuBefore) / Math.max(1, latencies.length);
  for (const tab of tabs) tab.req.destroy();
  const missing = STREAMS * INBOUND - latencies.length;
  await stopAll();

  const openP95 = percentile(opens, 95);
  const p99 = percentile(latencies, 99);
  console.log(`${INBOUND} textos × ${STREAMS} flux : ${latencies.length} livraisons, p50 ${round(percentile(latencies, 50), 1)} ms, p99 ${round(p99, 1)} ms, ${missing} manquantes`);
  report(
    'messages',
    {
      thread_messages: THREAD,
      open_rounds: ROUNDS,
      open_p50_ms: round(percentile(opens, 50), 1),
      open_p95_ms: round(openP95, 1),
      streams: STREAMS,
      inbound: INBOUND,
      inbound_per_s: RATE,
      deliveries: latencies.length,
      missing,
      delivery_p50_ms: round(percentile(latencies, 50), 1),
      delivery_p99_ms: round(p99, 1),
      delivery_max_ms: round(latencies.reduce((a, b) => Math.max(a, b), 0), 1),
      bff_cpu_us_per_delivery: round(cpuPerDelivery, 1),
      errors,
    },
    errors === 0 && missing === 0 && openP95 <= TARGET_OPEN_P95_MS && p99 < TARGET_DELIVERY_P99_MS,
  );
} catch (err) {
  reportError('messages', err);
  await stopAll();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
