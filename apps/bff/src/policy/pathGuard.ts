import type { RequestHandler } from 'express';
import { HttpError } from '../errors';
import { normalizePath } from './normalizePath';

/**
 * Refuses ambiguous paths (400) before anything routes on them and keeps the decoded segments.
 * Under /ops/api a trailing `/` is refused too: an API path names exactly one thing.
 */
export const pathGuard: RequestHandler = (req, _res, next) => {
  const path = normalizePath(req.originalUrl);
  if (path.trailingSlash && path.segments[0] === 'ops' && path.segments[1] === 'api') {
    throw new HttpError(400, 'bad_path', 'Chemin refusé : « / » final interdit.', { reason: 'trailing_slash' });
  }
  req.opsPath = path;
  next();
};
