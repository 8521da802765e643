// The whole app for benches that drive it in Chromium (scan-queue, closeout): the built SPA and BFF
// behind the standin's edge, ERP and hub on ports of the bench's own, plus what those benches
// share: the build step, ERP reads with the service token, and filling the app's queue database.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCAN_QUEUE_IDB, type ScanQueueRecord } from '../../apps/ops/src/features/scan/model/scanQueueRecord';
import { startStackChild } from '../../scripts/lib/processes';
import { benchGroup } from './benchProcesses';
import { SMOKE } from './report';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ERP_TOKEN = 'bench-key:bench-secret';

export interface AppStack {
  /** The edge (what the browser opens). */
  edge: string;
  /** The standin's ERP, read with the service token (erpGet). */
  erp: string;
  dist: string;
  bffBundle: string;
}

/** Ports from `base` (ERP +1, hub +2, edge +4 and its outpost +7, BFF +5); OPS_DIST and BFF_BUNDLE as the other scripts read them. */
export function appStack(base: number): AppStack & { ports: { erp: number; hub: number; edge: number; bff: number } } {
  const ports = { erp: base + 1, hub: base + 2, edge: base + 4, bff: base + 5 };
  return {
    ports,
    edge: `http://localhost:${ports.edge}`,
    erp: `http://127.0.0.1:${ports.erp}`,
    dist: process.env.OPS_DIST ?? join(root, 'apps/ops/dist'),
    bffBundle: process.env.BFF_BUNDLE ?? join(root, 'apps/bff/dist/index.js'),
  };
}

/** Builds the SPA (not in smoke mode, where `npm test` just built it, nor with `--no-build`) and the BFF bundle if missing. */
export function buildApp(stack: AppStack): void {
  if (!SMOKE && !process.argv.includes('--no-build')) {
    const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit', env: { ...process.env, OPS_DIST: stack.dist } });
    if (vite.status !== 0) throw new Error('vite build a échoué');
  }
  if (!existsSync(stack.bffBundle)) {
    const bff = spawnSync(process.execPath, [join(root, 'apps/bff/build.mjs')], { cwd: root, stdio: 'inherit', env: { ...process.env, BFF_BUNDLE: stack.bffBundle } });
    if (bff.status !== 0) throw new Error('build du BFF échoué');
  }
}

/** Starts the stack in its own process group (detached): a terminal's Ctrl-C reaches the bench, which then stops it. */
export function startAppStack(stack: ReturnType<typeof appStack>): ChildProcess {
  return startStackChild(
    benchGroup,
    {
      OPS_PORT: String(stack.ports.edge),
      BFF_PORT: String(stack.ports.bff),
      STANDIN_ERP_PORT: String(stack.ports.erp),
      STANDIN_HUB_PORT: String(stack.ports.hub),
      STANDIN_ERP_TOKEN: ERP_TOKEN,
      STANDIN_HUB_TOKEN: 'bench-hub-token',
      STANDIN_DB: ':memory:',
      LOG_LEVEL: 'warn',
      OPS_DIST: stack.dist,
      BFF_BUNDLE: stack.bffBundle,
    },
    { detached: true },
  );
}

/** GET on the ERP with the service token; query values that are not strings go as JSON, as Frappe reads them. */
export async function erpGet<T>(stack: AppStack, path: string, query: Record<string, unknown>): Promise<T> {
  const url = new URL(path, stack.erp);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  const res = await fetch(url, { headers: { Authorization: `token ${ERP_TOKEN}` } });
  if (!res.ok) throw new Error(`${path} → ${res.status}`);
  return (await res.json()) as T;
}

/**
 * Browser code (a string: benches are type-checked without the DOM) that writes the records into the
 * app's queue database and tells the app, as another tab would.
 */
export function storeQueueRecordsScript(records: ScanQueueRecord[]): string {
  const { database, store } = SCAN_QUEUE_IDB;
  return `(async () => {
    const rows = ${JSON.stringify(records)};
    const open = indexedDB.open(${JSON.stringify(database)});
    open.onupgradeneeded = () => open.result.createObjectStore(${JSON.stringify(store)});
    const db = await new Promise((resolve, reject) => { open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); });
    const tx = db.transaction(${JSON.stringify(store)}, 'readwrite');
    for (const row of rows) tx.objectStore(${JSON.stringify(store)}).put(row, row.id);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
    new BroadcastChannel('gigafibre-ops-scan-queue').postMessage({ type: 'changed' });
  })()`;
}
