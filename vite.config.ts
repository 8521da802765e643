import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { quasar, transformAssetUrls } from '@quasar/vite-plugin';
import { defineConfig } from 'vite';
import { shellChunk } from './apps/ops/build/shellChunk';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const shell = shellChunk();

// The SPA is served by the BFF under /ops/ (hash routes), so every asset URL is prefixed with /ops/.
export default defineConfig({
  root: here('./apps/ops'),
  base: '/ops/',
  publicDir: here('./public'),
  resolve: {
    alias: { '@': here('./apps/ops/src') },
  },
  plugins: [vue({ template: { transformAssetUrls } }), quasar({ sassVariables: false }), shell.plugin],
  // Compile-time flags: drop vue-i18n's legacy API and devtools hooks, and Vue's Options API
  // (the app, Quasar, vue-router, pinia and vue-i18n in composition mode do not use it).
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    // Messages are compiled by apps/ops/src/i18n/messageCompiler.ts; vue-i18n's compiler is left out.
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
  },
  // The close-out photo worker is started as a module worker (type: 'module'), in dev and built;
  // its file is named apart from the chunk that only holds its URL (bench/closeout.ts waits for it).
  worker: { format: 'es', rolldownOptions: { output: { entryFileNames: 'assets/photo-worker-[hash].js' } } },
  build: {
    // OPS_DIST lets parallel checkouts build without overwriting each other's served files.
    outDir: process.env.OPS_DIST ?? here('./apps/ops/dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Every browser the app supports preloads modules natively; the polyfill would cost first-load bytes.
    modulePreload: { polyfill: false },
    // dist/.vite/manifest.json: bench/bundle-budget.ts reads what each route loads first.
    manifest: true,
    // Reported by bench/bundle-budget.ts instead.
    chunkSizeWarningLimit: 2000,
    // What the shell needs at start is one chunk; pages and late UI stay lazy (apps/ops/build).
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'shell', test: shell.isShellModule }] } } },
  },
  server: {
    port: 5173,
    proxy: {
      // `vite dev` talks to the local edge so identity flows as in production.
      '/ops/api': { target: process.env.OPS_EDGE_URL ?? 'http://localhost:8080', changeOrigin: false },
    },
  },
});
