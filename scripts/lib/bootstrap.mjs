// Set-up shared by `npm start` and `npm test` on a machine that has only Node 20 and npm:
// a pinned pnpm in .tools/, the workspace install (better-sqlite3 compiled against Node's own
// headers), Debian's Chromium for the browser tests and Debian's nginx for the edge they go through.
// Node built-ins only: nothing is installed yet.
import { spawnSync } from 'node:child_process';
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

/** Debian's Chromium for Playwright: installed with apt when missing, or a clear message. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  console.log(`→ Chromium absent (${CHROMIUM}) : installation du paquet Debian « chromium »`);
  aptInstall(
    ['chromium'],
    `✗ Chromium est requis pour les tests de bout en bout et ne peut pas être installé sans droits root.\n` +
      `  Installez-le : sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium\n` +
      `  ou indiquez un autre binaire avec CHROMIUM_PATH.`,
  );
  if (!existsSync(CHROMIUM)) {
    console.error(`✗ apt-get a terminé mais ${CHROMIUM} est introuvable.`);
    process.exit(1);
  }
  return CHROMIUM;
}

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/**
 * Debian's nginx, the edge the end-to-end suite goes through (scripts/lib/nginx-edge.conf, run by
 * scripts/stack.ts from a temporary folder: the package's own service and /etc/nginx are unused).
 */
export function ensureNginx() {
  if (existsSync(NGINX)) return NGINX;
  console.log(`→ nginx absent (${NGINX}) : installation du paquet Debian « nginx »`);
  aptInstall(
    ['nginx'],
    `✗ nginx est requis pour les tests de bout en bout (il joue Traefik devant les BFF) et ne peut pas être installé sans droits root.\n` +
      `  Installez-le : sudo apt-get update && sudo apt-get install -y --no-install-recommends nginx\n` +
      `  ou indiquez un autre binaire avec NGINX_PATH (avec le module auth_request).`,
  );
  if (!existsSync(NGINX)) {
    console.error(`✗ apt-get a terminé mais ${NGINX} est introuvable.`);
    process.exit(1);
  }
  return NGINX;
}
