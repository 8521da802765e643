// `pnpm bench standin-search`: seeds the standin with 50,000 customers (file database, as `npm start`
// uses), then times the client searches the SPA makes through /api/resource with `like` filters:
// by name, by phone digits, by equipment serial, and all three at once (or_filters).
// Target: p95 ≤ 30 ms for each kind. Also reports how long the seed took.
// BENCH_SCALE, BENCH_REQUESTS (per kind); BENCH_SMOKE=1: 2,000 customers, 20 requests per kind.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, report, round, size } from './lib/report';

const SCALE = Number(process.env.BENCH_SCALE ?? size(50_000, 2_000));
const PER_KIND = Number(process.env.BENCH_REQUESTS ?? size(400, 20));
const TARGET_P95_MS = 30;
const TOKEN = 'bench-key:bench-secret';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'standin-search-'));
const started = performance.now();
const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'apps/standin/src/main.ts'), '--scale', String(SCALE), '--db', join(dir, 'standin.db')], {
  env: { ...process.env, STANDIN_SERVICES: 'erp', STANDIN_ERP_PORT: '0', STANDIN_ERP_TOKEN: TOKEN, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});

function stop(): void {
  if (child.exitCode === null) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
process.on('exit', stop);

const ready = new Promise<{ url: string; seedSeconds: number }>((resolve, reject) => {
  let out = '';
  let seedSeconds = Number.NaN;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    const seed = /amorcée en ([\d.]+) s/.exec(out);
    if (seed) seedSeconds = Number(seed[1]);
    const url = /ERPNext \(Frappe REST\) : (http:\/\/\S+)/.exec(out);
    if (url) resolve({ url: url[1] as string, seedSeconds });
  });
  child.on('exit', (code) => reject(new Error(`le standin s’est arrêté (${code}) :\n${out}`)));
});

const { url, seedSeconds } = await ready;
const readySeconds = (performance.now() - started) / 1000;
console.log(`standin prêt : ${SCALE} clients amorcés en ${seedSeconds} s (${round(readySeconds, 1)} s avec le démarrage)`);

async function get<T>(doctype: string, params: Record<string, unknown>): Promise<{ ms: number; data: T[] }> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) q.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  const t0 = performance.now();
  const res = await fetch(`${url}/api/resource/${encodeURIComponent(doctype)}?${q}`, { headers: { Authorization: `token ${TOKEN}` } });
  const body = (await res.json()) as { data: T[] };
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${doctype} ${q} → ${res.status} ${JSON.stringify(body)}`);
  return { ms, data: body.data };
}

// Search terms taken from the data, as users would type them (some match nothing).
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const sample = async <T>(doctype: string, fields: string[]) =>
  (await get<T>(doctype, { fields, limit_start: String(Math.floor(rand() * SCALE)), limit_page_length: '50', order_by: 'name asc' })).data;
const customers = await sample<{ customer_name: string; custom_phone_digits: string }>('Customer', ['customer_name', 'custom_phone_digits']);
const equipment = await sample<{ serial_no: string }>('Service Equipment', ['serial_no']);
const piece = (text: string, min: number, max: number) => {
  const len = Math.min(text.length, min + Math.floor(rand() * (max - min + 1)));
  const at = Math.floor(rand() * (text.length - len + 1));
  return text.slice(at, at + len);
};
const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)] as T;
const term = {
  name: () => (rand() < 0.15 ? 'xqzw' : piece(pick(customers).customer_name.split(' ').pop() as string, 4, 7)),
  phone: () => (rand() < 0.15 ? '0000000' : piece(pick(customers).custom_phone_digits, 4, 7)),
  serial: () => (rand() < 0.15 ? 'QQQQQQ' : piece(pick(equipment).serial_no, 5, 8)),
};
const FIELDS = ['name', 'customer_name', 'mobile_no', 'email_id', 'territory'];
const kinds = {
  name: () => get('Customer', { fields: FIELDS, filters: [['customer_name', 'like', `%${term.name()}%`]], limit_page_length: '20' }),
  phone: () => get('Customer', { fields: FIELDS, filters: [['custom_phone_digits', 'like', `%${term.phone()}%`]], limit_page_length: '20' }),
  serial: () => get('Service Equipment', { fields: ['name', 'serial_no', 'mac_address', 'customer', 'service_location'], filters: [['serial_no', 'like', `%${term.serial()}%`]], limit_page_length: '20' }),
  any: () => {
    const t = term.name();
    return get('Customer', { fields: FIELDS, or_filters: [['customer_name', 'like', `%${t}%`], ['custom_phone_digits', 'like', `%${t}%`], ['email_id', 'like', `%${t}%`]], limit_page_length: '20' });
  },
} as const;

type Kind = keyof typeof kinds;
const times: Record<Kind, number[]> = { name: [], phone: [], serial: [], any: [] };
for (let i = 0; i < 10; i++) for (const kind of Object.keys(kinds) as Kind[]) await kinds[kind]();
for (let i = 0; i < PER_KIND; i++) {
  for (const kind of Object.keys(kinds) as Kind[]) times[kind].push((await kinds[kind]()).ms);
}
stop();

const figures: Record<string, number> = { customers: SCALE, seed_s: seedSeconds, ready_s: round(readySeconds, 1), requests: PER_KIND * 4 };
let pass = seedSeconds < 60;
for (const kind of Object.keys(times) as Kind[]) {
  const p95 = percentile(times[kind], 95);
  figures[`${kind}_p50_ms`] = round(percentile(times[kind], 50));
  figures[`${kind}_p95_ms`] = round(p95);
  pass &&= p95 <= TARGET_P95_MS;
}
figures.all_p95_ms = round(percentile(Object.values(times).flat(), 95));
report('standin-search', figures, pass);
process.exit();
