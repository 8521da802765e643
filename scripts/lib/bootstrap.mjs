// Set-up shared by `npm start` and `npm test` on a machine that has only Node 20 and npm:
// a pinned pnpm in .tools/, the workspace install (better-sqlite3 compiled against Node's own
// headers), Debian's Chromium for the browser tests and Debian's nginx for the edge they go through.
// Node built-ins only: nothing is installed yet.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = pkg.packageManager.replace(/^pnpm@/, '');
const toolsDir = join(root, '.tools');
const pnpmBin = join(toolsDir, 'node_modules', '.bin', 'pnpm');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Runs a command with inherited output; exits the process with a clear line if it fails. */
export function run(cmd, args, { env = {}, cwd = root, what = `${cmd} ${args.join(' ')}` } = {}) {
  const result = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, PATH: toolsPath(), ...env } });
  if (result.status !== 0) {
    console.error(`\n✗ ${what} a échoué (code ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

/**
 * Runs a command with its output kept until it ends, for steps that run side by side (their lines
 * would interleave otherwise). Resolves with the exit status and the output; never exits the process.
 */
export function runCaptured(cmd, args, { env = {}, cwd = root } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, PATH: toolsPath(), FORCE_COLOR: '0', ...env } });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (err) => resolve({ status: 1, output: String(err) }));
    child.on('close', (code, signal) => resolve({ status: code ?? 1, signal, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

/** PATH with the pinned pnpm first, so package scripts that call `pnpm` find it. */
export function toolsPath() {
  return `${join(toolsDir, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`;
}

function installedPnpmVersion() {
  if (!existsSync(pnpmBin)) return null;
  const out = spawnSync(pnpmBin, ['--version'], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() : null;
}

/** The pinned pnpm, installed under .tools/ with npm on first use. */
export function ensurePnpm() {
  if (installedPnpmVersion() !== pnpmVersion) {
    console.log(`→ pnpm ${pnpmVersion} (dans .tools/)`);
    run('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', toolsDir, `pnpm@${pnpmVersion}`], {
      what: `l’installation de pnpm ${pnpmVersion}`,
    });
  }
  return pnpmBin;
}

/** Environment for installs: node-gyp cannot download headers here, so point it at Node's own. */
export function installEnv() {
  const env = { npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' };
  return env;
}

/** `pnpm install --frozen-lockfile` (under a second when nothing changed). */
export function installWorkspace() {
  const pnpm = ensurePnpm();
  console.log('→ dépendances (pnpm install --frozen-lockfile)');
  run(pnpm, ['install', '--frozen-lockfile', '--reporter=append-only'], { env: installEnv(), what: 'pnpm install' });
  return pnpm;
}

/** Installs Debian packages with apt-get as root or through sudo, or exits with `refusal` (how to do it by hand). */
function aptInstall(packages, refusal) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = !isRoot && spawnSync('sudo', ['-n', 'true']).status === 0;
  if (!isRoot && !sudo) {
    console.error(refusal);
    process.exit(1);
  }
  const apt = (args) => (sudo ? run('sudo', ['-n', 'apt-get', ...args], { what: 'apt-get' }) : run('apt-get', args, { what: 'apt-get' }));
  process.env.DEBIAN_FRONTEND = 'noninteractive';
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...packages]);
}

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/**
 * What the end-to-end suite needs from Debian, installed with one apt-get run when missing (a fresh
 * machine lacks both; one `apt-get update` instead of two): Chromium for Playwright, and nginx, the
 * edge the suite goes through (scripts/lib/nginx-edge.conf, run by scripts/stack.ts from a temporary
 * folder: the package's own service and /etc/nginx are unused).
 */
export function ensureBrowserTestTools() {
  const needed = [
    { bin: CHROMIUM, pkg: 'chromium', env: 'CHROMIUM_PATH', why: 'les tests de bout en bout' },
    { bin: NGINX, pkg: 'nginx', env: 'NGINX_PATH', why: 'les tests de bout en bout (il joue Traefik devant les BFF, avec le module auth_request)' },
  ].filter((tool) => !existsSync(tool.bin));
  if (needed.length === 0) return;
  const pkgs = needed.map((tool) => tool.pkg);
  console.log(`→ absent : ${needed.map((tool) => tool.bin).join(', ')} — installation des paquets Debian ${pkgs.map((p) => `« ${p} »`).join(', ')}`);
  aptInstall(
    pkgs,
    needed
      .map((tool) => `✗ ${tool.pkg} est requis pour ${tool.why} et ne peut pas être installé sans droits root.\n` +
        `  Installez-le : sudo apt-get update && sudo apt-get install -y --no-install-recommends ${tool.pkg}\n` +
        `  ou indiquez un autre binaire avec ${tool.env}.`)
      .join('\n'),
  );
  for (const tool of needed) {
    if (!existsSync(tool.bin)) {
      console.error(`✗ apt-get a terminé mais ${tool.bin} est introuvable.`);
      process.exit(1);
    }
  }
}
