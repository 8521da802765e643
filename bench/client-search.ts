// `pnpm bench client-search`: the clients page's instant search at 50,000 customers, end to end
// through the built BFF (JWT verified, policy checked, proxied to the standin's ERPNext), with the
// very requests the SPA sends: the SPA's own search plan (apps/ops/src/features/clients/model) turns
// each term into its parallel lookups, then the second round for clients found through a location
// or a device. Terms are drawn from the data and typed the ways CSRs type them (phones in several
// formats, names, e-mails, account numbers, postal codes, serials, MACs, streets, misses).
// One search = both rounds; target p95 ≤ 100 ms. Also reports the per-request latency.
//
//   BENCH_SCALE (default 50000) customers, BENCH_SEARCHES (default 600), BENCH_CONCURRENCY (default 1:
//   one CSR at a time; 4 = four CSRs searching at once), BENCH_DB (a database file to keep between
//   runs: seeding 50,000 customers takes a while; default a temporary file), BENCH_PORT_BASE (default
//   8350: ERP +1, hub +2, BFF +3). BENCH_SMOKE=1: 2,000 customers, 30 searches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingCustomerIds, type LookupHits, type SearchRow } from '../apps/ops/src/features/clients/model/mergeSearchResults';
import { buildSearchPlan, customersByIdCall, listCallQuery, lookupCall, type ListCall } from '../apps/ops/src/features/clients/model/searchPlan';
import { BENCH, buildBff, issuerFor, signEdgeJwt, startBff, startStandin, stopAll, waitFor } from './lib/benchProcesses';
import { percentile, report, reportError, round, size } from './lib/report';

const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 8350);
const PORTS = { erp: PORT_BASE + 1, hub: PORT_BASE + 2, bff: PORT_BASE + 3 } as const;
const SCALE = Number(process.env.BENCH_SCALE ?? size(50_000, 2_000));
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? size(600, 30));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1);
const TARGET_P95_MS = 100;

const dir = mkdtempSync(join(tmpdir(), 'client-search-'));
const dbFile = process.env.BENCH_DB ?? join(dir, 'standin.db');
const erpAuth = { authorization: `token ${BENCH.erpToken}` };

/** Reads sample rows straight from the ERP (not measured): the data the terms come from. */
async function sample<T>(doctype: string, fields: string[], count: number, rand: () => number): Promise<T[]> {
  const q = new URLSearchParams({ fields: JSON.stringify(fields), limit_start: String(Math.floor(rand() * (SCALE - count))), limit_page_length: String(count), order_by: 'name asc' });
  const res = await fetch(`http://127.0.0.1:${PORTS.erp}/api/resource/${encodeURIComponent(doctype)}?${q}`, { headers: erpAuth });
  return ((await res.json()) as { data: T[] }).data;
}

interface Samples {
  customers: { name: string; customer_name: string; custom_phone_digits: string; email_id: string | null }[];
  locations: { address_line: string; postal_code: string }[];
  equipment: { serial_no: string; mac_address: string | null }[];
}

type Kind = 'phone' | 'name' | 'email' | 'account' | 'postal' | 'serial' | 'mac' | 'address' | 'miss';

/** A term as a CSR would type it, for each kind of search (weights: how often each happens). */
function termMaker(s: Samples, rand: () => number) {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)] as T;
  const d = () => pick(s.customers).custom_phone_digits;
  const phones = [
    (p: string) => `${p.slice(0, 3)} ${p.slice(3, 6)}-${p.slice(6)}`,
    (p: string) => `(${p.slice(0, 3)}) ${p.slice(3, 6)}-${p.slice(6)}`,
    (p: string) => `+1 ${p.slice(0, 3)} ${p.slice(3, 6)} ${p.slice(6)}`,
    (p: string) => p,
    (p: string) => p.slice(3), // the last seven digits
  ];
  const makers: [Kind, number, () => string][] = [
    ['phone', 30, () => pick(phones)(d())],
    ['name', 25, () => {
      const name = pick(s.customers).customer_name;
      const words = name.split(' ');
      return rand() < 0.5 ? (words.at(-1) as string) : rand() < 0.5 ? name : (words[0] as string).slice(0, 5);
    }],
    ['email', 8, () => (pick(s.customers.filter((c) => c.email_id)).email_id as string).split('@')[0] as string],
    ['account', 8, () => {
      const n = String(Number(pick(s.customers).name.slice(5)));
      return rand() < 0.5 ? n : `cust-${n}`;
    }],
    ['postal', 6, () => {
      const code = pick(s.locations).postal_code;
      return rand() < 0.5 ? code.replace(' ', '').toLowerCase() : code;
    }],
    ['serial', 10, () => {
      const serial = pick(s.equipment).serial_no;
      return rand() < 0.6 ? serial.toLowerCase() : serial.slice(-6);
    }],
    ['mac', 5, () => {
      const mac = pick(s.equipment.filter((e) => e.mac_address)).mac_address as string;
      return rand() < 0.5 ? mac.replaceAll(':', '-').toLowerCase() : mac.slice(0, 8);
    }],
    ['address', 5, () => pick(s.locations).address_line.split(',')[1]?.trim().split(' ').slice(-1)[0] ?? 'Saint-Denis'],
    ['miss', 3, () => pick(['xqzwv', '0000000', 'QQQQQQ', 'zz-zz'])],
  ];
  const total = makers.reduce((n, m) => n + m[1], 0);
  return (): { kind: Kind; term: string } => {
    let r = rand() * total;
    for (const [kind, weight, make] of makers) {
      if ((r -= weight) < 0) return { kind, term: make() };
    }
    const [kind, , make] = makers[0] as (typeof makers)[number];
    return { kind, term: make() };
  };
}

try {
  const bundle = await buildBff();
  const seedStart = performance.now();
  startStandin({ erp: PORTS.erp, hub: PORTS.hub }, { STANDIN_DB: dbFile, STANDIN_SCALE: String(SCALE) });
  startBff(bundle, PORTS.bff, PORTS, issuerFor(), { LOG_LEVEL: 'warn' });
  await waitFor(`http://127.0.0.1:${PORTS.erp}/api/method/ping`, erpAuth, 300_000);
  const readySeconds = (performance.now() - seedStart) / 1000;
  await waitFor(`http://127.0.0.1:${PORTS.bff}/ops/readyz`);
  console.log(`standin prêt : ${SCALE} clients en ${round(readySeconds, 1)} s`);

  const jwt = signEdgeJwt({ sub: 'bench-csr', email: 'csr@gigafibre.ca', name: 'Bench CSR', preferred_username: 'csr', groups: ['ops-support'] }, issuerFor());
  const headers = { 'x-authentik-jwt': jwt, 'x-authentik-email': 'csr@gigafibre.ca', accept: 'application/json' };
  const requestTimes: number[] = [];
  let errors = 0;

  /** One list call through the BFF, as the SPA's erpList sends it. */
  async function call(c: ListCall): Promise<SearchRow[]> {
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${PORTS.bff}/ops/api/erp/resource/${encodeURIComponent(c.doctype)}?${new URLSearchParams(listCallQuery(c))}`, { headers });
    const body = (await res.json()) as { data?: SearchRow[] };
    requestTimes.push(performance.now() - t0);
    if (!res.ok || !body.data) {
      errors++;
      console.error(`${res.status} ${c.doctype} ${JSON.stringify(body).slice(0, 200)}`);
      return [];
    }
    return body.data;
  }

  /** One search as the SPA runs it: the plan's lookups in parallel, then the missing customers. */
  async function search(term: string): Promise<{ ms: number; requests: number; results: number }> {
    const t0 = performance.now();
    const plan = buildSearchPlan(term);
    const rows = await Promise.all(plan.map((lookup) => call(lookupCall(lookup))));
    const hits: LookupHits[] = plan.map((lookup, i) => ({ lookup, rows: rows[i] as SearchRow[] }));
    const missing = missingCustomerIds(hits);
    const extra = missing.length > 0 ? await call(customersByIdCall(missing)) : [];
    const results = new Set([...hits.flatMap((h) => h.rows.map((r) => ('customer' in r ? r.customer : r.name))), ...extra.map((r) => r.name)]).size;
    return { ms: performance.now() - t0, requests: plan.length + (missing.length > 0 ? 1 : 0), results };
  }

  let seed = 7;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const samples: Samples = {
    customers: await sample('Customer', ['name', 'customer_name', 'custom_phone_digits', 'email_id'], 400, rand),
    locations: await sample('Service Location', ['address_line', 'postal_code'], 200, rand),
    equipment: await sample('Service Equipment', ['serial_no', 'mac_address'], 300, rand),
  };
  const nextTerm = termMaker(samples, rand);

  for (let i = 0; i < 40; i++) await search(nextTerm().term); // warm up: JIT, pools, token cache, SQLite pages
  requestTimes.length = 0;
  errors = 0;

  const byKind = new Map<Kind, number[]>();
  const all: number[] = [];
  let requests = 0;
  let found = 0;
  const queue = Array.from({ length: SEARCHES }, () => nextTerm());
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const r = await search(item.term);
        all.push(r.ms);
        requests += r.requests;
        if (r.results > 0) found++;
        byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), r.ms]);
      }
    }),
  );
  await stopAll();

  const p95 = percentile(all, 95);
  const perKind = Object.fromEntries([...byKind].map(([kind, ms]) => [`${kind}_p95_ms`, round(percentile(ms, 95))]));
  console.log(Object.entries(perKind).map(([k, v]) => `${k}=${v}`).join(' '));
  report(
    'client-search',
    {
      customers: SCALE,
      searches: SEARCHES,
      concurrency: CONCURRENCY,
      ready_s: round(readySeconds, 1),
      search_p50_ms: round(percentile(all, 50)),
      search_p95_ms: round(p95),
      search_p99_ms: round(percentile(all, 99)),
      request_p50_ms: round(percentile(requestTimes, 50)),
      request_p95_ms: round(percentile(requestTimes, 95)),
      requests_per_search: round(requests / SEARCHES),
      searches_with_results: found,
      ...perKind,
      errors,
    },
    p95 <= TARGET_P95_MS && errors === 0,
  );
} catch (err) {
  reportError('client-search', err);
  await stopAll();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
