// Everything that is not the API, on Express: the SPA's files, the health probes, redirects, and
// JSON 404s. The request id and the path check have already run (app.ts).
import express, { type Express } from 'express';
import type { BffConfig } from './config';
import { errorHandler, HttpError } from './errors';
import { healthRoutes, type AppState } from './health/healthRoutes';
import type { Logger } from './logging/logger';
import { entryPage } from './static/entryPage';
import { spaRoutes, spaStatic } from './static/spaStatic';

export function createShell(config: BffConfig, state: AppState, log: Logger): Express {
  const shell = express();
  shell.disable('x-powered-by');
  shell.set('etag', false); // JSON answers are never cached; static files keep their own ETag
  shell.set('case sensitive routing', true);
  shell.set('strict routing', true);

  healthRoutes(shell, config, state, log);
  shell.get(['/', '/ops'], (_req, res) => res.redirect(302, '/ops/'));
  // The app's document is /ops/index.html; /ops/ is the sessionless entry page for old hash links.
  shell.get('/ops/', entryPage());
  shell.use('/ops', spaStatic(config.staticDir, log));
  shell.use('/ops', spaRoutes(config.staticDir));
  shell.use(() => {
    throw new HttpError(404, 'not_found', 'Page introuvable.');
  });
  shell.use(errorHandler(log));
  return shell;
}
