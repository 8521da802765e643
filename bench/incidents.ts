// `pnpm bench incidents`: an OLT goes down at 50,000 customers (≈3,000 behind it).
//   - Uptime-Kuma's down notification is posted to the standin's hub (its own secret);
//   - the affected list through the built BFF, as the incident page and the notify preview read it:
//     pages of 50 from random places, and the whole list in pages of 500 — target p95 ≤ 300 ms;
//   - the bulk outage text through the hub (POST /messages, Idempotency-Key
//     `incident:<id>:<customer>`, 8 at a time), then a second full pass (a resumed run): target
//     ≤ 60 s for the first, and 0 customers texted twice.
//
//   BENCH_SCALE (default 50000), BENCH_ROUNDS (default 100 pages of 50), BENCH_PORT_BASE (default
//   8940: ERP +1, hub +2, BFF +3). BENCH_SMOKE=1: 2,000 customers, 10 rounds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTAGE_SMS, OUTAGE_SMS_TEMPLATE, outageNotifyKey, toE164, UPTIME_KUMA_SECRET_HEADER, type AffectedCustomer, type AffectedPage, type UptimeKumaWebhookResult } from '../packages/contracts/src';
import { STANDIN_DEFAULTS } from '../apps/standin/src/config';
import { openDatabase } from '../apps/standin/src/db/open';
import { uptimeKumaNotification } from '../apps/standin/src/hub/incidents/uptimeKumaPayload';
import { BENCH, buildBff, issuerFor, signEdgeJwt, startBff, startStandin, stopAll, waitFor } from './lib/benchProcesses';
import { percentile, report, reportError, round, size } from './lib/report';

const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 8940);
const PORTS = { erp: PORT_BASE + 1, hub: PORT_BASE + 2, bff: PORT_BASE + 3 } as const;
const SCALE = Number(process.env.BENCH_SCALE ?? size(50_000, 2_000));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? size(100, 10));
const CONCURRENCY = 8;
const TARGET_LIST_P95_MS = 300;
const TARGET_NOTIFY_S = 60;

const dir = mkdtempSync(join(tmpdir(), 'incidents-bench-'));
const dbFile = join(dir, 'standin.db');
const hub = `http://127.0.0.1:${PORTS.hub}`;
const hubAuth = { authorization: `Bearer ${BENCH.hubToken}` };

try {
  const bundle = await buildBff();
  const seedStart = performance.now();
  startStandin({ erp: PORTS.erp, hub: PORTS.hub }, { STANDIN_DB: dbFile, STANDIN_SCALE: String(SCALE), STANDIN_SMS_STEP_MS: '200' });
  startBff(bundle, PORTS.bff, PORTS, issuerFor(), { LOG_LEVEL: 'warn' });
  await waitFor(`http://127.0.0.1:${PORTS.erp}/api/method/ping`, { authorization: `token ${BENCH.erpToken}` }, 600_000);
  await waitFor(`http://127.0.0.1:${PORTS.bff}/ops/readyz`);
  console.log(`standin prêt : ${SCALE} clients en ${round((performance.now() - seedStart) / 1000, 1)} s`);

  // The fullest OLT and its monitor, from the hub's own mapping.
  const db = openDatabase(dbFile);
  const olt = db
    .prepare(
      `SELECT m.monitor_id AS monitor, e.id, e.name, COUNT(*) AS onts FROM net_monitors m JOIN net_elements e ON e.id = m.element AND e.kind = 'olt'
       JOIN net_elements p ON p.parent = e.id JOIN net_onts o ON o.pon = p.id GROUP BY e.id ORDER BY onts DESC LIMIT 1`,
    )
    .get() as { monitor: number; id: string; name: string; onts: number };

  const down = await fetch(`${hub}/webhooks/uptime-kuma`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [UPTIME_KUMA_SECRET_HEADER]: STANDIN_DEFAULTS.webhookSecret },
    body: JSON.stringify(uptimeKumaNotification({ id: olt.monitor, name: olt.name }, 0, new Date(), 'Request timeout (48000ms)')),
  });
  const opened = (await down.json()) as UptimeKumaWebhookResult;
  if (!down.ok || !opened.incident) throw new Error(`webhook: ${down.status} ${JSON.stringify(opened)}`);
  const incident = opened.incident;

  const jwt = signEdgeJwt({ sub: 'bench-noc', email: 'noc@gigafibre.ca', name: 'NOC', preferred_username: 'noc', groups: ['ops-noc'] }, issuerFor());
  const headers = { 'x-authentik-jwt': jwt, 'x-authentik-email': 'noc@gigafibre.ca', accept: 'application/json' };
  let errors = 0;
  const pageTimes: number[] = [];
  async function page(limit: number, cursor: string | null): Promise<AffectedPage> {
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${PORTS.bff}/ops/api/hub/incidents/${incident}/affected?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { headers });
    const body = (await res.json()) as AffectedPage;
    pageTimes.push(performance.now() - t0);
    if (!res.ok) {
      errors++;
      throw new Error(`affected: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    }
    return body;
  }

  // One read first, not counted: the BFF's first proxied request opens its upstream pool.
  await page(50, null);
  pageTimes.length = 0;
  // The whole list (the notify preview), in pages of 500.
  const everyone: AffectedCustomer[] = [];
  const walkStart = performance.now();
  for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
    const p = await page(500, cursor);
    everyone.push(...p.data);
    cursor = p.next_cursor;
  }
  const walkMs = performance.now() - walkStart;
  // Pages of 50 from random places (the incident page scrolling).
  for (let i = 0; i < ROUNDS; i++) {
    const from = everyone[Math.floor(Math.random() * everyone.length)];
    await page(50, i === 0 ? null : (from?.service_location ?? null));
  }
  const listP95 = percentile(pageTimes, 95);

  // The bulk text: every affected client with a mobile, once per incident.
  const targets = [...new Map(everyone.filter((r) => toE164(r.mobile_no ?? '') !== null).map((r) => [r.customer, r])).values()];
  const outcome = { sent: 0, optedOut: 0, failed: 0 };
  async function notifyAll(count: boolean): Promise<number> {
    const t0 = performance.now();
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < targets.length; i = next++) {
        const r = targets[i] as AffectedCustomer;
        const res = await fetch(`${hub}/messages`, {
          method: 'POST',
          headers: { ...hubAuth, 'content-type': 'application/json', 'idempotency-key': outageNotifyKey(incident, r.customer), 'x-ops-user': 'noc@gigafibre.ca' },
          body: JSON.stringify({ customer: r.customer, to: toE164(r.mobile_no ?? ''), body: OUTAGE_SMS[r.language === 'en' ? 'en-CA' : 'fr-CA'], template: OUTAGE_SMS_TEMPLATE }),
        });
        await res.arrayBuffer();
        if (!count) continue;
        if (res.ok) outcome.sent++;
        else if (res.status === 409) outcome.optedOut++;
        else outcome.failed++;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return (performance.now() - t0) / 1000;
  }
  const notifySeconds = await notifyAll(true);
  const rerunSeconds = await notifyAll(false);
  const dup = db
    .prepare(`SELECT COUNT(*) AS n FROM (SELECT customer FROM sms_messages WHERE idempotency_key LIKE ? GROUP BY customer HAVING COUNT(*) > 1)`)
    .get(`incident:${incident}:%`) as { n: number };
  const texted = db.prepare(`SELECT COUNT(DISTINCT customer) AS n FROM sms_messages WHERE idempotency_key LIKE ?`).get(`incident:${incident}:%`) as { n: number };
  db.close();

  const pass = errors === 0 && outcome.failed === 0 && listP95 <= TARGET_LIST_P95_MS && notifySeconds <= TARGET_NOTIFY_S && dup.n === 0 && texted.n === outcome.sent;
  report(
    'incidents',
    {
      customers: SCALE,
      olt: olt.name,
      affected_customers: new Set(everyone.map((r) => r.customer)).size,
      affected_addresses: everyone.length,
      list_requests: pageTimes.length,
      list_p95_ms: round(listP95),
      list_p50_ms: round(percentile(pageTimes, 50)),
      full_list_ms: round(walkMs),
      notify_targets: targets.length,
      notify_sent: outcome.sent,
      notify_opted_out_skipped: outcome.optedOut,
      notify_failed: outcome.failed,
      notify_seconds: round(notifySeconds, 1),
      rerun_seconds: round(rerunSeconds, 1),
      customers_texted: texted.n,
      duplicated: dup.n,
      errors,
    },
    pass,
  );
} catch (error) {
  reportError('incidents', error);
} finally {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
}
