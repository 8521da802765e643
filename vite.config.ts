import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { quasar, transformAssetUrls } from '@quasar/vite-plugin';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The SPA is served by the BFF under /ops/ (hash routes), so every asset URL is prefixed with /ops/.
export default defineConfig({
  root: here('./apps/ops'),
  base: '/ops/',
  publicDir: here('./public'),
  resolve: {
    alias: { '@': here('./apps/ops/src') },
  },
  plugins: [vue({ template: { transformAssetUrls } }), quasar({ sassVariables: false })],
  build: {
    outDir: here('./apps/ops/dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Reported by bench/bundle-budget.ts instead.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: {
      // `vite dev` talks to the local edge so identity flows as in production.
      '/ops/api': { target: process.env.OPS_EDGE_URL ?? 'http://localhost:8080', changeOrigin: false },
    },
  },
});
