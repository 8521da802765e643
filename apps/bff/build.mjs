// Bundles the BFF for production: `node dist/index.js` with no TypeScript tooling at run time.
// The workspace packages (@gigafibre/*) export .ts sources, so they are bundled in; every npm
// dependency stays external and is loaded from node_modules as usual.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

await build({
  entryPoints: [`${here}src/index.ts`],
  // BFF_BUNDLE (a path inside apps/bff, so node_modules resolve) lets parallel checkouts build apart.
  outfile: process.env.BFF_BUNDLE ?? `${here}dist/index.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-npm-dependencies',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@gigafibre/') ? undefined : { path: args.path, external: true }));
      },
    },
  ],
});
