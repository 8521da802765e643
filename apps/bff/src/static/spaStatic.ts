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

/** A route's segments as the SPA writes them (`clients/CUST-00583`, `j/DJ-000005`, `settings/users`). */
const ROUTE = /^(?:\/[A-Za-z0-9][A-Za-z0-9_-]{0,63}){1,4}\/?$/;

/**
 * The SPA's history routes (`/ops/clients/CUST-00583`, `/ops/dispatch?date=…`): index.html, so a
 * deep link opened cold, or brought back by the sign-in redirect, loads the app on its page. Only
 * GET/HEAD of a path made of the app's route words (letters, digits, `-`, `_`; at most four
 * segments) outside `assets/`: a missing file stays a 404, never an HTML page a script tag would
 * choke on, and a traversal or injected text (`..;/`, `%ef%bc%8e`, `%0d%0a`) stays a refusal.
 */
export function spaRoutes(dir: string): RequestHandler {
  const index = join(dir, 'index.html');
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const route = req.path; // below the '/ops' mount, as sent (not decoded): '/clients/CUST-00583'
    if (!ROUTE.test(route) || route.startsWith('/assets/') || !existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, { dotfiles: 'deny' }, (err) => err && next(err));
  };
}
