// The dependency audit step of `npm test`: `pnpm audit` against the npm registry's advisory
// service, judged against audit-allowlist.json (one reason and a review date per entry). Fails on a
// high or critical advisory nobody has explained. When the advisory service cannot be reached
// (offline machine, or a registry mirror that refuses it) the step says so loudly and passes,
// unless OPS_AUDIT_REQUIRED=1 (set it where the registry is known to answer, e.g. a release job).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { advisoriesOf, judge, parseAllowlist, unavailableReason } from './lib/auditReport';

const root = fileURLToPath(new URL('..', import.meta.url));
const pinned = `${root}.tools/node_modules/.bin/pnpm`;
const pnpm = existsSync(pinned) ? pinned : 'pnpm';
const required = process.env.OPS_AUDIT_REQUIRED === '1';

const allowlist = parseAllowlist(JSON.parse(readFileSync(`${root}audit-allowlist.json`, 'utf8')));
const run = spawnSync(pnpm, ['audit', '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
const advisories = advisoriesOf(parseJson(run.stdout ?? ''));

if (advisories === null) {
  const reason = run.error ? `${run.error.message}` : unavailableReason(run.stdout ?? '', run.stderr ?? '');
  if (reason === null) {
    console.error(`✗ pnpm audit a échoué sans rapport (code ${run.status}) :\n${run.stderr || run.stdout}`);
    process.exit(1);
  }
  const message = `audit impossible : ${reason}. Aucun avis de sécurité n’a pu être vérifié.`;
  if (required) {
    console.error(`✗ ${message} (OPS_AUDIT_REQUIRED=1)`);
    process.exit(1);
  }
  console.warn(`⚠ ${message}\n  L’étape passe (registre hors d’atteinte) ; OPS_AUDIT_REQUIRED=1 la rend bloquante.`);
  process.exit(0);
}

const today = new Date().toISOString().slice(0, 10);
const verdict = judge(advisories, allowlist, today);
const c = verdict.counts;
console.log(`avis : ${c.critical} critique(s), ${c.high} élevé(s), ${c.moderate} moyen(s), ${c.low} faible(s)`);
for (const { advisory, entry } of verdict.allowed) {
  console.log(`  permis ${advisory.id} (${advisory.severity}, ${advisory.module}) jusqu’au ${entry.until} : ${entry.reason}`);
}
for (const entry of verdict.stale) console.warn(`⚠ audit-allowlist.json : ${entry.id} (${entry.package}) ne correspond plus à aucun avis : à retirer`);
for (const entry of verdict.expired) console.error(`✗ audit-allowlist.json : ${entry.id} (${entry.package}) a dépassé sa date de réexamen (${entry.until})`);
if (verdict.blocking.length > 0) {
  console.error('✗ avis élevés ou critiques sans explication :');
  for (const a of verdict.blocking) console.error(`  ${a.severity} ${a.id} ${a.module} ${a.vulnerableVersions} — ${a.title} ${a.url}`);
  console.error('  Mettez la dépendance à jour, ou expliquez l’exception dans audit-allowlist.json (id, package, reason, until).');
  process.exit(1);
}
console.log('✓ aucun avis élevé ou critique sans explication');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
