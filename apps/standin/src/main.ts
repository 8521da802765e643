// `pnpm --filter @gigafibre/standin start [--scale N] [--reseed] [--db FILE]`: ERPNext, targo-hub and
// the Traefik/Authentik edge on one machine (STANDIN_SERVICES picks which; see README).
import { loadConfig } from './config';
import { startStandin } from './standin';

let config;
try {
  config = loadConfig(process.env, process.argv.slice(2));
} catch (err) {
  console.error(`✗ Configuration du standin : ${(err as Error).message}`);
  process.exit(2);
}

const standin = await startStandin(config);
if (standin.seed) {
  const { counts, ms } = standin.seed;
  console.log(`  standin : base amorcée en ${(ms / 1000).toFixed(1)} s (${counts.Customer} clients, ${counts['Dispatch Job']} interventions, ${counts.acs_devices} appareils ACS)`);
}
const labels = { erp: 'ERPNext (Frappe REST)', hub: 'targo-hub', edge: 'edge (Traefik + Authentik)' } as const;
for (const s of standin.services) console.log(`  standin ${labels[s.name as keyof typeof labels]} : ${s.url}`);
if (config.faults) console.log('  standin : injection de pannes active (POST /__faults)');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void standin.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
