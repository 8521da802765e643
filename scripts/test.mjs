// `npm test`: set-up, then type checks, lint, unit/integration tests, build and the Playwright suite.
// Stops at the first failing step and prints how long each step took.
import { readFileSync } from 'node:fs';
import { ensureBrowserTestTools, installWorkspace, run, runCaptured } from './lib/bootstrap.mjs';

const started = Date.now();
const timings = [];
function step(name, fn) {
  const t0 = Date.now();
  console.log(`\n━━ ${name}`);
  fn();
  timings.push([name, Date.now() - t0]);
}

/**
 * Steps that do not depend on each other, run at the same time: vue-tsc, tsc, eslint and the build
 * each use about one core, so on CI's two cores they take the time of the longest, not the sum.
 * Each one's output is printed whole when it ends; any failure stops the run after all have ended.
 */
async function together(steps) {
  const t0 = Date.now();
  console.log(`\n━━ ${steps.map(([name]) => name).join(' · ')} (en parallèle)`);
  const results = await Promise.all(
    steps.map(async ([name, cmd, args, what]) => {
      const s0 = Date.now();
      const result = await runCaptured(cmd, args);
      const ms = Date.now() - s0;
      console.log(`\n── ${name} (${(ms / 1000).toFixed(1)} s)\n${result.output.trimEnd()}`);
      if (result.status !== 0) console.error(`\n✗ ${what} a échoué (code ${result.signal ?? result.status}).`);
      timings.push([`${name} (en parallèle)`, ms]);
      return result;
    }),
  );
  timings.push(['  ↳ durée du groupe', Date.now() - t0]);
  const failed = results.find((r) => r.status !== 0);
  if (failed) process.exit(failed.status || 1);
}

/** `pnpm run typecheck`'s commands (joined by &&), so they can run side by side and never drift from it. */
function typecheckParts() {
  const script = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts.typecheck;
  return script.split('&&').map((part) => part.trim().split(/\s+/));
}

let pnpm = '';
step('installation', () => {
  pnpm = installWorkspace();
  ensureBrowserTestTools();
});
// Needs the registry's advisory service; without it the step warns and passes (scripts/audit.ts).
step('audit des dépendances (pnpm audit)', () => run(pnpm, ['exec', 'tsx', 'scripts/audit.ts'], { what: 'l’audit des dépendances' }));
await together([
  ...typecheckParts().map((cmd) => [`types (${cmd.join(' ')})`, pnpm, ['exec', ...cmd], cmd[0]]),
  ['lint (eslint)', pnpm, ['run', 'lint'], 'eslint'],
  ['build', pnpm, ['run', 'build'], 'le build'],
]);
step('tests unitaires et d’intégration (vitest)', () => run(pnpm, ['run', 'test:unit'], { what: 'vitest' }));
// Every bench at small sizes (figures not judged): a bench that no longer runs fails here (bench/smoke.ts).
step('bancs d’essai en mode fumée (BENCH_SMOKE=1)', () => run(pnpm, ['bench', 'smoke'], { what: 'un banc d’essai' }));
step('tests de bout en bout (Playwright, Chromium)', () => run(pnpm, ['run', 'test:e2e'], { what: 'Playwright' }));

console.log('\n━━ Résumé');
for (const [name, ms] of timings) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  total — tout est vert ✓`);
