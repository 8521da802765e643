// nginx as the stack's edge (Traefik + Authentik ForwardAuth in production): finds Debian's
// binary, renders nginx-edge.conf into a temporary folder (config, pid, temp files: nothing
// outside it), and runs nginx in the foreground as a child of the stack.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the stack looks for nginx (NGINX_PATH overrides). */
export function nginxPath(env: NodeJS.ProcessEnv): string {
  return env.NGINX_PATH ?? '/usr/sbin/nginx';
}

/** What is wrong with the nginx at `bin` for this config, or null when it will do. */
export function nginxProblem(bin: string): string | null {
  if (!existsSync(bin)) return `nginx est introuvable (${bin})`;
  const version = spawnSync(bin, ['-V'], { encoding: 'utf8' });
  if (version.status !== 0) return `${bin} -V a échoué`;
  // Debian's nginx is built with it; a custom build may not be.
  if (!`${version.stderr}${version.stdout}`.includes('--with-http_auth_request_module')) return `${bin} n’a pas le module auth_request`;
  return null;
}

export interface NginxEdgeSettings {
  /** The port browsers use (the stack's OPS_PORT). */
  listenPort: number;
  /** The standin's edge service, playing Authentik's outpost. */
  outpostPort: number;
  bffPorts: readonly number[];
  /** The standin's fault injection is on: replay fault answers to it (see the template). */
  faults: boolean;
  /** `warn` by default; `info` or `debug` to see more. */
  errorLogLevel?: string;
  /** A file for the access log, or none (default). */
  accessLog?: string;
}

const TEMPLATE = new URL('./nginx-edge.conf', import.meta.url);

/** The config for `settings`, with its files under `dir`. */
export function renderNginxConfig(settings: NginxEdgeSettings, dir: string): string {
  const values: Record<string, string> = {
    DIR: dir,
    ERROR_LOG_LEVEL: settings.errorLogLevel ?? 'warn',
    ACCESS_LOG: settings.accessLog ?? 'off',
    LISTEN: `127.0.0.1:${settings.listenPort}`,
    OUTPOST: `127.0.0.1:${settings.outpostPort}`,
    BFF_SERVERS: settings.bffPorts.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=2s;`).join('\n'),
  };
  return readFileSync(TEMPLATE, 'utf8')
    .split('\n')
    .flatMap((line) => (line.startsWith('#faults#') ? (settings.faults ? [line.slice('#faults#'.length)] : []) : [line]))
    .join('\n')
    .replace(/\{\{([A-Z_]+)\}\}/g, (_m, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`nginx-edge.conf: {{${name}}} sans valeur`);
      return value;
    });
}

/** A rendered config in a fresh temporary folder, and how to remove it. */
export interface NginxFiles {
  dir: string;
  config: string;
  /** nginx's arguments: prefix and config in the folder, errors to stderr from the first line on. */
  args: string[];
  remove(): void;
}

export function writeNginxFiles(settings: NginxEdgeSettings): NginxFiles {
  const dir = mkdtempSync(join(tmpdir(), 'ops-nginx-'));
  // Started as root, nginx's workers run as `nobody`: they must reach the temp folders it creates there.
  chmodSync(dir, 0o755);
  const config = join(dir, 'nginx.conf');
  writeFileSync(config, renderNginxConfig(settings, dir));
  return { dir, config, args: ['-p', dir, '-c', config, '-e', 'stderr'], remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Removes the folders of stacks that were killed outright (Playwright ends its web server with
 * SIGKILL, so the stack cannot clean up): those older than a minute whose nginx is not running
 * (younger ones may belong to a stack starting right now).
 */
export function removeStaleNginxFiles(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('ops-nginx-')) continue;
    const dir = join(tmpdir(), name);
    try {
      if (Date.now() - statSync(dir).mtimeMs < 60_000) continue;
      const pid = existsSync(join(dir, 'nginx.pid')) ? Number(readFileSync(join(dir, 'nginx.pid'), 'utf8').trim()) : 0;
      if (pid > 0 && isRunning(pid)) continue;
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // gone meanwhile, or not ours to read: leave it
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    return process.kill(pid, 0);
  } catch {
    return false;
  }
}
