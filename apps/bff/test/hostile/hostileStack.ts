// The stack the hostile-input and log suites attack: the real standin (ERPNext + hub, in this
// process, `:memory:`), a counting proxy in front of each upstream (every request that reaches
// one is recorded), and the real BFF as a child process (`src/index.ts` through tsx, production
// logger on stdout), so a crash is an exit we can see and the log is the one production writes.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startTestStandin, TEST_TOKENS } from '../../../standin/src/testing/harness';
import type { Standin } from '../../../standin/src/standin';
import type { BffEnv } from '../../src/config';
import { AUDIENCE, ISSUER, JWT_SECRET } from '../testEnv';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** One request that reached an upstream. */
export interface UpstreamHit {
  upstream: 'erp' | 'hub';
  method: string;
  url: string;
  /** The `X-Ops-User` it carried: a user's call (the BFF's own access reads carry none). */
  user?: string;
}

export interface HostileStack {
  standin: Standin;
  /** Every request that reached the ERP or the hub, in order. */
  hits: UpstreamHit[];
  bffPort: number;
  /** The BFF's stdout (its JSON log), as written. */
  log(): string;
  /** True while the BFF process runs. */
  alive(): boolean;
  /** The BFF's exit, if it happened (code or signal). */
  exit(): string | null;
  stop(): Promise<void>;
}

/** A proxy that records every request, then forwards it untouched. */
export async function countingProxy(name: UpstreamHit['upstream'], target: string, hits: UpstreamHit[]): Promise<Server> {
  const url = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => {
    const user = req.headers['x-ops-user'];
    hits.push({ upstream: name, method: req.method ?? '', url: req.url ?? '', ...(typeof user === 'string' && { user }) });
    const out = httpRequest({ hostname: url.hostname, port: url.port, method: req.method, path: req.url, headers: req.headers, agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => res.destroy());
    res.on('close', () => out.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.on('close', () => agent.destroy());
  return server;
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

/**
 * Starts standin, counting proxies and the BFF (env: the production variable names; `extra`
 * overrides). Resolves once the BFF logs that it listens.
 */
export async function startHostileStack(extra: BffEnv = {}, options: { faults?: boolean } = {}): Promise<HostileStack> {
  const standin = await startTestStandin({ services: ['erp', 'hub'], scale: 60, faults: options.faults ?? false, now: null });
  const hits: UpstreamHit[] = [];
  const erp = await countingProxy('erp', standin.urls.erp as string, hits);
  const hub = await countingProxy('hub', standin.urls.hub as string, hits);
  const env: BffEnv = {
    NODE_ENV: 'production',
    PORT: '0',
    ERP_URL: `http://127.0.0.1:${portOf(erp)}`,
    ERP_TOKEN: TEST_TOKENS.erp,
    HUB_URL: `http://127.0.0.1:${portOf(hub)}`,
    HUB_TOKEN: TEST_TOKENS.hub,
    AUTHENTIK_JWT_SECRET: JWT_SECRET,
    AUTHENTIK_ISSUER: ISSUER,
    AUTHENTIK_AUDIENCE: AUDIENCE,
    LOG_LEVEL: 'debug',
    UPSTREAM_TIMEOUT_MS: '5000',
    ...extra,
  };
  let stdout = '';
  let exited: string | null = null;
  const child: ChildProcess = spawn(`${root}node_modules/.bin/tsx`, [`${root}apps/bff/src/index.ts`], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.on('exit', (code, signal) => (exited = String(signal ?? code)));

  const bffPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`BFF not listening after 30 s:\n${stdout}\n${stderr}`)), 30_000);
    const check = () => {
      const line = stdout.split('\n').find((l) => l.includes('"BFF listening"'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      } else if (exited !== null) {
        clearTimeout(timer);
        reject(new Error(`BFF exited (${exited}):\n${stdout}\n${stderr}`));
      } else {
        setTimeout(check, 50);
      }
    };
    check();
  });

  return {
    standin,
    hits,
    bffPort,
    log: () => stdout,
    alive: () => exited === null,
    exit: () => exited,
    stop: async () => {
      if (exited === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        });
      }
      for (const server of [erp, hub]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await standin.close();
    },
  };
}
