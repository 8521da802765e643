// The entry point as production runs it: refuses bad configuration, drains on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fakeUpstream';
import { testEnv } from './testEnv';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const entry = `${root}apps/bff/src/index.ts`;

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string | undefined>): Running {
  // tsx's loader inside the one node process: the tsx CLI relaying SIGTERM may SIGKILL it when loaded.
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream((req, res) => {
    const delay = req.url?.startsWith('/api/resource/Customer') ? 700 : 0;
    setTimeout(() => {
      res.setHeader('content-type', 'application/json');
      res.end('{"data":[]}');
    }, delay);
  });
});
afterAll(() => upstream.close());

describe('bff process', () => {
  it('refuses to start with a bad configuration, naming the problem', async () => {
    const p = run({ ...testEnv(upstream.url, upstream.url), NODE_ENV: 'production', OPS_DEV_IDENTITY: 'dev@gigafibre.ca|ops-admin' });
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toMatch(/Configuration invalide/);
    expect(p.stderr()).toMatch(/OPS_DEV_IDENTITY: interdit/);
    expect(p.stderr()).not.toContain(testEnv('', '').ERP_TOKEN);
  });

  it('finishes in-flight requests on SIGTERM, then exits 0', async () => {
    const p = run({ ...testEnv(upstream.url, upstream.url, { AUTHENTIK_JWT_SECRET: '', AUTHENTIK_ISSUER: '', AUTHENTIK_AUDIENCE: '' }), PORT: '0', OPS_DEV_IDENTITY: 'dev@gigafibre.ca|ops-admin' });
    await expect.poll(() => /"msg":"BFF listening"/.test(p.stdout()), { timeout: 15_000 }).toBe(true);
    const port = Number(/"port":(\d+)/.exec(p.stdout())?.[1]);
    expect(await get(port, '/ops/healthz')).toBe(200);

    const slow = get(port, '/ops/api/erp/resource/Customer');
    await expect.poll(() => upstream.requests.some((r) => r.url === '/api/resource/Customer')).toBe(true);
    p.child.kill('SIGTERM');
    expect(await slow).toBe(200);
    expect(await p.exited).toBe(0);
    expect(p.stdout()).toMatch(/"msg":"draining"/);
    await expect(get(port, '/ops/healthz')).rejects.toThrow();
  });
});
