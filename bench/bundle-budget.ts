// `pnpm bench bundle-budget`: builds the SPA and prints, for the shell and for each route, the gzip
// size of the JS and CSS a browser must load before it can show it (entry + static imports, the
// route's lazy page and its feature messages in French, and their static imports). Fails when over
// budget. `--no-build` (and BENCH_SMOKE=1) reuses apps/ops/dist.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FirstLoad, kb } from './lib/firstLoad';
import { report, SMOKE } from './lib/report';

const root = fileURLToPath(new URL('..', import.meta.url));
const appRoot = join(root, 'apps/ops');
const dist = process.env.OPS_DIST ?? join(appRoot, 'dist');

/** First-load JS budgets in kB (1 kB = 1000 bytes, gzip level 9). */
const BUDGETS_KB: Record<string, number> = { shell: 110, '/scan': 120 };

if (!SMOKE && !process.argv.includes('--no-build')) {
  const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (vite.status !== 0) {
    console.error('✗ vite build a échoué');
    process.exit(1);
  }
}

const build = new FirstLoad(dist);
const shellLoad = build.closure(build.shellKeys);

/** Routes and the lazy modules they load, read from the route files (`path: '…'` … `import('…')`). */
function routeTable(): { path: string; keys: string[] }[] {
  const srcDir = join(appRoot, 'src');
  const files = [join(srcDir, 'router/routes.ts')];
  for (const feature of readdirSync(join(srcDir, 'features'))) {
    const file = join(srcDir, 'features', feature, 'routes.ts');
    if (existsSync(file)) files.push(file);
  }
  const table: { path: string; keys: string[] }[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const feature = /defineFeatureRoutes\('([\w-]+)'/.exec(text)?.[1];
    // A feature's messages load in the user's language only: French, the default, is measured.
    const messagesKey = feature ? `src/features/${feature}/messages/frCA.ts` : null;
    const blocks = text.split(/(?=\bpath:\s*')/).slice(1);
    for (const block of blocks) {
      const path = /^path:\s*'([^']*)'/.exec(block)?.[1];
      const target = /import\('([^']+)'\)/.exec(block)?.[1];
      if (path === undefined || !target || path.includes('pathMatch')) continue;
      const abs = target.startsWith('@/') ? join(srcDir, target.slice(2)) : join(dirname(file), target);
      const key = relative(appRoot, abs).split('\\').join(posix.sep);
      const keys = [key];
      if (messagesKey) keys.push(messagesKey);
      table.push({ path: `/${path}`, keys });
    }
  }
  return table;
}

const shell = build.sizes(shellLoad);
const figures: Record<string, number> = { shell_js_gzip_kb: kb(shell.js), shell_css_gzip_kb: kb(shell.css) };
const failures: string[] = [];
const check = (name: string, jsBytes: number) => {
  const budget = BUDGETS_KB[name];
  if (budget !== undefined && jsBytes / 1000 > budget) failures.push(`${name}: ${kb(jsBytes)} kB > ${budget} kB`);
};
check('shell', shell.js);

console.log('\nPremier chargement (gzip, kB = 1000 o)        JS        CSS   budget JS');
console.log(`  ${'coquille (aucune page ouverte)'.padEnd(40)} ${String(kb(shell.js)).padStart(7)}  ${String(kb(shell.css)).padStart(8)}   ${BUDGETS_KB.shell ?? ''}`);
for (const route of routeTable()) {
  for (const key of route.keys) if (!build.has(key)) throw new Error(`${route.path} : ${key} absent du manifeste`);
  const { js, css } = build.sizes(build.closure(route.keys, shellLoad));
  const name = route.path.replace(/^\//, '').replace(/[/:]+/g, '_') || 'root';
  figures[`route_${name}_js_gzip_kb`] = kb(js);
  figures[`route_${name}_css_gzip_kb`] = kb(css);
  check(route.path, js);
  console.log(`  ${route.path.padEnd(40)} ${String(kb(js)).padStart(7)}  ${String(kb(css)).padStart(8)}   ${BUDGETS_KB[route.path] ?? ''}`);
}
if (failures.length) console.error(`\n✗ budget dépassé : ${failures.join('; ')}`);
report('bundle-budget', { ...figures, shell_budget_js_gzip_kb: BUDGETS_KB.shell ?? 0 }, failures.length === 0);
