// Live events at scale: 2,000 browser tabs hold `/ops/api/hub/events` open through the built BFF
// (production mode, JWT verified) in front of the standin's real hub. Once a second for 20 s, an
// ERPNext write (POST /api/resource/Tag on the standin's ERP) makes the hub send one event to
// every stream at once; each tab notes when that event reaches it. Delivery latency is measured
// from the moment the write is sent (so it includes the write itself) to the moment a tab reads
// the event. A short direct phase (tabs on the hub itself) gives the same figure without the BFF.
// Target: every event delivered to every stream, delivery p99 < 100 ms, BFF RSS < 200 MB.
//
// Why the standin's hub and not a minimal upstream: it already fans out the way the real hub must
// (one serialisation per event, one write per stream), fast enough that the BFF dominates.
//
//   BENCH_STREAMS (default 2000), BENCH_SECONDS (default 20), BENCH_DIRECT_EVENTS (default 5),
//   BENCH_PORT_BASE (default 8740: ERP on base+1, hub +2, BFF +3). BENCH_SMOKE=1: 50 streams, 3 s.
import { spawnSync } from 'node:child_process';
import { get, type ClientRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { BENCH, buildBff, cpuMicros, execedPid, FD_LIMIT, issuerFor, root, rssMb, signEdgeJwt, startBff, startStandin, stopAll, waitFor } from './lib/benchProcesses';
import { percentile, report, reportError, round, size } from './lib/report';

const STREAMS = Number(process.env.BENCH_STREAMS ?? size(2000, 50));
const SECONDS = Number(process.env.BENCH_SECONDS ?? size(20, 3));
const DIRECT_EVENTS = Number(process.env.BENCH_DIRECT_EVENTS ?? size(5, 2));
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 8740);
const PORTS = { erp: PORT_BASE + 1, hub: PORT_BASE + 2, bff: PORT_BASE + 3 } as const;
const TARGET_P99_MS = 100;
const TARGET_RSS_MB = 200;

// This process holds every tab's socket: make sure it may open that many (ulimit is per process).
if (process.env.BENCH_FD_RAISED !== '1') {
  const limit = Number(spawnSync('/bin/sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim());
  if (Number.isFinite(limit) && limit < STREAMS * 2 + 256) {
    const script = `ulimit -n ${FD_LIMIT} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"`;
    const again = spawnSync('/bin/sh', ['-c', script, 'sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, BENCH_FD_RAISED: '1' }, cwd: root });
    process.exit(again.status ?? 2);
  }
}

/** The marker each trigger writes (the Tag's name), as it appears in the event's JSON. */
const MARKER = /"name":"(fanout-[^"]+)"/g;

interface Tab {
  req: ClientRequest;
  /** Every chunk received, with its receipt time (performance.now): parsed after the run, so the
   *  measuring client does as little as possible while events arrive. */
  chunks: [number, Buffer][];
}

/** Opens `count` streams; resolves once every one has received the hub's opening comment. */
async function openTabs(port: number, path: string, headers: Record<string, string>, count: number): Promise<Tab[]> {
  const tabs: Tab[] = [];
  let connected = 0;
  await new Promise<void>((resolve, reject) => {
    for (let i = 0; i < count; i++) {
      const chunks: [number, Buffer][] = [];
      const req = get({ host: '127.0.0.1', port, path, agent: false, headers }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream ${i}: HTTP ${res.statusCode}`));
        res.once('data', () => {
          if (++connected === count) resolve();
        });
        res.on('data', (chunk: Buffer) => chunks.push([performance.now(), chunk]));
      });
      req.on('error', reject);
      tabs.push({ req, chunks });
    }
  });
  return tabs;
}

/** When each marker reached a tab (the first chunk completing an event that names it). */
function receipts(tab: Tab): Map<string, number> {
  const seen = new Map<string, number>();
  let text = '';
  for (const [at, chunk] of tab.chunks) {
    text += chunk.toString('utf8');
    const end = text.lastIndexOf('\n\n');
    if (end === -1) continue;
    for (const match of text.slice(0, end).matchAll(MARKER)) if (!seen.has(match[1] as string)) seen.set(match[1] as string, at);
    text = text.slice(end + 2);
  }
  return seen;
}

/** One ERP write; resolves with the time it was sent. */
async function trigger(marker: string): Promise<number> {
  const sentAt = performance.now();
  const res = await fetch(`http://127.0.0.1:${PORTS.erp}/api/resource/Tag`, {
    method: 'POST',
    headers: { authorization: `token ${BENCH.erpToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: marker, description: 'bench sse-fanout' }),
  });
  if (!res.ok) throw new Error(`write ${marker}: HTTP ${res.status} ${await res.text()}`);
  return sentAt;
}

/** Sends `events` writes, one a second; returns every delivery latency and how many were missing. */
async function phase(label: string, tabs: Tab[], events: number, sample?: () => void): Promise<{ latencies: number[]; missing: number }> {
  const sent = new Map<string, number>();
  for (let i = 0; i < events; i++) {
    const marker = `fanout-${label}-${i}-${Date.now()}`;
    sent.set(marker, await trigger(marker));
    const until = performance.now() + 1000;
    while (performance.now() < until) {
      sample?.();
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await new Promise((r) => setTimeout(r, 500));
  const latencies: number[] = [];
  const byEvent = new Map<string, number[]>([...sent.keys()].map((m) => [m, []]));
  let missing = 0;
  for (const tab of tabs) {
    const seen = receipts(tab);
    tab.chunks.length = 0;
    for (const [marker, at] of sent) {
      const got = seen.get(marker);
      if (got === undefined) missing++;
      else {
        latencies.push(got - at);
        byEvent.get(marker)?.push(got - at);
      }
    }
  }
  // Where a high p99 comes from: every event a little late, or a few events late for every tab.
  const spread = [...byEvent.values()].map((l) => `${round(Math.min(...l), 0)}/${round(percentile(l, 50), 0)}/${round(Math.max(...l), 0)}`);
  console.log(`${label}, each event's first/median/last tab (ms): ${spread.join(' ')}`);
  return { latencies, missing };
}

try {
  const bundle = await buildBff();
  startStandin({ erp: PORTS.erp, hub: PORTS.hub });
  const bff = startBff(bundle, PORTS.bff, PORTS, issuerFor());
  await waitFor(`http://127.0.0.1:${PORTS.erp}/api/method/ping`, { authorization: `token ${BENCH.erpToken}` });
  await waitFor(`http://127.0.0.1:${PORTS.bff}/ops/readyz`);
  const pid = await execedPid(bff);

  // Direct to the hub: the same measure without the BFF, for comparison.
  const directTabs = await openTabs(PORTS.hub, '/events', { authorization: `Bearer ${BENCH.hubToken}`, accept: 'text/event-stream' }, STREAMS);
  const direct = await phase('direct', directTabs, DIRECT_EVENTS);
  for (const tab of directTabs) tab.req.destroy();
  console.log(`direct: ${STREAMS} streams, p99 ${round(percentile(direct.latencies, 99), 1)} ms, missing ${direct.missing}`);

  const jwt = signEdgeJwt({ sub: 'bench', email: 'bench@gigafibre.ca', name: 'Bench', preferred_username: 'bench', groups: ['ops-dispatch'] }, issuerFor());
  const rssBefore = rssMb(pid);
  const openedAt = performance.now();
  const tabs = await openTabs(PORTS.bff, '/ops/api/hub/events', { 'x-authentik-jwt': jwt, accept: 'text/event-stream' }, STREAMS);
  const openSeconds = (performance.now() - openedAt) / 1000;
  let rssPeak = rssMb(pid);
  const cpuBefore = cpuMicros(pid);
  const viaBff = await phase('bff', tabs, SECONDS, () => (rssPeak = Math.max(rssPeak, rssMb(pid))));
  // The BFF's CPU per forwarded event (heartbeats included), independent of how loaded the machine is.
  const cpuPerDelivery = (cpuMicros(pid) - cpuBefore) / Math.max(1, viaBff.latencies.length);
  for (const tab of tabs) tab.req.destroy();
  await stopAll();

  const p50 = percentile(viaBff.latencies, 50);
  const p99 = percentile(viaBff.latencies, 99);
  const expected = STREAMS * SECONDS;
  console.log(`via BFF: ${STREAMS} streams opened in ${round(openSeconds, 1)} s, ${viaBff.latencies.length}/${expected} deliveries, p50 ${round(p50, 1)} ms, p99 ${round(p99, 1)} ms, BFF RSS ${round(rssBefore, 0)} → peak ${round(rssPeak, 0)} MB`);
  report(
    'sse-fanout',
    {
      upstream: 'standin hub /events, ERP writes as triggers',
      streams: STREAMS,
      events: SECONDS,
      deliveries: viaBff.latencies.length,
      missing: viaBff.missing,
      delivery_p50_ms: round(p50, 1),
      delivery_p99_ms: round(p99, 1),
      delivery_max_ms: round(Math.max(...viaBff.latencies), 1),
      direct_p50_ms: round(percentile(direct.latencies, 50), 1),
      direct_p99_ms: round(percentile(direct.latencies, 99), 1),
      direct_missing: direct.missing,
      bff_cpu_us_per_delivery: round(cpuPerDelivery, 1),
      bff_rss_idle_mb: round(rssBefore, 1),
      bff_rss_peak_mb: round(rssPeak, 1),
      open_all_s: round(openSeconds, 2),
    },
    viaBff.missing === 0 && viaBff.latencies.length === expected && p99 < TARGET_P99_MS && rssPeak < TARGET_RSS_MB,
  );
} catch (err) {
  reportError('sse-fanout', err);
  await stopAll();
}
