import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { quasar, transformAssetUrls } from '@quasar/vite-plugin';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Two kinds of tests: the SPA's (Vue, Quasar) and everything that runs on Node. The SPA's run on Node
// too unless they need a DOM: a spec that mounts components or uses browser APIs says so on its first
// line (`// @vitest-environment jsdom`). jsdom per file cost more than all the SPA's tests themselves.
export default defineConfig({
  test: {
    // Vitest's default in a run is one worker fewer than the cores: one on CI's two, where the files
    // (servers, sockets and timers for the most part) then wait on each other. Two run side by side.
    maxWorkers: 2,
    projects: [
      {
        plugins: [vue({ template: { transformAssetUrls } }), quasar({ sassVariables: false })],
        resolve: { alias: { '@': here('./apps/ops/src') } },
        test: {
          name: 'ops',
          root: here('./apps/ops'),
          environment: 'node',
          include: ['src/**/*.spec.ts'],
          setupFiles: [here('./apps/ops/test/setup.ts')],
          server: { deps: { inline: ['quasar'] } },
          // Whole-tree scans (noBareStrings) and first Quasar mounts pass 5 s when CI's 2 cores are busy.
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['apps/bff/**/*.spec.ts', 'apps/ops/eslint/**/*.spec.ts', 'apps/standin/**/*.spec.ts', 'packages/*/src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'bench/**/*.spec.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
