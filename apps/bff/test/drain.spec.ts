// Graceful drain of a real BFF process on SIGTERM: health checks answer 503 so the edge stops
// routing (requests still served during DRAIN_DELAY_MS), then it stops accepting, ends event
// streams with a `retry:` hint, lets in-flight requests finish, and exits 0 — bounded by
// SHUTDOWN_TIMEOUT_MS.
import { spawn, type ChildProcess } from 'node:child_process';
import { get, type IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fakeUpstream';
import { testEnv } from './testEnv';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const entry = `${root}apps/bff/src/index.ts`;
// tsx's loader inside the one node process: the tsx CLI would stand in between and SIGKILL the
// BFF when it relays SIGTERM slower than 30 ms (a loaded machine), ending no drain at all.
const NODE_ARGS = ['--import', 'tsx', entry];

interface Bff {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  exited: Promise<number | null>;
}

const started: ChildProcess[] = [];

async function startBff(upstream: FakeUpstream, env: Record<string, string>): Promise<Bff> {
  const base = testEnv(upstream.url, upstream.url, { AUTHENTIK_JWT_SECRET: '', AUTHENTIK_ISSUER: '', AUTHENTIK_AUDIENCE: '', LOG_LEVEL: 'info' });
  const child = spawn(process.execPath, NODE_ARGS, { cwd: root, env: { PATH: process.env.PATH, ...base, PORT: '0', OPS_DEV_IDENTITY: 'dev@gigafibre.ca|ops-admin', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await expect.poll(() => /"msg":"BFF listening"/.test(out), { timeout: 15_000 }).toBe(true);
  return { child, port: Number(/"port":(\d+)/.exec(out)?.[1]), stdout: () => out, exited };
}

interface Answer {
  res: IncomingMessage;
  text: () => string;
  done: Promise<void>;
}

/** A GET on a fresh connection; resolves once the headers are in (the body keeps coming). */
function open(port: number, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      const done = new Promise<void>((end) => res.on('close', end));
      resolve({ res, text: () => text, done });
    });
    req.on('error', reject);
  });
}

async function status(port: number, path: string): Promise<number> {
  const answer = await open(port, path);
  await answer.done;
  return answer.res.statusCode ?? 0;
}

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream((req, res) => {
    if (req.url === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': connected\n\n');
      return;
    }
    if (req.url === '/api/method/ping') return void res.end('{"message":"pong"}');
    if (req.url?.startsWith('/api/resource/Version')) return; // never answers
    const delay = req.url?.startsWith('/api/resource/Customer') ? 1200 : 0;
    setTimeout(() => {
      res.setHeader('content-type', 'application/json');
      res.end('{"data":[]}');
    }, delay);
  });
});
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => upstream.close());

describe('SIGTERM', () => {
  it('turns health checks to 503, ends streams with a retry hint, finishes in-flight requests, then exits 0', async () => {
    // A delay long enough for this test to act within it on a loaded machine.
    const bff = await startBff(upstream, { DRAIN_DELAY_MS: '3000', SHUTDOWN_TIMEOUT_MS: '8000', STREAM_RETRY_MS: '1500' });
    expect(await status(bff.port, '/ops/healthz')).toBe(200);
    const stream = await open(bff.port, '/ops/api/hub/events');
    await expect.poll(() => stream.text()).toContain(': connected');
    const seen = upstream.requests.length;
    const slow = open(bff.port, '/ops/api/erp/resource/Customer');
    await expect.poll(() => upstream.requests.slice(seen).some((r) => r.url === '/api/resource/Customer')).toBe(true);

    bff.child.kill('SIGTERM');
    await expect.poll(() => /"msg":"draining"/.test(bff.stdout())).toBe(true);
    // Still accepting for DRAIN_DELAY_MS: the edge's health checks see 503 and stop routing here…
    const [healthz, readyz] = await Promise.all([open(bff.port, '/ops/healthz'), open(bff.port, '/ops/readyz')]);
    expect(healthz.res.statusCode).toBe(503);
    expect(readyz.res.statusCode).toBe(503);
    await healthz.done;
    expect(JSON.parse(healthz.text())).toMatchObject({ status: 'draining', error: 'draining' });
    // …while a request that still arrives is served, as its connection's last.
    const late = await open(bff.port, '/ops/api/erp/resource/Tag');
    expect(late.res.statusCode).toBe(200);
    expect(late.res.headers.connection).toBe('close');

    // Then the stream ends with a retry hint (the browser reconnects elsewhere)…
    await stream.done;
    expect(stream.text()).toMatch(/: connected\n\nretry: (1[5-9]\d\d|2\d\d\d)\n\n: [^\n]+\n\n$/);
    // …the slow request still gets its answer, and the process exits cleanly.
    const answered = await slow;
    await answered.done;
    expect(answered.res.statusCode).toBe(200);
    expect(await bff.exited).toBe(0);
    await expect(status(bff.port, '/ops/healthz')).rejects.toThrow(/ECONNREFUSED/);
    expect(bff.stdout()).toMatch(/"msg":"stopped"/);
  });

  it('stops accepting new connections once the delay is over', async () => {
    const bff = await startBff(upstream, { DRAIN_DELAY_MS: '0', SHUTDOWN_TIMEOUT_MS: '8000' });
    const seen = upstream.requests.length;
    const slow = open(bff.port, '/ops/api/erp/resource/Customer');
    await expect.poll(() => upstream.requests.slice(seen).some((r) => r.url === '/api/resource/Customer')).toBe(true);
    bff.child.kill('SIGTERM');
    const refused = () => status(bff.port, '/ops/healthz').then(String, (err: NodeJS.ErrnoException) => err.code ?? err.message);
    await expect.poll(refused, { timeout: 2000 }).toBe('ECONNREFUSED');
    expect((await slow).res.statusCode).toBe(200);
    expect(await bff.exited).toBe(0);
  });

  it('cuts what is still running after SHUTDOWN_TIMEOUT_MS and exits anyway', async () => {
    const bff = await startBff(upstream, { DRAIN_DELAY_MS: '0', SHUTDOWN_TIMEOUT_MS: '800', UPSTREAM_TIMEOUT_MS: '60000' });
    const stuck = new Promise<string>((resolve) => {
      const req = get({ host: '127.0.0.1', port: bff.port, path: '/ops/api/erp/resource/Version', agent: false }, () => resolve('answered'));
      req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    });
    // The access step adds its filters to the query: the path is what tells the request apart.
    await expect.poll(() => upstream.requests.some((r) => r.url.startsWith('/api/resource/Version'))).toBe(true);
    const signalledAt = Date.now();
    bff.child.kill('SIGTERM');
    expect(await bff.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(5000);
    expect(await stuck).toBe('ECONNRESET');
    expect(bff.stdout()).toMatch(/"msg":"drain timed out: closing remaining connections"/);
  });
});
