// The stack's nginx edge (nginx-edge.conf) for real: Debian's nginx in front of two BFF replicas,
// asking the standin's outpost endpoint, as production's Traefik + Authentik ForwardAuth does.
// npm test installs nginx (scripts/lib/bootstrap.mjs); without it this file fails and says so.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OneSocketClient } from '../../packages/keepalive/src/testing/oneSocket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../apps/bff/test/rawHttp';
import { buildApp, testEnv, type TestApp } from '../../apps/bff/test/testEnv';
import { startStandin, type Standin } from '../../apps/standin/src/standin';
import { testConfig, TEST_TOKENS } from '../../apps/standin/src/testing/harness';
import { nginxPath, nginxProblem, renderNginxConfig, writeNginxFiles, type NginxEdgeSettings, type NginxFiles } from './nginxEdge';

const JWT_SECRET = 'nginx-edge-test-jwt-secret-0123456789abcdef';
const ISSUER = 'http://edge.test/application/o/gigafibre-ops/';

interface RunningNginx {
  origin: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function runNginx(settings: Omit<NginxEdgeSettings, 'listenPort'>): Promise<RunningNginx> {
  const problem = nginxProblem(nginxPath(process.env));
  if (problem) throw new Error(`${problem} : npm test l’installe (apt-get install nginx).`);
  const listenPort = await freePort();
  const files: NginxFiles = writeNginxFiles({ ...settings, listenPort });
  const child: ChildProcess = spawn(nginxPath(process.env), files.args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const origin = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx s’est arrêté : ${stderr}`);
    try {
      await fetch(`${origin}/__ping`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx ne répond pas : ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          files.remove();
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

describe('the rendered configuration', () => {
  it('passes nginx -t, and holds the fault replay only when the standin injects faults', () => {
    const settings = { listenPort: 1, outpostPort: 2, bffPorts: [3, 4], faults: true };
    expect(renderNginxConfig(settings, '/tmp/x')).toContain('location @standin_fault');
    expect(renderNginxConfig({ ...settings, faults: false }, '/tmp/x')).not.toMatch(/@standin_fault|error_page 403/);
    expect(renderNginxConfig(settings, '/tmp/x')).toMatch(/server 127\.0\.0\.1:3 max_fails=1 fail_timeout=2s;\n\s+server 127\.0\.0\.1:4 /);
    const files = writeNginxFiles(settings);
    const check = spawnSync(nginxPath(process.env), ['-t', ...files.args], { encoding: 'utf8' });
    files.remove();
    expect(check.stderr).toContain('test is successful');
  });
});

describe('nginx in front of two BFF replicas, the standin as Authentik’s outpost', () => {
  let standin: Standin;
  const bffs: { t: TestApp; server: Listening }[] = [];
  let edge: RunningNginx;
  let cookie: string;

  beforeAll(async () => {
    const bffPorts = [await freePort(), await freePort()];
    const config = { ...testConfig({ faults: true, now: null }), jwtSecret: JWT_SECRET, jwtIssuer: ISSUER, bffUrls: bffPorts.map((p) => `http://127.0.0.1:${p}`) };
    standin = await startStandin(config);
    for (const port of bffPorts) {
      const env = testEnv(standin.urls.erp as string, standin.urls.hub as string, { ERP_TOKEN: TEST_TOKENS.erp, HUB_TOKEN: TEST_TOKENS.hub, AUTHENTIK_JWT_SECRET: JWT_SECRET, AUTHENTIK_ISSUER: ISSUER, LOG_LEVEL: 'silent' });
      const t = buildApp(env);
      const server = await listen(t.app);
      // listen() took an ephemeral port: move it to the one nginx will use.
      await server.close();
      await new Promise<void>((resolve) => server.server.listen(port, '127.0.0.1', resolve));
      bffs.push({ t, server });
    }
    edge = await runNginx({ outpostPort: Number(new URL(standin.urls.edge as string).port), bffPorts, faults: true });
    const signIn = await fetch(`${edge.origin}/if/flow/default-authentication-flow/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: edge.origin },
      body: new URLSearchParams({ email: 'admin@gigafibre.ca', password: 'demo-admin', next: '/ops/' }),
    });
    expect(signIn.status).toBe(302);
    cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
  });
  afterAll(async () => {
    await edge?.stop();
    for (const { t, server } of bffs) {
      t.app.closeUpstreams();
      server.server.closeAllConnections();
      server.server.close();
    }
    await standin?.close();
  });

  it('sends a visitor without a session to the outpost’s sign-in, pages and API calls alike, as Authentik’s nginx setup does', async () => {
    for (const path of ['/ops/index.html', '/ops/clients/CUST-00583', '/ops/api/me']) {
      const res = await fetch(`${edge.origin}${path}`, { redirect: 'manual' });
      expect(res.status, path).toBe(302);
      expect(res.headers.get('location')).toBe(`/outpost.goauthentik.io/start?rd=${path}`);
    }
    const start = await fetch(`${edge.origin}/outpost.goauthentik.io/start?rd=/ops/`, { redirect: 'manual' });
    expect(start.headers.get('location')).toBe('/if/flow/default-authentication-flow/?next=%2Fops%2F');
    expect((await fetch(`${edge.origin}/ops/healthz`)).status).toBe(200); // the skip path
  });

  it('lets the entry page /ops/ through without a session (the skip path ^/ops/?$), as the BFF’s page', async () => {
    const res = await fetch(`${edge.origin}/ops/`, { redirect: 'manual', headers: { 'X-Authentik-Email': 'intrus@example.com' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'sha256-/);
    expect(await res.text()).toContain("'/ops/index.html'");
  });

  it('gives the BFF the outpost’s identity, whatever X-Authentik-* the browser sent', async () => {
    const forged = { 'X-Authentik-Email': 'intrus@example.com', 'X-Authentik-Groups': 'ops-admin', 'X-Authentik-Jwt': 'forged', 'X-authentik-username': 'intrus' };
    const me = await fetch(`${edge.origin}/ops/api/me`, { headers: { Cookie: cookie, ...forged } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: 'admin@gigafibre.ca', groups: ['ops-admin'] });
    const anonymous = await fetch(`${edge.origin}/ops/api/me`, { headers: forged, redirect: 'manual' });
    expect(anonymous.status).toBe(302);
  });

  it('keeps every pooled connection usable after the BFF’s early answers (client → nginx → replicas)', async () => {
    const client = new OneSocketClient(edge.origin);
    const spa = { Cookie: cookie, 'X-Requested-With': 'gigafibre-ops', 'Content-Type': 'application/json', Origin: edge.origin };
    const job = '/ops/api/erp/resource/Dispatch%20Job/DJ-000001';
    const big = Buffer.from(JSON.stringify({ notes: 'n'.repeat(200_000) }));
    const answers = [];
    for (let i = 0; i < 6; i++) {
      answers.push(await client.call({ method: 'PUT', path: job, headers: { ...spa, 'X-Requested-With': 'nope' }, body: big })); // 403 CSRF
      answers.push(await client.call({ method: 'PUT', path: job, headers: { ...spa, 'Content-Type': 'text/plain' }, body: big })); // 415
      answers.push(await client.call({ method: 'PUT', path: job, headers: spa, body: big })); // 413
      answers.push(await client.call({ method: 'PUT', path: job, headers: spa, body: big, chunked: true })); // 413, chunked
      answers.push(await client.call({ method: 'PUT', path: job, headers: spa, body: JSON.stringify({ notes: `visite ${i}` }) })); // ordinary, not retried by nginx
    }
    client.close();
    expect(answers.map((a) => a.error ?? a.status)).toEqual(Array.from({ length: 6 }, () => [403, 415, 413, 413, 200]).flat());
    expect(new Set(answers.map((a) => a.socket))).toEqual(new Set([1])); // nginx kept the browser's connection throughout
  });

  it('plays the edge’s injected faults: a session that expires (302) and an answer of the edge’s own (429)', async () => {
    await fetch(`${edge.origin}/__faults`, { method: 'POST', body: JSON.stringify({ path: '/ops/api/me', signIn: true, cookie }) });
    const expired = await fetch(`${edge.origin}/ops/api/me`, { headers: { Cookie: cookie }, redirect: 'manual' });
    expect(expired.status).toBe(302);
    await fetch(`${edge.origin}/__faults`, { method: 'POST', body: JSON.stringify({ path: '/ops/api/me', status: 429, headers: { 'Retry-After': '8' }, body: { error: 'rate_limited' } }) });
    const limited = await fetch(`${edge.origin}/ops/api/me`, { headers: { Cookie: cookie } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('8');
    expect(await limited.json()).toEqual({ error: 'rate_limited' });
    expect((await fetch(`${edge.origin}/ops/api/me`, { headers: { Cookie: cookie } })).status).toBe(200);
  });
});

describe('what reaches the replicas', () => {
  const seen: { replica: number; url: string; headers: IncomingHttpHeaders }[] = [];
  const servers: Server[] = [];
  let standin: Standin;
  let edge: RunningNginx;
  let cookie: string;

  beforeAll(async () => {
    const ports: number[] = [];
    for (const replica of [1, 2]) {
      const server = createServer((req, res) => {
        seen.push({ replica, url: req.url ?? '', headers: req.headers });
        if (req.url === '/ops/api/hub/events') {
          res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform' });
          res.write('id: 1\ndata: un\n\n');
          setTimeout(() => res.end('id: 2\ndata: deux\n\n'), 600);
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ replica }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      ports.push((server.address() as AddressInfo).port);
    }
    standin = await startStandin({ ...testConfig({ services: ['hub', 'edge'], now: null }), jwtSecret: JWT_SECRET, jwtIssuer: ISSUER });
    edge = await runNginx({ outpostPort: Number(new URL(standin.urls.edge as string).port), bffPorts: ports, faults: false });
    const signIn = await fetch(`${edge.origin}/if/flow/default-authentication-flow/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'dispatch2@gigafibre.ca', password: 'demo-dispatch2', next: '/ops/' }),
    });
    cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
  });
  afterAll(async () => {
    await edge?.stop();
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
    await standin?.close();
  });

  it('the outpost’s X-authentik-* (replacing the browser’s), the client’s address, the Host, round-robin over both', async () => {
    seen.length = 0;
    const headers = { Cookie: cookie, 'X-Authentik-Email': 'intrus@example.com', 'X-Authentik-Jwt': 'forged', 'X-Forwarded-For': '6.6.6.6' };
    const replicas = [];
    for (let i = 0; i < 4; i++) replicas.push(((await (await fetch(`${edge.origin}/ops/api/me`, { headers })).json()) as { replica: number }).replica);
    expect(replicas.sort()).toEqual([1, 1, 2, 2]);
    const got = seen[0]?.headers ?? {};
    expect(got['x-authentik-email']).toBe('dispatch2@gigafibre.ca');
    expect(got['x-authentik-groups']).toBe('ops-dispatch');
    // Authentik sends UTF-8 bytes (Chloé); Node reads header bytes as latin1.
    expect(Buffer.from(String(got['x-authentik-name']), 'latin1').toString('utf8')).toBe('Chloé Bergeron');
    expect(String(got['x-authentik-jwt']).split('.')).toHaveLength(3);
    expect(got['x-authentik-jwt']).not.toBe('forged');
    expect(got['x-authentik-meta-provider']).toBe('gigafibre-ops');
    expect(got['x-forwarded-for']).toBe('127.0.0.1');
    expect(got.host).toBe(new URL(edge.origin).host);
    expect(got.connection).toBeUndefined(); // pooled: no `Connection: close` to the replicas
  });

  it('passes the live event stream through unbuffered', async () => {
    const res = await fetch(`${edge.origin}/ops/api/hub/events`, { headers: { Cookie: cookie } });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const t0 = Date.now();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('data: un');
    expect(Date.now() - t0).toBeLessThan(400);
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(rest).toContain('data: deux');
  });
});
