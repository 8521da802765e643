import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import express, { type RequestHandler } from 'express';
import type { Logger } from '../logging/logger';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built SPA under `/ops/`. Served without identity on purpose: the bundle holds no data, the
 * edge (Traefik ForwardAuth) guards `/ops/` anyway, and a page whose session expired must still
 * load to send the user back to sign-in. `index.html` is revalidated on every load; Vite's hashed
 * files under `assets/` never change and are cached for a year.
 */
export function spaStatic(dir: string, log: Logger): RequestHandler {
  if (!existsSync(join(dir, 'index.html'))) {
    log.warn({ dir }, 'SPA not built: /ops/ will answer 404 until `pnpm build` has run');
  }
  return express.static(dir, {
    index: 'index.html',
    dotfiles: 'ignore',
    etag: true,
    fallthrough: true,
    setHeaders(res, path) {
      const hashed = path.includes('/assets/') && basename(path) !== 'index.html';
      res.setHeader('Cache-Control', hashed ? IMMUTABLE : 'no-cache');
    },
  });
}
