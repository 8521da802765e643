// Two BFF processes behind the standin edge (Traefik's role: round-robin over BFF_URL, Authentik's
// identity headers and JWT): the BFF keeps no state, so one user's calls and event streams work on
// either replica, and when one drains its streams reconnect to the other and resume.
import { spawn, type ChildProcess } from 'node:child_process';
import { get, type IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../standin/src/edge/demo-users';
import { FIXTURE_JOBS } from '../../standin/src/seed/fixtures';
import { startStandin, type Standin } from '../../standin/src/standin';
import { erpFetch, testConfig, TEST_TOKENS } from '../../standin/src/testing/harness';
import { unusedPort } from './fakeUpstream';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const JWT_SECRET = 'replicas-test-jwt-secret-long-enough-0123456789';
const ISSUER = 'http://edge.test/application/o/gigafibre-ops/';

interface Replica {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  exited: Promise<number | null>;
}

let standin: Standin;
let edge: string;
let replicas: Replica[] = [];
let cookie: string;

function startReplica(port: number): Replica {
  // tsx's loader inside the one node process (the tsx CLI relaying SIGTERM may SIGKILL the BFF on a loaded machine).
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}apps/bff/src/index.ts`], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      ERP_URL: standin.urls.erp,
      ERP_TOKEN: TEST_TOKENS.erp,
      HUB_URL: standin.urls.hub,
      HUB_TOKEN: TEST_TOKENS.hub,
      AUTHENTIK_JWT_SECRET: JWT_SECRET,
      AUTHENTIK_ISSUER: ISSUER,
      AUTHENTIK_AUDIENCE: 'gigafibre-ops',
      STREAM_RETRY_MS: '200',
      LOG_LEVEL: 'debug',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, stdout: () => out, exited };
}

/** Log lines of one replica about `who`'s requests (`msg` request/audit/event stream opened). */
function linesOf(replica: Replica, msg: string): Record<string, unknown>[] {
  return replica
    .stdout()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.msg === msg);
}

/** Waits (outside a test, where expect.poll is not allowed) until `ok()` holds. */
async function until(ok: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  const ports = [await unusedPort(), await unusedPort()];
  // Heartbeats every 300 ms instead of 15 s, to see them cross the edge and the BFF.
  const config = testConfig({ services: ['erp', 'hub', 'edge'], bffUrls: ports.map((p) => `http://127.0.0.1:${p}`), heartbeatMs: 300 });
  standin = await startStandin({ ...config, jwtSecret: JWT_SECRET });
  edge = standin.urls.edge as string;
  replicas = ports.map(startReplica);
  for (const r of replicas) await until(() => /"msg":"BFF listening"/.test(r.stdout()), 20_000);
  const signIn = await fetch(`${edge}/if/flow/default-authentication-flow/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: DEMO.dispatch.email, password: DEMO.dispatch.password, next: '/ops/' }),
  });
  cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
}, 60_000);

afterAll(async () => {
  for (const r of replicas) if (r.child.exitCode === null) r.child.kill('SIGKILL');
  await standin?.close();
});

const api = (path: string, init: RequestInit = {}) => fetch(`${edge}${path}`, { ...init, redirect: 'manual', headers: { Cookie: cookie, ...(init.headers ?? {}) } });

interface Stream {
  res: IncomingMessage;
  text: () => string;
  done: Promise<void>;
  close(): void;
}

function openStream(lastEventId?: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Cookie: cookie, Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) };
    const req = get(`${edge}/ops/api/hub/events`, { agent: false, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      resolve({ res, text: () => text, done: new Promise((end) => res.on('close', end)), close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

describe('two BFF replicas behind the edge', () => {
  it('serves one user’s calls from either replica, with the same identity and answers', async () => {
    const answers = await Promise.all([0, 1, 2, 3].map(() => api('/ops/api/me').then(async (r) => ({ status: r.status, body: (await r.json()) as { email: string; capabilities: string[] } }))));
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body).toEqual(answers[0]?.body);
      expect(a.body.email).toBe(DEMO.dispatch.email);
    }
    const list = await Promise.all([0, 1].map(() => api(`/ops/api/erp/resource/Customer?limit_page_length=5`).then((r) => r.json())));
    expect(list[0]).toEqual(list[1]);
    for (const r of replicas) {
      await expect.poll(() => linesOf(r, 'request').filter((l) => l.who === DEMO.dispatch.email && l.status === 200).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('delivers a change to the user’s streams on both replicas, then moves a drained replica’s stream to the other', async () => {
    const streams = [await openStream(), await openStream()];
    for (const s of streams) expect(s.res.statusCode).toBe(200);
    for (const r of replicas) await expect.poll(() => linesOf(r, 'event stream opened').length).toBe(1);
    // The hub's heartbeat comments reach the browser through the edge and either replica, unbuffered.
    for (const s of streams) await expect.poll(() => s.text(), { timeout: 3000 }).toContain(': heartbeat\n\n');

    // A write through the edge (it lands on one replica); both streams carry its event.
    const job = FIXTURE_JOBS.unassignedToday.job;
    const put = await api(`/ops/api/erp/resource/Dispatch%20Job/${job}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'gigafibre-ops' },
      body: JSON.stringify({ notes: 'Accès par la ruelle (test répliques)' }),
    });
    expect(put.status).toBe(200);
    for (const s of streams) await expect.poll(() => s.text(), { timeout: 5000 }).toMatch(new RegExp(`"name":"${job}"[^\\n]*"by":"${DEMO.dispatch.email}"`));
    const lastId = /id: (\d+)\n[^\n]*\ndata: [^\n]*"name":"DJ-000001"/.exec(streams[0]?.text() ?? '')?.[1] as string;
    expect(lastId).toMatch(/^\d+$/);

    // Replica 1 drains: its stream ends with a retry hint, the process exits 0…
    const [first, second] = replicas as [Replica, Replica];
    first.child.kill('SIGTERM');
    const drained = await Promise.race(streams.map((s, i) => s.done.then(() => i)));
    expect(streams[drained]?.text()).toMatch(/retry: \d+\n\n: [^\n]+\n\n$/);
    expect(await first.exited).toBe(0);

    // …and the browser's reconnection (with Last-Event-ID) lands on replica 2, which resumes.
    const resumed = await openStream(lastId);
    expect(resumed.res.statusCode).toBe(200);
    await expect.poll(() => linesOf(second, 'event stream opened').length).toBe(2);
    // (The next change comes straight from ERPNext: the edge, unlike Traefik, has no health check
    // to learn that replica 1 is gone, and does not retry a PUT on a refused connection.)
    const again = await erpFetch(standin.urls.erp as string, `/api/resource/Dispatch%20Job/${job}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ notes: 'Sonner deux fois' }),
    });
    expect(again.status).toBe(200);
    const ids = () => [...resumed.text().matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    await expect.poll(ids, { timeout: 5000 }).toEqual([Number(lastId) + 1]); // after the last event seen, not replayed from the start
    expect(resumed.text()).toContain(`"name":"${job}"`);
    for (const s of [...streams, resumed]) s.close();
  });
});
