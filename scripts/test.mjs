// `npm test`: set-up, then type checks, lint, unit/integration tests, build and the Playwright suite.
// Stops at the first failing step and prints how long each step took.
import { ensureChromium, ensureNginx, installWorkspace, run } from './lib/bootstrap.mjs';

const started = Date.now();
const timings = [];
function step(name, fn) {
  const t0 = Date.now();
  console.log(`\n━━ ${name}`);
  fn();
  timings.push([name, Date.now() - t0]);
}

let pnpm = '';
step('installation', () => {
  pnpm = installWorkspace();
  ensureChromium();
  ensureNginx();
});
// Needs the registry's advisory service; without it the step warns and passes (scripts/audit.ts).
step('audit des dépendances (pnpm audit)', () => run(pnpm, ['exec', 'tsx', 'scripts/audit.ts'], { what: 'l’audit des dépendances' }));
step('types (vue-tsc, tsc)', () => run(pnpm, ['run', 'typecheck'], { what: 'la vérification des types' }));
step('lint (eslint)', () => run(pnpm, ['run', 'lint'], { what: 'eslint' }));
step('tests unitaires et d’intégration (vitest)', () => run(pnpm, ['run', 'test:unit'], { what: 'vitest' }));
step('build', () => run(pnpm, ['run', 'build'], { what: 'le build' }));
// Every bench at small sizes (figures not judged): a bench that no longer runs fails here (bench/smoke.ts).
step('bancs d’essai en mode fumée (BENCH_SMOKE=1)', () => run(pnpm, ['bench', 'smoke'], { what: 'un banc d’essai' }));
step('tests de bout en bout (Playwright, Chromium)', () => run(pnpm, ['run', 'test:e2e'], { what: 'Playwright' }));

console.log('\n━━ Résumé');
for (const [name, ms] of timings) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  total — tout est vert ✓`);
