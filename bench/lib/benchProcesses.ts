// What the scale benches (proxy-cpu, sse-fanout, soak) share: start the standin and built BFF
// replicas as child processes with production variable names, watch their CPU and memory from
// /proc, and stop everything at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { ProcessGroup, repoRoot, waitForUrl } from '../../scripts/lib/processes';
import { SMOKE } from './report';

export const root = repoRoot;

/** Bench-only secrets (never used outside a bench run). */
export const BENCH = {
  erpToken: 'bench-key:bench-secret',
  hubToken: 'bench-hub-token',
  jwtSecret: 'bench-jwt-secret-long-enough-for-hs256-0123456789',
  audience: 'gigafibre-ops',
} as const;

/** File descriptors each child may open: thousands of streams need more than a default 1,024. */
export const FD_LIMIT = 16_384;

/** Every child a bench starts; one that exits before `stopAll()` aborts the bench. */
export const benchGroup = new ProcessGroup({
  onEarlyExit: (name, status, stderr) => {
    console.error(`${name} exited early (${status}):\n${stderr}`);
    process.exit(2);
  },
});

/**
 * Spawns `command` with a raised open-file limit (`ulimit -n` is per process and inherited; a
 * child cannot raise it past the hard limit, so the hard limit is the fallback). stderr is kept
 * (last 4 kB) to explain an early exit, which aborts the bench.
 */
export function startChild(name: string, command: string, args: string[], env: Record<string, string>, stdout: 'ignore' | 'pipe' = 'ignore'): ChildProcess {
  const script = `ulimit -n ${FD_LIMIT} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"`;
  return benchGroup.start(name, '/bin/sh', ['-c', script, 'sh', command, ...args], { env, stdout });
}

/** SIGTERM every child (SIGKILL after 8 s) and wait for them. */
export function stopAll(): Promise<void> {
  return benchGroup.stopAll();
}

/** Polls `url` until it answers 2xx. */
export function waitFor(url: string, headers: Record<string, string> = {}, timeoutMs = 120_000): Promise<void> {
  return waitForUrl(url, { headers, timeoutMs, intervalMs: 200 });
}

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // gone
  }
}

/** User + system CPU time of one process (all its threads: JS, GC, libuv), in µs (Linux /proc; USER_HZ 100). */
export function cpuMicros(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // utime, stime (fields 14 and 15)
}

/** CPU time (µs) of a process and all its descendants: tsx runs the standin in a child, nginx its workers. */
export function treeCpuMicros(pid: number): number {
  let children: string;
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  } catch {
    return 0; // gone
  }
  return cpuMicros(pid) + (children === '' ? 0 : children.split(' ').reduce((sum, child) => sum + treeCpuMicros(Number(child)), 0));
}

/** Resident set size of one process in MB (VmRSS). */
export function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? 0 : Number(kb) / 1024;
  } catch {
    return 0;
  }
}

/**
 * The pid of the program `sh -c … exec` ends up running: the same pid (exec replaces the shell),
 * but only once the exec happened, so wait for /proc to show something other than sh.
 */
export async function execedPid(child: ChildProcess): Promise<number> {
  const pid = child.pid as number;
  for (let i = 0; i < 100; i++) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'sh') return pid;
    } catch {
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return pid;
}

/** The edge's HS256 JWT, as the Authentik outpost injects it. */
export function signEdgeJwt(claims: Record<string, unknown>, issuer: string): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, iss: issuer, aud: BENCH.audience, iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', BENCH.jwtSecret).update(unsigned).digest('base64url')}`;
}

/**
 * Builds the BFF bundle (BFF_BUNDLE, default apps/bff/dist/index.js) and returns its path. A smoke
 * run reuses the bundle `npm test`'s build step just made.
 */
export async function buildBff(): Promise<string> {
  const bundle = process.env.BFF_BUNDLE ?? `${root}apps/bff/dist/index.js`;
  if (SMOKE && existsSync(bundle)) return bundle;
  const build = spawn(process.execPath, ['apps/bff/build.mjs'], { cwd: root, stdio: 'inherit' });
  await new Promise<void>((resolve, reject) => build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('BFF build failed')))));
  return bundle;
}

export interface StandinPorts {
  erp: number;
  hub: number;
  edge?: number;
  /** BFF replicas the edge round-robins over. */
  bffs?: number[];
}

/** The standin (ERP + hub, and the edge when `ports.edge` is set) on an in-memory database. */
export function startStandin(ports: StandinPorts, env: Record<string, string> = {}): ChildProcess {
  const services = ports.edge === undefined ? 'erp,hub' : 'erp,hub,edge';
  return startChild('standin', `${root}node_modules/.bin/tsx`, ['apps/standin/src/main.ts'], {
    STANDIN_DB: ':memory:',
    STANDIN_SERVICES: services,
    STANDIN_ERP_PORT: String(ports.erp),
    STANDIN_HUB_PORT: String(ports.hub),
    ...(ports.edge !== undefined && { OPS_PORT: String(ports.edge) }),
    ...(ports.bffs && { BFF_URL: ports.bffs.map((p) => `http://127.0.0.1:${p}`).join(',') }),
    STANDIN_ERP_TOKEN: BENCH.erpToken,
    STANDIN_HUB_TOKEN: BENCH.hubToken,
    STANDIN_JWT_SECRET: BENCH.jwtSecret,
    ...(ports.edge !== undefined && { STANDIN_JWT_ISSUER: issuerFor(ports.edge) }),
    STANDIN_JWT_AUDIENCE: BENCH.audience,
    LOG_LEVEL: 'warn',
    ...env,
  });
}

/** The JWT issuer the BFF expects (the edge's, when there is one). */
export function issuerFor(edgePort?: number): string {
  return `http://localhost:${edgePort ?? 0}/application/o/${BENCH.audience}/`;
}

/** One BFF replica from the bundle, in production mode, wired to the standin. */
export function startBff(bundle: string, port: number, upstream: { erp: number; hub: number }, issuer: string, env: Record<string, string> = {}, nodeArgs: string[] = []): ChildProcess {
  // BENCH_BFF_NODE_ARGS: extra node flags for investigations (`--cpu-prof`, `--expose-gc --import probe.mjs`).
  const extra = (process.env.BENCH_BFF_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  return startChild(`bff:${port}`, process.execPath, [...extra, ...nodeArgs, bundle], {
    NODE_ENV: 'production',
    PORT: String(port),
    ERP_URL: `http://127.0.0.1:${upstream.erp}`,
    ERP_TOKEN: BENCH.erpToken,
    HUB_URL: `http://127.0.0.1:${upstream.hub}`,
    HUB_TOKEN: BENCH.hubToken,
    AUTHENTIK_JWT_SECRET: BENCH.jwtSecret,
    AUTHENTIK_ISSUER: issuer,
    AUTHENTIK_AUDIENCE: BENCH.audience,
    LOG_LEVEL: 'info',
    ...env,
  });
}
