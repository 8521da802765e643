// Runs the whole product on one machine: the standin (ERPNext, targo-hub, Authentik's outpost),
// the built BFF replicas and, in front of them, the edge: nginx configured as production's
// Traefik + Authentik ForwardAuth (lib/nginx-edge.conf) when it is installed, or the standin's
// own edge otherwise (OPS_EDGE=nginx|standin forces one; see lib/stack-config.ts). Wired exactly
// as production is (only URLs and tokens differ). Used by `npm start` and by the Playwright suite.
// Ctrl-C / SIGTERM stops every process and removes nginx's temporary folder.
import { readFileSync } from 'node:fs';
import { nginxPath, nginxProblem, removeStaleNginxFiles, writeNginxFiles, type NginxFiles } from './lib/nginxEdge';
import { ProcessGroup, repoRoot as root, waitForUrl } from './lib/processes';
import { chooseEdge, stackConfig } from './lib/stack-config';

const choice = chooseEdge(process.env, nginxProblem(nginxPath(process.env)));
if ('error' in choice) {
  console.error(`✗ ${choice.error}`);
  process.exit(1);
}
const cfg = stackConfig(process.env, choice.edge);
let nginxFiles: NginxFiles | undefined;
const group = new ProcessGroup({
  onEarlyExit: (name, status) => {
    console.error(`✗ ${name} s’est arrêté (${status}) : arrêt de tout.`);
    void stop(1);
  },
});
const start = (name: string, cmd: string, args: string[], env: Record<string, string>) => group.start(name, cmd, args, { env, stdout: 'inherit', stderr: 'inherit' });

async function stop(code: number): Promise<void> {
  if (group.isStopping) return;
  await group.stopAll();
  nginxFiles?.remove();
  process.exit(code);
}

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  await waitForUrl(url, { timeoutMs }).catch(() => {
    throw new Error(`${url} n’a pas répondu 200 en ${timeoutMs / 1000} s`);
  });
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
// Whoever started the stack (Playwright, npm start) died without stopping it: stop too, rather than
// leave the ports (and nginx) taken for the next run. tsx runs this file in a child of its own, so
// the starter is the grandparent: watch both (Linux /proc; elsewhere this check does nothing).
const parentOf = (pid: number): number | undefined => {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
  } catch {
    return undefined;
  }
};
const ancestors = [process.ppid, parentOf(process.ppid)];
setInterval(() => {
  if (process.ppid !== ancestors[0] || parentOf(process.ppid) !== ancestors[1]) void stop(1);
}, 1_000).unref();

start('standin', `${root}node_modules/.bin/tsx`, [`${root}apps/standin/src/main.ts`], cfg.standinEnv);
cfg.bffEnvs.forEach((env, i) => start(`bff#${i + 1}`, process.execPath, [cfg.bffBundle ?? `${root}apps/bff/dist/index.js`], env));
if (cfg.edge === 'nginx') {
  // nginx after the outpost is up: until then every request it took would log a refused auth subrequest.
  await waitReady(`http://127.0.0.1:${cfg.outpostPort}/if/flow/default-authentication-flow/`, 90_000).catch(async (err: Error) => {
    console.error(`✗ ${err.message}`);
    await stop(1);
  });
  removeStaleNginxFiles();
  nginxFiles = writeNginxFiles({ listenPort: cfg.opsPort, outpostPort: cfg.outpostPort, bffPorts: cfg.bffPorts, faults: cfg.faults, accessLog: process.env.NGINX_ACCESS_LOG });
  // SIGTERM is nginx's fast shutdown: open streams are cut, as when Traefik stops.
  start('nginx', nginxPath(process.env), nginxFiles.args, {});
}

try {
  await waitReady(`${cfg.edgeUrl}/ops/readyz`, 90_000);
  const edge = cfg.edge === 'nginx' ? `nginx devant ${cfg.bffPorts.length} BFF, Authentik joué par le standin` : 'edge du standin (nginx absent)';
  console.log(`\n  Gigafibre Ops est prêt : ${cfg.edgeUrl}/ops/  [${edge}]\n  (comptes de démonstration sur la page de connexion ; Ctrl-C pour arrêter)\n`);
} catch (err) {
  console.error(`✗ ${(err as Error).message}`);
  await stop(1);
}
